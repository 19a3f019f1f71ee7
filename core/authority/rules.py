"""Pure checks over band values: coverage from 0 without gaps or overlaps; valid step codes."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core.money import fmt


@dataclass(frozen=True)
class BandValue:
    label: str  # how an error names the row, e.g. "row 2"
    min_amount: Decimal
    max_amount: Decimal | None
    steps: tuple[str, ...]


def band_errors(bands: list[BandValue], valid_steps: set[str]) -> list[str]:
    """Every problem with a scope's bands, each naming the rows involved; [] when sound."""
    errors: list[str] = []
    if not bands:
        return [_("Add at least one amount band starting at 0.")]
    for b in bands:
        if b.min_amount < 0:
            errors.append(_("%(row)s starts below 0.") % {"row": b.label})
        if b.max_amount is not None and b.max_amount <= b.min_amount:
            errors.append(
                _("%(row)s ends at or below its start.") % {"row": b.label}
            )
        if not b.steps:
            errors.append(_("%(row)s has no approval steps.") % {"row": b.label})
        unknown = [s for s in b.steps if s not in valid_steps]
        if unknown:
            errors.append(
                _("%(row)s has unknown steps: %(steps)s.")
                % {"row": b.label, "steps": ", ".join(unknown)}
            )
    if errors:
        return errors
    ordered = sorted(bands, key=lambda b: b.min_amount)
    if ordered[0].min_amount != 0:
        errors.append(
            _("Amounts from 0 to %(to)s are not covered (first band is %(row)s).")
            % {"to": fmt(ordered[0].min_amount), "row": ordered[0].label}
        )
    for prev, nxt in zip(ordered, ordered[1:], strict=False):
        if prev.max_amount is None:
            errors.append(
                _("%(a)s has no upper limit but %(b)s starts at %(start)s: they overlap.")
                % {"a": prev.label, "b": nxt.label, "start": fmt(nxt.min_amount)}
            )
        elif nxt.min_amount < prev.max_amount:
            errors.append(
                _("%(a)s and %(b)s overlap from %(start)s to %(end)s.")
                % {
                    "a": prev.label,
                    "b": nxt.label,
                    "start": fmt(nxt.min_amount),
                    "end": fmt(min(prev.max_amount, nxt.max_amount or prev.max_amount)),
                }
            )
        elif nxt.min_amount > prev.max_amount:
            errors.append(
                _("Gap between %(a)s and %(b)s: amounts from %(start)s to %(end)s are not covered.")
                % {
                    "a": prev.label,
                    "b": nxt.label,
                    "start": fmt(prev.max_amount),
                    "end": fmt(nxt.min_amount),
                }
            )
    if ordered[-1].max_amount is not None:
        errors.append(
            _("Amounts from %(start)s up are not covered (last band is %(row)s).")
            % {"start": fmt(ordered[-1].max_amount), "row": ordered[-1].label}
        )
    return errors
