"""Settings shared by every environment; each value that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-only-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "csp",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "pgtrigger",
    "axes",
    "viewflow",
    "viewflow.workflow",
    "core",
    "core.org",
    "core.authority",
    "core.audit",
    "core.inbox",
    "core.channels",
    "core.analytics",
    "workflows.demo",
    "workflows.expenses",
    "workflows.contracts",
    "workflows.plans",
    "workflows.risks",
    "workflows.forms",
    "workflows.campaigns",
    "workflows.reports",
]

MIDDLEWARE = [
    "core.middleware.RequestIDMiddleware",
    # A view whose database connection dropped answers 503 with Retry-After, not a 500.
    "core.database.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Configuration changes in this request are audited as this user's (core/audit/config.py).
    "core.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.inbox.context_processors.nav",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A persistent connection is checked before a request or a Celery task uses it, so one broken by
# a database restart or failover is replaced instead of failing the request (core/database.py).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The lists' covering indexes (INCLUDE) are PostgreSQL's; SQLite, for trying the app, builds
    # them without the extra columns, which is all it needs: no warning on every command.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
# "pgbouncer" when the app reaches PostgreSQL through PgBouncer in transaction mode
# (docs/RELIABILITY.md, "Database restarts and connection poolers").
DATABASE_POOLER = env("DATABASE_POOLER", default="")
if DATABASES["default"]["ENGINE"].endswith("postgresql") and not DATABASE_POOLER:
    # A decision waits for another on the same request at most this long, then gets a 409.
    # (PgBouncer refuses this startup parameter: behind it the role carries lock_timeout.)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c lock_timeout={env.int('DB_LOCK_TIMEOUT_MS', default=10000)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

AUTH_USER_MODEL = "org.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    # django-axes first: after AXES_FAILURE_LIMIT failed logins for one username from one
    # address, that pair is locked out for AXES_COOLOFF_TIME (pages and the token API alike).
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, whose per-request user comes with their roles in the same query.
    "core.org.backends.UserWithRolesBackend",
]
# OpenID Connect single sign-on (core/org/oidc.py, docs/channels.md): off unless
# OIDC_RP_CLIENT_ID is set. It maps the identity to an existing user and never creates one.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_CREATE_USER = False
OIDC_USE_PKCE = env.bool("OIDC_USE_PKCE", default=True)
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("core.org.oidc.ExistingUserOIDCBackend")
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy: the proxies' addresses or networks (comma-separated). Only a request
# from one of them has its X-Forwarded-For read, for axes and the audit's IP (core/clientip.py).
TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
# Every business date (expense, milestone, due date, ...) lies in this window: from EARLIEST to
# YEARS_AHEAD years after today (core/dates.py); anything else is a 400 naming the window.
BUSINESS_DATE_WINDOW = {
    "EARLIEST": env("BUSINESS_DATE_EARLIEST", default="2000-01-01"),
    "YEARS_AHEAD": env.int("BUSINESS_DATE_YEARS_AHEAD", default=10),
}
# 催办: a task may be urged again this many working hours after its last urge
# (core/inbox/actions.py).
URGE_INTERVAL_HOURS = env("URGE_INTERVAL_HOURS", default="4")
# 抄送 by rule: finance is copied on every contract whose value is over this (yuan, a decimal;
# exactly this much is not over it). workflows/contracts/selectors.py cc_rules.
CC_FINANCE_CONTRACT_OVER = env("CC_FINANCE_CONTRACT_OVER", default="500000")
# Customer classification (policy §4(二)): a customer is A when both its signed contract value
# and its collections over the trailing twelve months reach the A figures, B when both reach
# the B figures, C otherwise (a figure exactly at a threshold reaches it). Yuan, as decimals.
CUSTOMER_CLASS_THRESHOLDS = {
    "A": {"signed": env("CUSTOMER_CLASS_A_SIGNED", default="1000000"),
          "collected": env("CUSTOMER_CLASS_A_COLLECTED", default="500000")},
    "B": {"signed": env("CUSTOMER_CLASS_B_SIGNED", default="200000"),
          "collected": env("CUSTOMER_CLASS_B_COLLECTED", default="100000")},
}
USE_I18N = True
USE_TZ = True

# Content-Security-Policy (django-csp): scripts only from this site, never inline; <style>
# blocks carry the request's nonce ({{ request.csp_nonce }}); style="" attributes stay allowed
# (style-src-attr: they cannot run code). Nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("COUNTERSIGN_MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

# Django's database sessions, read by a statement compiled once per process (core/sessions.py).
SESSION_ENGINE = "core.sessions"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# API tokens (django-rest-knox, our model core.org.ApiToken): hashed, one per POST
# /api/auth/token/, each expiring API_TOKEN_AGE seconds after it was made (default: a session's
# age); revoked by POST /api/auth/logout/, DELETE /api/auth/tokens/<id>/ and a password change.
API_TOKEN_AGE = env.int("API_TOKEN_AGE", default=SESSION_COOKIE_AGE)
KNOX_TOKEN_MODEL = "org.ApiToken"  # nosec B105: a model label, not a secret
# knox's own migrations create its AuthToken table even when the model is swapped (ours is
# org.ApiToken): without them knox has nothing to migrate and no stray table referencing users.
MIGRATION_MODULES = {"knox": None}
# How long an Idempotency-Key is remembered (core/api/idempotency.py); the sweep forgets older.
IDEMPOTENCY_KEY_AGE = env.int("IDEMPOTENCY_KEY_AGE", default=24 * 3600)
REST_KNOX = {
    "TOKEN_TTL": timedelta(seconds=API_TOKEN_AGE),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}

EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="countersign@localhost")
# The address people reach the app at: links in e-mails are made absolute with it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Channels (core/channels, docs/channels.md). Signed action links in task e-mails and IM cards:
# one recipient, one task, one decision, single use, CHANNELS_LINK_HOURS long. With
# CHANNELS_LINKS_REQUIRE_LOGIN a link opened logged out asks for a login first. IM robots are
# configured in the admin (none = no IM messages); their secrets are encrypted with
# CHANNELS_ENCRYPTION_KEY (derived from DJANGO_SECRET_KEY when unset).
CHANNELS_EMAIL_LINKS = env.bool("CHANNELS_EMAIL_LINKS", default=True)
CHANNELS_LINK_HOURS = env.int("CHANNELS_LINK_HOURS", default=72)
CHANNELS_LINKS_REQUIRE_LOGIN = env.bool("CHANNELS_LINKS_REQUIRE_LOGIN", default=False)
CHANNELS_ENCRYPTION_KEY = env("CHANNELS_ENCRYPTION_KEY", default="")
CHANNELS_MAX_ATTEMPTS = env.int("CHANNELS_MAX_ATTEMPTS", default=8)
CHANNELS_BACKOFF_SECONDS = env.int("CHANNELS_BACKOFF_SECONDS", default=30)
CHANNELS_HTTP_TIMEOUT = env.float("CHANNELS_HTTP_TIMEOUT", default=5.0)
# The buyer every VAT invoice on an expense claim must name (policy 7(三)1); the demo company's
# by default. Set both for a real deployment.
COMPANY_NAME = env("COMPANY_NAME", default="示例销售有限公司")
COMPANY_CREDIT_CODE = env("COMPANY_CREDIT_CODE", default="91310115MA1K4C30XK")

# Celery: with no broker configured the tasks run eagerly in-process (make run, unit tests).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"  # eager: nothing is sent; keeps kombu from guessing a host
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A publish while Redis is down fails at once instead of retrying for seconds: the request
    # answers, and the outbox row waits for the relay.
    "max_retries": 0,
    # A message taken by a worker that then died is redelivered after this long (Redis keeps it
    # as unacknowledged; kombu's default is an hour). Longer than any task and any countdown.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=120),
}
CELERY_RESULT_BACKEND = None
# A payment job sent but not finished after this many seconds is sent again by the sweep (the
# payment itself happens at most once): what recovers a message lost with a killed worker.
EXPENSE_PAYMENT_STALLED_AFTER = env.int("EXPENSE_PAYMENT_STALLED_AFTER", default=900)
CELERY_BEAT_SCHEDULE = {
    "sweep-timers": {"task": "core.inbox.tasks.sweep_timers", "schedule": 60.0},
    # IM deliveries due for a retry, and the hourly/daily e-mail digests.
    "sweep-channels": {"task": "core.channels.tasks.sweep_channels", "schedule": 60.0},
    # The monthly sales analysis report (workflows/reports, docs/reports.md): 08:00 on the 1st,
    # CELERY_TIMEZONE (Asia/Shanghai), for the previous month; made once however many beats run.
    "monthly-sales-report": {"task": "workflows.reports.tasks.monthly_sales_report",
                             "schedule": crontab(minute="0", hour="8", day_of_month="1")},
}

# Signed audit checkpoints (core/audit/checkpoints.py, docs/audit.md). Off unless enabled; when
# on, beat signs one every AUDIT_CHECKPOINT_MINUTES with the Ed25519 key in AUDIT_SIGNING_KEY_FILE
# (or AUDIT_SIGNING_KEY: PEM or base64 of the 32-byte seed), held outside the database, and
# writes each as JSON to AUDIT_CHECKPOINT_DIR, a directory to ship elsewhere (object storage
# with retention, another host). `manage.py audit_checkpoint` makes one on demand.
AUDIT_CHECKPOINTS = env.bool("AUDIT_CHECKPOINTS", default=False)
AUDIT_SIGNING_KEY = env("AUDIT_SIGNING_KEY", default="")
AUDIT_SIGNING_KEY_FILE = env("AUDIT_SIGNING_KEY_FILE", default="")
AUDIT_CHECKPOINT_DIR = env("AUDIT_CHECKPOINT_DIR", default=str(BASE_DIR / "var" / "checkpoints"))
AUDIT_CHECKPOINT_MINUTES = env.int("AUDIT_CHECKPOINT_MINUTES", default=60)
# Every n-th checkpoint stores all heads (the others only those that moved), so reading one
# checkpoint's heads never replays more than n deltas.
AUDIT_CHECKPOINT_FULL_EVERY = env.int("AUDIT_CHECKPOINT_FULL_EVERY", default=24)
# The evidence pack's PDF signature (core/inbox/evidence.py): the organisation's key and X.509
# certificate (PEM). Unset: a self-signed demo pair made once under var/evidence-demo/.
EVIDENCE_SIGNING_KEY_FILE = env("EVIDENCE_SIGNING_KEY_FILE", default="")
EVIDENCE_SIGNING_CERT_FILE = env("EVIDENCE_SIGNING_CERT_FILE", default="")
# The auditor's workbench lists amounts "just below a band limit": within this fraction below an
# authority band's upper limit (0.05: from 9,500 up to a 10,000 limit). Auditors may widen it.
AUDIT_BAND_MARGIN = env("AUDIT_BAND_MARGIN", default="0.05")
if AUDIT_CHECKPOINTS:
    CELERY_BEAT_SCHEDULE["audit-checkpoint"] = {
        "task": "core.audit.tasks.make_checkpoint",
        "schedule": AUDIT_CHECKPOINT_MINUTES * 60.0,
    }

CURRENCY = "CNY"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    # JSON with the body size limit and a nesting cap (core/api/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
}


def _api_getting_started() -> str:
    """The "Getting started" of docs/API.md (between its markers): /api/docs/ shows it."""
    text = (BASE_DIR / "docs" / "API.md").read_text(encoding="utf-8")
    start, end = "<!-- getting-started:start -->", "<!-- getting-started:end -->"
    return ("Approval workflows for a sales department: tasks, requests, audit.\n\n"
            + text.split(start, 1)[1].split(end, 1)[0].strip())


SPECTACULAR_SETTINGS = {
    "TITLE": "Countersign API",
    "DESCRIPTION": _api_getting_started(),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs page are for logged-in users (API tokens or a session); the only
    # anonymous endpoint apart from the token exchange is /healthz.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from the installed sidecar package: no CDN, works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # What client generators need (docs/API.md, "Clients"): request and response models apart
    # (read-only fields only in responses, write-only only in requests), and JSON as the one
    # request type; uploads declare multipart themselves.
    "COMPONENT_SPLIT_REQUEST": True,
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
    # Enum names are part of the clients' API: named here, so a new field with the same name
    # and other choices cannot rename them (it would be a warning, which fails CI).
    "ENUM_NAME_OVERRIDES": {
        "RequestStatusEnum": "core.inbox.models.RequestStatus",
        "CategoryEnum": "workflows.expenses.models.Category",
        "ItemTypeEnum": "workflows.expenses.models.ItemType",
        "CityTierEnum": "workflows.expenses.models.CityTier",
        "TravelClassEnum": "workflows.expenses.models.TravelClass",
        "OnExcessEnum": "workflows.expenses.models.OverStandard",
        "BudgetWarningEnum": "workflows.expenses.api.budget_serializers.WARNING_CHOICES",
        "CustomerRatingEnum": "workflows.contracts.models.Rating",
        "MilestoneKindEnum": "workflows.contracts.models.Milestone.Kind",
        "InteractionKindEnum": "workflows.contracts.models.Interaction.Kind",
        "CustomerValueClassEnum": "workflows.contracts.models.ValueClass",
        "PlanSpreadEnum": "workflows.plans.api.serializers.SPREAD_CHOICES",
        "RiskTypeEnum": "workflows.risks.models.RiskType",
        "CampaignTypeEnum": "workflows.campaigns.models.CampaignType",
        "CampaignStateEnum": "workflows.campaigns.models.CampaignState",
        "CampaignEvaluationStateEnum": "workflows.campaigns.models.EvaluationState",
        "SignerPositionEnum": "core.inbox.actions.POSITIONS",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.blank_query_filters",
        "core.api.schema.retry_later_responses",
        "core.api.schema.client_ready",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # In-process (eager, no broker) Celery would log every task on the web console; a real
    # worker keeps INFO (its "ready." line, each task's outcome).
    "loggers": {
        "celery": {"level": env(
            "CELERY_LOG_LEVEL", default="WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO")},
        # urllib3 logs each request line at DEBUG, and a robot's webhook URL holds its key
        # (WeCom) or token (Feishu, DingTalk): never below WARNING, whatever LOG_LEVEL says.
        "urllib3": {"level": "WARNING"},
    },
}
