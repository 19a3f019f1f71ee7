"""The database refuses a state change that did not come through an FSM transition.

django-fsm-2 guards the Python side (`protected=True`), but `Model.objects.filter(...).update(
state=...)` or raw SQL would go around it. On PostgreSQL each governed model carries a trigger
that refuses an UPDATE changing its state unless the row was announced in this transaction by a
transition: the `pre_transition` signal adds "<table>:<pk>" to a transaction-local setting
(`set_config(..., true)`), and the trigger looks for it. Outside PostgreSQL nothing is checked.
"""

import pgtrigger
from django.db import connection
from django.dispatch import receiver
from django_fsm.signals import pre_transition

SETTING = "countersign.transitions"


def state_guard(table: str, field: str = "state") -> pgtrigger.Protect:
    """The trigger for a model's Meta.triggers; `table` is the model's db_table."""
    tag = f" {table}:"
    return pgtrigger.Protect(
        name="state_by_transition_only",
        operation=pgtrigger.Update,
        condition=pgtrigger.Condition(
            f'OLD."{field}" IS DISTINCT FROM NEW."{field}" AND '
            f"position('{tag}' || NEW.\"id\"::text || ' ' in "
            f"coalesce(current_setting('{SETTING}', true), '') || ' ') = 0"
        ),
    )


@receiver(pre_transition)
def _announce(sender, instance, **kwargs):
    if connection.vendor != "postgresql" or instance.pk is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config(%s, coalesce(current_setting(%s, true), '') || %s, true)",
            [SETTING, SETTING, f" {instance._meta.db_table}:{instance.pk}"],
        )
