from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField


class DemoRequestForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    amount = AmountField(label=_("Amount (CNY)"), min_value=0, max_digits=14,
                                decimal_places=2)
