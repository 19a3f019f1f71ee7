import functools

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import registry
from core.authority.services import STEP_LABELS
from core.inbox.engine import REVISION_STEP
from core.inbox.models import RequestStatus
from core.money import fmt

register = template.Library()

_SENTENCES = {
    "submitted": gettext_noop("%(actor)s submitted the request"),
    "step_approved": gettext_noop("%(actor)s approved (%(step)s)"),
    "approved": gettext_noop("%(actor)s gave the final approval"),
    "rejected": gettext_noop("%(actor)s rejected the request"),
    "returned": gettext_noop("%(actor)s returned the request for revision"),
    "resubmitted": gettext_noop("%(actor)s revised and resubmitted the request"),
    "withdrawn": gettext_noop("%(actor)s withdrew the request"),
    "task_claimed": gettext_noop("%(actor)s took the task (%(step)s)"),
    "task_released": gettext_noop("%(actor)s put the task back in the queue (%(step)s)"),
    "task_reassigned": gettext_noop("%(actor)s passed the task to someone else (%(step)s)"),
    "task_escalated": gettext_noop("The deadline passed: the task went one level up (%(step)s)"),
    "commented": gettext_noop("%(actor)s commented"),
    "drafted": gettext_noop("%(actor)s drafted it"),
    "edited": gettext_noop("%(actor)s edited it"),
    "attachment_added": gettext_noop("%(actor)s attached a file"),
    "line_reduced": gettext_noop("%(actor)s reduced a line to the standard"),
    "paid": gettext_noop("Paid"),
    "signed": gettext_noop("%(actor)s signed it off: the contract is signed"),
    "superseded": gettext_noop("Superseded by an amendment"),
    "published": gettext_noop("%(actor)s gave the final approval: published"),
}


@register.filter
def task_url(task_id) -> str:
    """The task page's address, as {% url 'inbox:task' id %} gives it, without resolving the
    URL name again for every row of a list."""
    prefix = _task_url_prefix()
    return f"{prefix}{int(task_id)}/"


@functools.cache
def _task_url_prefix_for(script_prefix: str) -> str:
    return reverse("inbox:task", args=[0])[:-2]  # ".../tasks/0/" -> ".../tasks/"


def _task_url_prefix() -> str:
    return _task_url_prefix_for(get_script_prefix())


@register.filter
def money(amount, currency="CNY"):
    if amount in (None, ""):
        return "—"
    return fmt(amount, currency or "CNY")


@register.filter
def step_name(code, fallback=""):
    if code and "+" in code:  # parallel steps
        return " + ".join(step_name(part) for part in code.split("+"))
    return _one_step(code, fallback)


def _one_step(code, fallback=""):
    if code == REVISION_STEP:
        return _("Revise and resubmit")
    label = STEP_LABELS.get(code) or _process_steps().get(code)
    return str(label) if label else (fallback or code)


@register.filter
def state_name(code, kind=""):
    """A state code in the reader's language, from the labels its process registered."""
    if not code:
        return ""
    reg = registry.get(kind)
    label = (reg.extra.get("states", {}).get(code) if reg else None) or dict(
        RequestStatus.choices).get(code)
    return str(label) if label else code


def _process_events() -> dict:
    """Sentences the processes register for their own events (extra["events"], by full name,
    e.g. "contract.milestone_done"), each with %(actor)s and optionally %(step)s."""
    events = {}
    for process in registry.processes():
        events.update(process.extra.get("events", {}))
    return events


def _process_steps() -> dict:
    """Step labels the processes register for their own stages (e.g. finance review)."""
    steps = {}
    for process in registry.processes():
        steps.update(process.extra.get("steps", {}))
    return steps


@register.filter
def describe(event):
    """One audit event in plain language."""
    suffix = event.event.split(".", 1)[-1]
    template_text = _process_events().get(event.event) or _SENTENCES.get(suffix)
    data = event.data or {}
    step = step_name(data.get("step", ""), data.get("step_label", ""))
    if event.actor_name == "system":
        actor = _("The system")
    else:
        # Show the person's name when the actor row was fetched with the event.
        cached = event._state.fields_cache.get("actor")
        actor = str(cached) if cached is not None else event.actor_name
    if template_text is None:
        text = f"{actor}: {event.event}"
    else:
        text = _(template_text) % {"actor": actor, "step": step}
    if event.on_behalf_of_name:
        text += " " + _("(acting for %(name)s)") % {"name": event.on_behalf_of_name}
    return text


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()


def _joined(separator: str, parts):
    """Join HTML already made safe by format_html (anything else is escaped)."""
    return format_html_join(separator, "{}", ((part,) for part in parts))


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


