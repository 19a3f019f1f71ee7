from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.kinds import KindField
from core.money import MoneyField
from core.org.models import Region, Role

LINE_MANAGER = "line_manager"
STEP_CHOICES = [(LINE_MANAGER, _("Line manager")), *Role.choices]


class AuthorityMatrix(models.Model):
    """The bands of one scope: a process kind, optionally narrowed to a category or region."""

    kind = KindField(_("process kind"))
    category = models.CharField(
        _("category"), max_length=32, blank=True, help_text=_("Empty means any category.")
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("region"),
        help_text=_("Empty means any region."),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("authority matrix")
        verbose_name_plural = _("authority matrices")
        ordering = ["kind", "category", "region__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "category", "region"], name="uniq_matrix_scope"
            ),
            models.UniqueConstraint(
                fields=["kind", "category"],
                condition=Q(region__isnull=True),
                name="uniq_matrix_scope_any_region",
            ),
        ]

    def __str__(self):
        parts = [self.get_kind_display()]
        if self.category:
            parts.append(self.category)
        if self.region_id:
            parts.append(str(self.region))
        return " · ".join(str(p) for p in parts)


class AuthorityBand(models.Model):
    """Amounts in [min_amount, max_amount) need these approval steps, in this order."""

    matrix = models.ForeignKey(
        AuthorityMatrix, on_delete=models.CASCADE, related_name="bands", verbose_name=_("matrix")
    )
    min_amount = MoneyField(_("from (inclusive)"))
    max_amount = MoneyField(
        _("to (exclusive)"), null=True, blank=True, help_text=_("Empty means no upper limit.")
    )
    steps = models.JSONField(
        _("approval steps"),
        default=list,
        help_text=_("Ordered step codes: line_manager or a role code."),
    )
    # 会签 / n-of-m: step code -> how many of its holders must approve, an integer n or "all";
    # a step not listed is decided by any one of them (或签, a queue)
    quorums = models.JSONField(
        _("signers required"),
        default=dict,
        blank=True,
        help_text=_("Per step: how many of its holders sign at once (a number or all)."),
    )

    class Meta:
        verbose_name = _("amount band")
        verbose_name_plural = _("amount bands")
        ordering = ["matrix", "min_amount"]
        constraints = [
            models.CheckConstraint(condition=Q(min_amount__gte=0), name="band_min_not_negative"),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gt=models.F("min_amount")),
                name="band_max_above_min",
            ),
        ]

    def __str__(self):
        upper = "∞" if self.max_amount is None else f"{self.max_amount}"
        return f"[{self.min_amount}, {upper}) → {' → '.join(self.step_texts())}"

    def step_texts(self) -> list[str]:
        """The steps as an administrator types them: `legal:2` for 2 of legal's holders."""
        q = self.quorums or {}
        return [f"{code}:{q[code]}" if code in q else code for code in self.steps]

    def contains(self, amount) -> bool:
        return self.min_amount <= amount and (self.max_amount is None or amount < self.max_amount)
