from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.org import selectors as org

from .models import LINE_MANAGER, STEP_CHOICES, AuthorityBand, AuthorityMatrix
from .rules import BandValue, band_errors

VALID_STEPS = {code for code, _label in STEP_CHOICES}


class StepsField(forms.CharField):
    """Ordered step codes typed as a comma-separated list, e.g. `line_manager, legal:2`; a
    suffix `:n` or `:all` makes a step signed by n (or all) of its holders at once (会签)."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        parts = [part.strip() for part in text.replace("，", ",").replace("：", ":").split(",")
                 if part.strip()]
        steps, quorums, bad = [], {}, []
        for part in parts:
            code, _sep, wanted = (p.strip() for p in part.partition(":"))
            steps.append(code)
            if not _sep:
                continue
            if wanted.lower() == "all":
                quorums[code] = "all"
            elif wanted.isdigit() and int(wanted) >= 1:
                quorums[code] = int(wanted)
            else:
                bad.append(part)
        unknown = [s for s in steps if s not in VALID_STEPS]
        if unknown:
            raise ValidationError(
                _("Unknown step codes: %(codes)s. Use: %(valid)s.")
                % {"codes": ", ".join(unknown), "valid": ", ".join(sorted(VALID_STEPS))}
            )
        if bad:
            raise ValidationError(
                _("%(parts)s: after the colon write how many must sign (a number from 1) or "
                  "all.") % {"parts": ", ".join(bad)})
        if not steps:
            raise ValidationError(_("Give at least one approval step."))
        return steps, quorums


class BandForm(forms.ModelForm):
    steps = StepsField(
        label=_("approval steps"),
        help_text=_("In order, comma-separated: %(codes)s. Add :n or :all to a role for n (or "
                    "all) of its holders signing at once, e.g. legal:2.")
        % {"codes": ", ".join(code for code, _label in STEP_CHOICES)},
    )

    class Meta:
        model = AuthorityBand
        fields = ("min_amount", "max_amount", "steps")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["steps"] = self.instance.step_texts()

    def clean(self):
        data = super().clean()
        value = data.get("steps")
        if isinstance(value, tuple):
            steps, quorums = value
            data["steps"] = steps
            data["quorums"] = quorums
            region = getattr(self.instance.matrix, "region", None) if self.instance.matrix_id \
                else getattr(self, "matrix_region", None)
            for message in quorum_errors(quorums, region):
                self.add_error("steps", message)
        return data

    def save(self, commit=True):
        self.instance.quorums = self.cleaned_data.get("quorums", {})
        return super().save(commit=commit)


def quorum_errors(quorums: dict, region) -> list[str]:
    """n ≤ m: a step cannot ask more signers than hold its role (in the matrix's region)."""
    errors: list[str] = []
    for code, wanted in quorums.items():
        if code == LINE_MANAGER:
            errors.append(str(_("The line manager is one person: line_manager cannot have "
                                "signers required.")))
            continue
        m = org.holders_of(code, getattr(region, "pk", None)).count()
        n = m if wanted == "all" else int(wanted)
        if m < 2:
            errors.append(str(_("%(step)s: only %(m)d person holds this role, so it cannot be "
                                "signed by several.") % {"step": code, "m": m}))
        elif n > m:
            errors.append(str(_("%(step)s: %(n)d signers required but only %(m)d hold the "
                                "role.") % {"step": code, "n": n, "m": m}))
    return errors


class BandFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        bands = []
        for i, form in enumerate(self.forms, start=1):
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            bands.append(
                BandValue(
                    label=str(_("row %(n)s") % {"n": i}),
                    min_amount=data["min_amount"],
                    max_amount=data.get("max_amount"),
                    steps=tuple(data["steps"]),
                )
            )
        errors = band_errors(bands, VALID_STEPS)
        if errors:
            raise ValidationError(errors)


class BandInline(admin.TabularInline):
    model = AuthorityBand
    form = BandForm
    formset = BandFormSet
    extra = 1


@admin.register(AuthorityMatrix)
class AuthorityMatrixAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "category", "region", "name")
    list_filter = ("kind", "region")
    inlines = [BandInline]
