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


class PreferenceForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of e-mails and cards"), required=False)
    email_digest = forms.ChoiceField(label=_("Task e-mails"))

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        from .models import Digest

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The site's language")),
                                           *settings.LANGUAGES]
        self.fields["email_digest"].choices = Digest.choices
        self.fields["email_digest"].help_text = _(
            "Reminders and escalations always come at once.")
