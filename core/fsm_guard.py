"""The database refuses a state change that did not come through an FSM transition.

django-fsm-2 guards the Python side (`protected=True`), but `Model.objects.filter(...).update(
state=...)` or raw SQL would go around it. Each governed model counts its transitions
(`Governed.transitions`): the `pre_transition` signal adds one, and the same UPDATE that writes
the new state writes the new count. On PostgreSQL the model's trigger refuses an UPDATE that
changes the state without raising the count, so a state written any other way is refused, and
so is a transition saved from a stale copy of the row. Outside PostgreSQL nothing is checked.
"""

import pgtrigger
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django_fsm.signals import pre_transition


class Governed(models.Model):
    """Mixed into every model whose `state` only FSM transitions may change."""

    transitions = models.PositiveIntegerField(_("state transitions"), default=0, db_default=0,
                                              editable=False)

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None and "state" in update_fields:
            update_fields = {*update_fields, "transitions"}
        super().save(*args, update_fields=update_fields, **kwargs)


def state_guard(field: str = "state") -> pgtrigger.Protect:
    """The trigger for a Governed model's Meta.triggers."""
    return pgtrigger.Protect(
        name="state_by_transition_only",
        operation=pgtrigger.Update,
        condition=pgtrigger.Condition(
            f'OLD."{field}" IS DISTINCT FROM NEW."{field}" AND '
            'NOT (NEW."transitions" > OLD."transitions")'
        ),
    )


@receiver(pre_transition)
def _count(sender, instance, **kwargs):
    if isinstance(instance, Governed):
        instance.transitions += 1
