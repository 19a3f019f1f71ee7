from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken

from core import kinds


class Role(models.TextChoices):
    SALESPERSON = "salesperson", _("Salesperson")
    REGIONAL_MANAGER = "regional_manager", _("Regional manager")
    SALES_GM = "sales_gm", _("Sales general manager")
    CEO = "ceo", _("General manager (CEO)")
    FINANCE = "finance", _("Finance")
    LEGAL = "legal", _("Legal")
    MARKETING = "marketing", _("Marketing")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "admin", _("Administrator")


# Roles whose holders are tied to a sales region (who holds the role *for region G*).
REGIONAL_ROLES = frozenset({Role.SALESPERSON, Role.REGIONAL_MANAGER})


class Department(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100)
    # as a region's: the English reader's name, the Chinese one when blank
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language (see region_label)."""
        return region_label(self.name, self.name_en)


class Region(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100)
    # like a product's name_en: the English reader's name, the Chinese one when blank
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("sales region")
        verbose_name_plural = _("sales regions")
        ordering = ["code"]

    def __str__(self):
        return self.label  # pages, choices and the admin name it in the reader's language

    @property
    def label(self) -> str:
        """The name in the active language (English when there is one and the reader is not
        reading Chinese)."""
        return region_label(self.name, self.name_en)


def region_label(name: str, name_en: str) -> str:
    if (get_language() or "").startswith("zh") or not name_en:
        return name
    return name_en


# ApiToken derives from knox, which has no type information: its reverse manager stays unknown.
class User(AbstractUser):  # type: ignore[django-manager-missing]
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("department")
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sales region")
    )
    manager = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("line manager"),
    )
    grade = models.PositiveSmallIntegerField(
        _("grade"), default=1, help_text=_("Employee grade, used by reimbursement standards.")
    )
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    email_notifications = models.BooleanField(_("e-mail notifications"), default=True)
    # After a decision on a task page: open the next task of the inbox (True) or go back to
    # the inbox (False). The last choice made there sticks.
    open_next_task = models.BooleanField(_("open the next task after deciding"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    # Per-request caches kept on the user object, never stored (annotations only, no fields):
    # roles and "deputises today" from core.org.backends / core.org.selectors; delegations,
    # menu counts and reports from core.inbox.selectors. Read them with getattr(..., None).
    _countersign_roles: set[str]
    _cs_deputising: bool
    _cs_delegations: dict[int, frozenset[str] | None]
    _cs_task_counts: dict[str, int]
    _cs_report_ids: list[int]

    # What a person is called on every page and list (also built from plain values).
    NAME_FIELDS = ("display_name", "first_name", "last_name", "username")

    @staticmethod
    def name_from(display_name: str, first_name: str, last_name: str, username: str) -> str:
        return display_name or f"{first_name} {last_name}".strip() or username

    def __str__(self):
        return self.name_from(*(getattr(self, f) for f in self.NAME_FIELDS))

    def clean(self):
        super().clean()
        if self.manager_id is None:
            return
        if self.pk is not None and self.manager_id == self.pk:
            raise ValidationError({"manager": _("A person cannot be their own line manager.")})
        # Walk up from the proposed manager; meeting this user again means a cycle.
        seen = set()
        current = self.manager
        while current is not None and current.pk not in seen:
            if self.pk is not None and current.pk == self.pk:
                raise ValidationError(
                    {"manager": _("This line manager would create a reporting cycle.")}
                )
            seen.add(current.pk)
            current = current.manager


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, db_index=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "region"], name="uniq_role_assignment"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(region__isnull=True),
                name="uniq_role_assignment_no_region",
            ),
        ]
        indexes = [models.Index(fields=["role", "region"])]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}" + (
            f" · {self.region}" if self.region_id else ""
        )

    def clean(self):
        if self.role == Role.REGIONAL_MANAGER and self.region_id is None:
            raise ValidationError({"region": _("A regional manager needs a region.")})


class Delegation(models.Model):
    """A deputy acts for a principal over a date range (inclusive, Asia/Shanghai days)."""

    principal = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="delegations_given",
        verbose_name=_("absent person"),
    )
    deputy = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="delegations_received",
        verbose_name=_("deputy"),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    kinds = models.JSONField(
        _("process kinds"),
        default=list,
        blank=True,
        help_text=_("Empty means every process kind."),
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-starts_on"]
        indexes = [
            models.Index(fields=["deputy", "starts_on", "ends_on"]),
            models.Index(fields=["principal", "starts_on", "ends_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="delegation_range_order"
            ),
            models.CheckConstraint(
                condition=~Q(principal=models.F("deputy")), name="delegation_not_to_self"
            ),
        ]

    def __str__(self):
        return f"{self.principal} → {self.deputy} ({self.starts_on}–{self.ends_on})"

    def covers_kind(self, kind: str | None) -> bool:
        return not self.kinds or kind is None or kind in self.kinds

    def clean(self):
        errors = {}
        if self.principal_id and self.principal_id == self.deputy_id:
            errors["deputy"] = _("A person cannot delegate to themselves.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day is before the first day.")
        valid = set(kinds.values())
        if not isinstance(self.kinds, list) or any(k not in valid for k in self.kinds):
            errors["kinds"] = _("Unknown process kind; choose from: %(kinds)s") % {
                "kinds": ", ".join(sorted(valid))
            }
        if errors:
            raise ValidationError(errors)
        if not (self.principal_id and self.starts_on and self.ends_on):
            return
        if self.deputy_id and self._closes_a_cycle():
            raise ValidationError({"deputy": _(
                "%(deputy)s already delegates (directly or through others) to %(principal)s "
                "in these days: the delegation would go round in a circle."
            ) % {"deputy": self.deputy, "principal": self.principal}})
        overlapping = Delegation.objects.filter(
            principal_id=self.principal_id,
            starts_on__lte=self.ends_on,
            ends_on__gte=self.starts_on,
        ).exclude(pk=self.pk)
        mine = set(self.kinds)
        for other in overlapping:
            theirs = set(other.kinds)
            if not mine or not theirs or mine & theirs:
                raise ValidationError(
                    _(
                        "%(principal)s already has a delegation to %(deputy)s from %(start)s "
                        "to %(end)s for overlapping process kinds."
                    )
                    % {
                        "principal": self.principal,
                        "deputy": other.deputy,
                        "start": other.starts_on,
                        "end": other.ends_on,
                    }
                )

    def _closes_a_cycle(self) -> bool:
        """Whether the deputy, or someone they delegate to (and so on) in an overlapping range,
        delegates back to the principal."""
        seen, frontier = {self.deputy_id}, {self.deputy_id}
        while frontier:
            nxt = set(Delegation.objects.filter(
                principal_id__in=frontier, starts_on__lte=self.ends_on,
                ends_on__gte=self.starts_on,
            ).exclude(pk=self.pk).values_list("deputy_id", flat=True))
            if self.principal_id in nxt:
                return True
            frontier = nxt - seen
            seen |= nxt
        return False



class OrgImport(models.Model):
    """One uploaded organisation workbook: kept (by id, never under the uploader's file name)
    between its preview and its application, and afterwards as the record of what was applied."""

    uploaded_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    file_name = models.CharField(_("file name as uploaded"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    data = models.BinaryField(_("workbook"))
    plan_digest = models.CharField(_("digest of the previewed changes"), max_length=64,
                                   blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    audit_kind = "org_import"

    class Meta:
        verbose_name = _("organisation import")
        verbose_name_plural = _("organisation imports")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"#{self.pk} {self.file_name}"


class ApiToken(AbstractAuthToken):
    """An API token (django-rest-knox's model, KNOX_TOKEN_MODEL): only a SHA-512 digest of the
    secret is stored, with its first characters (`token_key`) to find it by. Every
    POST /api/auth/token/ makes a new one that expires (API_TOKEN_AGE); the user lists and
    revokes theirs at /api/auth/tokens/, and a password change ends them all (docs/API.md)."""

    # knox's own field, declared again so the type checker sees the relation.
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="auth_token_set")
    name = models.CharField(_("name"), max_length=100, blank=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        indexes = [models.Index(fields=["expiry"], name="org_apitoken_expiry")]
