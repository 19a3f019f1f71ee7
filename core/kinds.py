"""Process kinds are whatever the registered process specs declare (core.registry): core keeps
no list of its own, so a kind column carries no `choices` and adding a process adds no core
migration. Kind values are checked against the registry when a form or a model is cleaned."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import registry


def values() -> list[str]:
    return registry.kinds()


def choices() -> list[tuple[str, object]]:
    return [(spec.kind, spec.label) for spec in registry.processes()]


def label(kind: str) -> str:
    spec = registry.get(kind)
    return str(spec.label) if spec else kind


def validate_kind(value: str) -> None:
    """Model and form validator: the kind of a registered process."""
    if value not in registry.kinds():
        raise ValidationError(_("Unknown process kind %(kind)s; choose from: %(kinds)s"),
                              code="invalid_kind",
                              params={"kind": value, "kinds": ", ".join(sorted(values()))})


class KindField(models.CharField):
    """A process kind column: validated against the registry, shown with the process's label
    (`get_<name>_display`), offered as a choice of the registered kinds in forms; no `choices`
    in migrations."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_kind)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 32:
            del kwargs["max_length"]
        return name, "core.kinds.KindField", args, kwargs

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        setattr(cls, f"get_{name}_display", lambda obj: label(getattr(obj, name)))

    def formfield(self, **kwargs):
        return forms.ChoiceField(label=self.verbose_name, choices=choices,
                                 required=not self.blank, help_text=self.help_text)
