"""Every URL pattern of the project, walked from the resolver, with what fills its parameters
from the world, and the page-level rules of who may open the pages that show no one object.
Not collected (no test_ prefix)."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from core import registry

from .world import ALL_READERS, EVERYONE, REQUEST_VISIBLE, VISIBLE, World

# Left out of the matrix, and why.
SKIPPED = {
    "admin/": "Django's admin: its own staff check (is_staff), not the product's pages",
    "i18n/": "set_language: changes only the visitor's language cookie, reads no object",
    "api/schema/": "the OpenAPI schema, any logged-in user (test_foundation__api_errors.py)",
    "api/docs/": "the schema's documentation page, any logged-in user (same)",
    "healthz": "the liveness probe, anonymous by design, shows no data",
    "accounts/login/": "the login page itself (test_login__sessions.py)",
    "accounts/logout/": "logout (test_login__sessions.py: POST only)",
    "api/auth/token/": "the token exchange: anonymous by design, POST with a password",
    "demo/": "the demo's one-click login and try-this panel: POST only, a 404 without "
             "DEMO_LOGINS_ALLOWED (tests/core/test_demo__personas.py)",
    "api/auth/tokens/": "the caller's own API tokens; another's is 404 (test_auth__tokens.py)",
    "filters/": "the caller's own saved filters, POST only; another's is 404 "
                "(tests/core/inbox/test_search__find_anything.py)",
    "act/": "signed action links: the token is the credential, for its one recipient; "
            "refusals and other users in tests/core/channels/test_links__act.py",
    "oidc/": "single sign-on: a 404 unless OIDC is configured (tests/core/test_oidc__login.py)",
}

# The object family of each route that names one object, by the route's prefix: the engine's
# own routes here, each process's from its spec (ProcessSpec.access), so a new process brings
# its rows with it.
CORE_FAMILIES = [
    ("inbox/tasks/<int:task_id>/", "task"),
    ("api/tasks/<int:pk>/", "task"),
    ("requests/<int:request_id>/", "request"),
    # the evidence pack: auditors and administrators, and the submitter of their own
    ("requests/<int:request_id>/evidence.", "evidence"),
    ("api/requests/<str:kind>/<int:object_id>/", "request"),
    ("attachments/<slug:token>/", "attachment"),
    # the auditor's workbench: auditors only, whatever the request
    ("audit/workbench/requests/<int:request_id>/", "review"),
    ("audit/workbench/samples/<int:seq>/", "sample"),
    ("audit/workbench/anomalies/<slug:code>/", "anomalies"),
    # an archived sales report and its files: the sales GM, the CEO, auditors, administrators
    ("reports/<int:pk>/", "report"),
    ("api/reports/<int:pk>/", "report"),
    # one's own out-of-office period: cancelled by its owner only (POST/DELETE)
    ("preferences/out-of-office/<int:pk>/", "absence"),
    ("api/me/out-of-office/<int:pk>/", "absence"),
]


def families() -> list[tuple[str, str]]:
    """Longer prefixes first, so "contracts/customers/<id>/" wins over "contracts/<id>/"."""
    pairs = CORE_FAMILIES + [(a.pattern, a.family) for spec in registry.processes()
                             for a in spec.access]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


# Pages and API resources about no one object that only some personas may open (anything else
# is open to every logged-in persona; what it lists is checked row by row). An API list that
# answers 200 with no rows to the others (e.g. /api/expenses/budgets/) is not listed here.
GATED = {
    "inbox:audit": ALL_READERS,
    "api-audit-events": ALL_READERS,
    "api-audit-export": ALL_READERS,
    "api-audit-verify": ALL_READERS,
    "inbox:workbench": {"auditor"},
    # core.analytics.figures.can_view: the sales GM, the CEO, auditors and administrators
    "analytics:approvals": ALL_READERS,
    "analytics:approvals-csv": ALL_READERS,
    "api-analytics-approvals": ALL_READERS,
    # workflows.reports.selectors.can_read: the sales GM, the CEO, auditors and administrators
    "reports:list": ALL_READERS,
    "reports-api:reports": ALL_READERS,
    "inbox:workbench-draw": {"auditor"},  # POST only: 405 to a GET, for everyone
    "contracts:limit-changes": {"finance"},
    # budgets_for / budget_scope: finance, the sales GM, the CEO, auditors, administrators and
    # regional managers (their department).
    "expenses:budgets": {"north_mgr", "finance"} | ALL_READERS,
    "expenses:monitor": {"north_mgr", "finance"} | ALL_READERS,
    "expenses-api:monitor": {"north_mgr", "finance"} | ALL_READERS,
    "expenses:budget-new": {"finance"} | ALL_READERS,
    # risks.selectors.sees_summary: the sales GM, the CEO, auditors and administrators.
    "risks:summary": ALL_READERS,
    "risks-api:summary": ALL_READERS,
    # plans: only the sales GM drafts a plan.
    "plans:plan-new": ALL_READERS,
    # campaigns: drafted by marketing or a regional manager
    "campaigns:new": {"north_mgr"},
    # core.setup.is_administrator: superusers and holders of the administrator role.
    "getting-started": {"admin"},
}

# Extra query strings for the lists that have a wider scope than the default.
VARIANTS = {
    "expenses:claims": ["?scope=all"],
    "inbox:requests": ["?scope=all"],
    "inbox:inbox": ["?tab=queue", "?tab=archive"],
    "api-requests": ["?mine=1"],
    "api-tasks": ["?scope=queue", "?scope=archive"],
}

PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    route: str  # e.g. "expenses/claims/<int:claim_id>/"
    name: str  # namespaced, e.g. "expenses:claim"
    view: object

    @property
    def params(self) -> list[str]:
        return [m["name"] for m in PARAM.finditer(self.route)]

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    def url(self, values: dict) -> str:
        return "/" + PARAM.sub(lambda m: str(values[m["name"]]), self.route)


def walk(patterns=None, prefix: str = "", namespace: tuple = ()):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = (*namespace, p.namespace) if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = ":".join([*namespace, p.name]) if p.name else ""
            yield Route(prefix + str(p.pattern), name, p.callback)


def skipped_reason(route: Route) -> str | None:
    return next((why for prefix, why in SKIPPED.items() if route.route.startswith(prefix)),
                None)


def family(route: Route) -> str | None:
    if not route.params:
        return None
    return next((fam for prefix, fam in families() if route.route.startswith(prefix)), "")


@dataclass(frozen=True)
class Target:
    label: str  # e.g. "claim_e" or "task contract_e#3"
    visible: frozenset  # personas that may see it
    values: dict


# Parameters naming a part of the object in the path (a line, a file, a measure, ...).
SUB_PARAMS = {"line_id", "token", "att_id", "measure_id", "review_id", "milestone_id",
              "problem_id", "receipt_id"}


def targets(w: World, fam: str, route: "Route | None" = None) -> list[Target]:
    """The objects a route of this family is called with (each visible object and each foreign
    one), and what fills each parameter (a sub-object of the object where it has one, else the
    other object's: a mismatched pair must be 404 too). A route with a part in its path is
    also called with the object and the other object's part: no one may get that (404)."""
    out = _targets(w, fam)
    if route is not None and SUB_PARAMS & set(route.params) and len(out) > 1 \
            and fam in ("claim", "contract", "risk"):
        first, other = out[0], out[1]
        crossed = {**other.values, **{k: v for k, v in first.values.items()
                                      if k not in SUB_PARAMS}}
        if any(crossed[k] != first.values[k] for k in SUB_PARAMS & set(route.params)):
            out.append(Target(f"{first.label} with {other.label}'s part", frozenset(),
                              crossed))
    return out


def _targets(w: World, fam: str) -> list[Target]:
    o, x = w.objects, w.extra
    out = []

    def add(label, visible, **values):
        main = values.get("pk")
        out.append(Target(label, frozenset(visible), {"pk": main, **values}))

    if fam == "claim":
        for key, side in (("claim_e", "e"), ("claim_s", "s")):
            att = w.attachments[key]
            add(key, VISIBLE[key], pk=o[key].pk, claim_id=o[key].pk,
                line_id=x[f"line_{side}"].pk, token=att.token, att_id=att.pk,
                receipt_id=x[f"receipt_{side}"].pk)
    elif fam == "budget":
        add("budget", VISIBLE["budget"], pk=o["budget"].pk, budget_id=o["budget"].pk)
    elif fam == "customer":
        for key in ("customer_e", "customer_s"):
            add(key, VISIBLE[key], pk=o[key].pk, customer_id=o[key].pk)
    elif fam == "change":
        add("change_e", VISIBLE["customer_e"], pk=x["change_e"].pk,
            change_id=x["change_e"].pk)
    elif fam == "milestone":
        add("milestone_e", VISIBLE["contract_e"], pk=x["milestone_e"].pk)
    elif fam == "problem":
        add("problem_e", VISIBLE["contract_e"], pk=x["problem_e"].pk)
    elif fam == "contract":
        for key in ("contract_e", "contract_s"):
            att = w.attachments[key]
            add(key, VISIBLE[key], pk=o[key].pk, contract_id=o[key].pk, token=att.token,
                att_id=att.pk, milestone_id=x["milestone_e"].pk,
                problem_id=x["problem_e"].pk)
    elif fam == "plan":
        for key in ("plan_pub", "plan_draft"):
            add(key, VISIBLE[key], pk=o[key].pk, plan_id=o[key].pk, action="approve")
    elif fam == "risk":
        for key, side in (("risk_e", "e"), ("risk_s", "s")):
            add(key, VISIBLE[key], pk=o[key].pk, risk_id=o[key].pk,
                measure_id=x[f"measure_{side}"].pk, review_id=x[f"review_{side}"].pk,
                action="withdraw")
    elif fam == "form":
        for key in ("form_e", "form_s"):
            add(key, VISIBLE[key], pk=o[key].pk, submission_id=o[key].pk)
    elif fam == "form_new":
        # a template's form: whoever may submit it (auditors read and submit nothing)
        add("form_new headcount", EVERYONE - {"auditor"}, code="headcount")
    elif fam == "form_template":
        # the template editor: administrators (and a template's process owner, none here)
        tpl = o["form_e"].template
        add("form_template", {"admin"}, pk=tpl.pk, template_id=tpl.pk)
    elif fam == "campaign":
        add("campaign_e", VISIBLE["campaign_e"], pk=o["campaign_e"].pk,
            campaign_id=o["campaign_e"].pk)
    elif fam == "task":
        for key, items in w.tasks.items():
            for item in {items[0].pk: items[0], items[-1].pk: items[-1]}.values():
                add(f"task {key}#{item.pk}", REQUEST_VISIBLE[key], pk=item.pk,
                    task_id=item.pk, action="approve")
    elif fam == "request":
        for key, req in w.requests.items():
            add(f"request {key}", REQUEST_VISIBLE[key], pk=req.pk, request_id=req.pk,
                kind=req.kind, object_id=req.object_id, action="withdraw")
    elif fam == "evidence":
        for key, req in w.requests.items():
            own = {req.submitter.username} & EVERYONE
            add(f"evidence {key}", (own | ALL_READERS) & REQUEST_VISIBLE[key], pk=req.pk,
                request_id=req.pk, fmt="pdf")
    elif fam == "review":
        for key, req in w.requests.items():
            add(f"review {key}", {"auditor"}, pk=req.pk, request_id=req.pk)
    elif fam == "sample":
        add("sample", {"auditor"}, seq=w.extra["sample"].seq)
    elif fam == "anomalies":
        for code in ("deputy", "escalated", "fast", "below-band", "same-receipt"):
            add(f"anomalies {code}", {"auditor"}, code=code)
    elif fam == "report":
        add("report", ALL_READERS, pk=x["report"].pk, language="en", fmt="pdf")
    elif fam == "absence":
        add("absence east_rep1", {"east_rep1"}, pk=x["absence"].pk)
    elif fam == "attachment":
        for key, att in w.attachments.items():
            add(f"attachment {key}", REQUEST_VISIBLE[key], token=att.token)
    else:
        raise AssertionError(f"no targets for family {fam!r}")
    return out


def page_allowed(route: Route) -> frozenset:
    return frozenset(GATED.get(route.name, EVERYONE))
