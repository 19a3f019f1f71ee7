from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import STEP_CHOICES, AuthorityBand, AuthorityMatrix
from .rules import BandValue, band_errors

VALID_STEPS = {code for code, _label in STEP_CHOICES}


class StepsField(forms.CharField):
    """Ordered step codes typed as a comma-separated list, e.g. `line_manager, sales_gm`."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        steps = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
        unknown = [s for s in steps if s not in VALID_STEPS]
        if unknown:
            raise ValidationError(
                _("Unknown step codes: %(codes)s. Use: %(valid)s.")
                % {"codes": ", ".join(unknown), "valid": ", ".join(sorted(VALID_STEPS))}
            )
        if not steps:
            raise ValidationError(_("Give at least one approval step."))
        return steps


class BandForm(forms.ModelForm):
    steps = StepsField(
        label=_("approval steps"),
        help_text=_("In order, comma-separated: %(codes)s")
        % {"codes": ", ".join(code for code, _label in STEP_CHOICES)},
    )

    class Meta:
        model = AuthorityBand
        fields = ("min_amount", "max_amount", "steps")


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
