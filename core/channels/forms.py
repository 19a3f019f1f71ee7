from django import forms
from django.utils.translation import gettext_lazy as _


class LinkDecisionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.required = required
        if required:
            field.label = _("Reason")
            field.error_messages["required"] = _("A reason is required.")