@register.simple_tag(takes_context=True)
def task_rows(context, page, tab):
    """The task list (inbox, queue, archive, home page) as one table.

    Built here rather than in a template: it is the most rendered thing in the product, and a
    row of template nodes cost several times what these few format_html calls do.
    """
    user, now = context.get("user"), context.get("now") or timezone.now()
    archive = tab == "archive"
    labels = [_("Number"), _("Title"), _("Submitter"), _("Amount"), _("Step"),
              *((_("Decision"), _("Decided")) if archive else (_("Waiting since"), _("Due")))]
    l_select = _("Select")
    head = _joined("", [format_html('<th class="num">{}</th>' if i == 3 else "<th>{}</th>", label)
                        for i, label in enumerate(labels)])
    if tab == "inbox":
        head = format_html(
            '<th><input type="checkbox" aria-label="{}" onclick="document.querySelectorAll('
            "'input[name=ids]').forEach(c=>c.checked=this.checked)\"></th>{}",
            _("Select all"), head)
    rows = []
    for t in page:
        url = task_url(t.pk)
        cells = []
        if tab == "inbox":
            cells.append(format_html(
                '<td data-label="{0}"><input type="checkbox" name="ids" value="{1}" form="bulk" '
                'aria-label="{0} {2}"></td>', l_select, t.pk, t.number))
        deputy_for = ""
        if tab == "inbox" and t.assignee_id and user is not None and t.assignee_id != user.pk:
            deputy_for = format_html('<br><span class="hint">{}</span>',
                                     _("for %(who)s") % {"who": t.assignee})
        step = step_name(t.step_code, t.step_label)
        if t.escalation_level:
            step = format_html('{} <span class="chip">{}</span>', step, _("escalated"))
        cells.append(format_html(
            '<td data-label="{}"><a href="{}">{}</a></td>'
            '<td data-label="{}"><a href="{}">{}</a>{}</td>'
            '<td data-label="{}">{}</td><td class="num" data-label="{}">{}</td>'
            '<td data-label="{}">{}</td>',
            labels[0], url, t.number or t.pk, labels[1], url, t.title, deputy_for,
            labels[2], t.submitter, labels[3], money(t.amount), labels[4], step))
        if archive:
            decision = t.get_decision_display()
            if t.acting_for_id:
                decision = format_html('{} <span class="hint">({})</span>', decision,
                                       _("for %(who)s") % {"who": t.acting_for})
            cells.append(format_html('<td data-label="{}">{}</td><td data-label="{}">{}</td>',
                                     labels[5], decision, labels[6], _when(t.decided_at)))
        else:
            if t.due is None:
                due = "—"
            elif t.due < now:
                due = format_html('<span class="overdue">{} · {}</span>', _when(t.due),
                                  _("overdue"))
            else:
                due = format_html("<span>{}</span>", _when(t.due))
            cells.append(format_html('<td data-label="{}">{}</td><td data-label="{}">{}</td>',
                                     labels[5], _when(t.created), labels[6], due))
        rows.append(format_html("<tr>{}</tr>", _joined("", cells)))
    if not rows:
        empty = (_("No task matches these filters.") if context.get("filtered")
                 else _("Nothing waits for you. Well done.") if tab in ("inbox", "home")
                 else _("No unclaimed tasks for your roles.") if tab == "queue"
                 else _("You have not decided anything yet."))
        rows.append(format_html('<tr><td colspan="8" class="hint">{}</td></tr>', empty))
    return format_html('<table class="list responsive">\n<thead><tr>{}</tr></thead>\n'
                       "<tbody>\n{}\n</tbody>\n</table>", head, _joined("\n", rows))


@register.simple_tag
def filter_fields(form):
    """A list page's filter form, one <div> per field (labels, current values, errors), drawn
    without a widget template per field: these forms are simple inputs and selects."""
    from django import forms as djforms

    parts = []
    for bf in form:
        widget, value, ident = bf.field.widget, bf.value(), bf.id_for_label
        label = format_html('<label for="{}">{}:</label>', ident, bf.label)
        if isinstance(widget, djforms.Select):
            chosen = "" if value is None else str(value)
            options = _joined("", [
                format_html('<option value="{}" selected>{}</option>' if str(key) == chosen
                            else '<option value="{}">{}</option>', key, text)
                for key, text in bf.field.choices])
            control = format_html('<select name="{}" id="{}">{}</select>', bf.html_name, ident,
                                  options)
        elif isinstance(widget, djforms.CheckboxInput):
            control = format_html(
                '<input type="checkbox" name="{}" id="{}" checked>' if widget.check_test(value)
                else '<input type="checkbox" name="{}" id="{}">', bf.html_name, ident)
        else:
            attrs = widget.build_attrs(widget.attrs, bf.build_widget_attrs({}))
            extra = _joined(" ", [format_html('{}="{}"', k, v) for k, v in attrs.items()
                                  if v is not None and v is not False])
            control = format_html('<input type="{}" name="{}" value="{}" id="{}" {}>',
                                  widget.input_type, bf.html_name,
                                  "" if value is None else widget.format_value(value), ident,
                                  extra)
        errors = _joined("", [format_html('<span class="error">{}</span>', e)
                              for e in bf.errors])
        parts.append(format_html("<div>{}{}{}</div>", label, control, errors))
    return _joined("", parts)
