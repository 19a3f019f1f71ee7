import functools
import html
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core import registry
from core.authority.services import STEP_LABELS
from core.channels.labels import via_link
from core.inbox import search
from core.inbox.engine import ADDED_STEP, REVISION_STEP
from core.inbox.models import RequestStatus
from core.inbox.panels import own_page_reason
from core.money import fmt

register = template.Library()


def _esc(value) -> str:
    """`conditional_escape`, with the plain strings most list cells are escaped directly: the
    same text (Django's `escape` is `html.escape`), without its lazy-string and safe-string
    checks, which cost more than the escaping on a page of rows."""
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(value)

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
    "task_transferred": gettext_noop("%(actor)s handed the task over (%(step)s)"),
    "signer_added": gettext_noop("%(actor)s added a signer (%(step)s)"),
    "countersigned": gettext_noop("%(actor)s signed (%(step)s); the step waits for the "
                                  "other signers"),
    "urged": gettext_noop("%(actor)s urged the holder to act (%(step)s)"),
    "copied": gettext_noop("%(actor)s copied people on the request"),
    "copied_by_rule": gettext_noop("A rule of the process copied people on the request"),
    "task_escalated": gettext_noop("The deadline passed: the task went one level up (%(step)s)"),
    "commented": gettext_noop("%(actor)s commented"),
    "drafted": gettext_noop("%(actor)s drafted it"),
    "edited": gettext_noop("%(actor)s edited it"),
    "attachment_added": gettext_noop("%(actor)s attached a file"),
    "attachment_removed": gettext_noop("%(actor)s removed a file"),
    "line_reduced": gettext_noop("%(actor)s reduced a line to the standard"),
    "paid": gettext_noop("Paid"),
    "signed": gettext_noop("%(actor)s signed it off: the contract is signed"),
    "superseded": gettext_noop("Superseded by an amendment"),
    "published": gettext_noop("%(actor)s gave the final approval: published"),
    # the organisation import (core/org/importer)
    "imported": gettext_noop("%(actor)s imported the organisation workbook"),
    "department_created": gettext_noop("%(actor)s added the department (import)"),
    "department_updated": gettext_noop("%(actor)s renamed the department (import)"),
    "region_created": gettext_noop("%(actor)s added the region (import)"),
    "region_updated": gettext_noop("%(actor)s renamed the region (import)"),
    "person_created": gettext_noop("%(actor)s added the person (import)"),
    "person_updated": gettext_noop("%(actor)s changed the person's details (import)"),
    "person_deactivated": gettext_noop("%(actor)s deactivated the person (import)"),
    "person_reactivated": gettext_noop("%(actor)s reactivated the person (import)"),
    "roles_changed": gettext_noop("%(actor)s changed the person's roles (import)"),
}


@register.filter
def task_url(task_id) -> str:
    """The task page's address, as {% url 'inbox:task' id %} gives it, without resolving the
    URL name again for every row of a list."""
    return f"{_url_prefix('inbox:task')}{int(task_id)}/"


def _url_prefix(name: str) -> str:
    """An object page's address without its id (".../tasks/0/" -> ".../tasks/"), resolved once
    per URL name and script prefix."""
    return _url_prefix_for(name, get_script_prefix())


@functools.cache
def _url_prefix_for(name: str, script_prefix: str) -> str:
    return reverse(name, args=[0])[:-2]


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
    if code == ADDED_STEP:
        return _("Added signer")
    label = STEP_LABELS.get(code) or _process_steps().get(code)
    return str(label) if label else (fallback or code)


@register.filter
def state_name(code, kind=""):
    """A state code in the reader's language, from the labels its process registered."""
    if not code:
        return ""
    reg = registry.get(kind)
    label = (reg.states.get(code) if reg else None) or dict(
        RequestStatus.choices).get(code)
    return str(label) if label else code


def _process_events() -> dict:
    """Sentences the processes declare for their own events (ProcessSpec.events, by full name,
    e.g. "contract.milestone_done"), each with %(actor)s and optionally %(step)s."""
    return registry.all_events()


def _process_steps() -> dict:
    """Step labels the processes declare for their own stages (ProcessSpec.steps)."""
    return registry.all_steps()


def event_label(code: str) -> str:
    """An event type as the audit filter lists it: the sentence it writes, with "someone" for
    the person (the code stays the option's value)."""
    kind, _dot, suffix = code.partition(".")
    text = _process_events().get(code) or _SENTENCES.get(suffix)
    if text is None:
        return code
    try:
        return _(text) % {"actor": _("someone"), "step": _("a step")}
    except (KeyError, TypeError, ValueError):
        return _(text)


def event_choices(codes) -> list:
    """The audit filter's event options, grouped by process, in the reader's language."""
    groups: dict[str, list] = {}
    for code in codes:
        spec = registry.get(code.partition(".")[0])
        group = str(spec.label) if spec else _("Other")
        groups.setdefault(group, []).append((code, event_label(code)))
    return [(group, sorted(options, key=lambda o: o[1])) for group, options in
            sorted(groups.items())]


@register.filter
def kind_name(kind):
    """A process kind as people call it ("contract" -> 销售合同); other subjects as they are."""
    from core import kinds

    return kinds.label(kind)


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
        # The principal's name, not their username, when their row came with the event.
        principal = event._state.fields_cache.get("on_behalf_of")
        text += " " + _("(acting for %(name)s)") % {
            "name": str(principal) if principal is not None else event.on_behalf_of_name}
    via = via_link(data.get("via", ""))
    if via:
        text += " " + via
    return text


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()


def _when(value, tz=None) -> str:
    """A time in a list cell: it may break between the date and the time, never inside the
    date (2026-12-<break>05 read as two values in a narrow column). `tz`: the reader's time
    zone, when the caller has it already (default: the current one)."""
    if not value:
        return ""
    local = timezone.localtime(value, tz)
    # one outer element: a phone's card cell lays its children out apart (flex)
    return (f'<span class="when"><span class="nw">{local.strftime("%Y-%m-%d")}</span> '
            f'<span class="nw">{local.strftime("%H:%M")}</span></span>')


def _can_return(kind: str) -> bool:
    reg = registry.get(kind)
    return reg is None or reg.can_return


def _list_of(context) -> str:
    """`?from=` and the list's filters and sort (search.task_list_query), escaped for an href;
    "" for a list with neither."""
    request = context.get("request")
    listed = search.task_list_query(request.GET.urlencode()) if request else ""
    return _esc(f"?{urlencode({'from': listed})}") if listed else ""


_BELL = (  # the notifications link's bell (no icon font, no request)
    '<svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" '
    'style="vertical-align:-2px"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 '
    '22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/>'
    "</svg>")


def _url(name: str) -> str:
    """{% url name %} for a URL without arguments, resolved once per URL name, script prefix
    and URLconf."""
    return _url_for(name, get_script_prefix(), get_urlconf())


@functools.cache
def _url_for(name: str, script_prefix: str, urlconf) -> str:
    return reverse(name, urlconf=urlconf)


def _link(link: dict) -> str:
    active = ' class="active"' if link["active"] else ""
    return f'<a href="{_esc(str(link["url"]))}"{active}>{_esc(link["label"])}</a>'


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The top menu's links (what core.inbox.context_processors.nav gives): home, the inbox and
    queue with their counts, my requests, the processes' pages, the drop-downs and the
    notifications with the unread count. Built here rather than in a template: every page
    draws it. Labels and addresses are escaped (`_esc`) where they go in."""
    counts = context.get("nav_counts") or {}
    request = context.get("request")
    path = getattr(request, "path", None)
    inbox_url, requests_url = _url("inbox:inbox"), _url("inbox:requests")
    inbox, queue, unread = counts.get("inbox"), counts.get("queue"), context.get("nav_unread")
    active = 'class="active"'
    on_inbox, on_requests = (active if path == url else "" for url in (inbox_url, requests_url))
    parts = [
        f'\n<a href="{_esc(_url("home"))}">{_esc(_("Home"))}</a>\n'
        f'<a href="{_esc(inbox_url)}" {on_inbox}>{_esc(_("Inbox"))}',
        f' <span class="badge" title="{_esc(_("Tasks waiting for you"))}">'
        f"{_esc(localize(inbox))}</span>" if inbox else "",
        f'</a>\n<a href="{_esc(inbox_url)}?tab=queue">{_esc(_("Queue"))}',
        f' <span class="badge">{_esc(localize(queue))}</span>' if queue else "",
        f'</a>\n<a href="{_esc(requests_url)}" {on_requests}>{_esc(_("My requests"))}</a>\n']
    parts.extend(f"{_link(link)}\n" for link in context.get("nav_processes") or ())
    for group in context.get("nav_groups") or ():
        links = group["links"]
        if len(links) == 1:
            parts.append(f"{_link(links[0])}\n")
        else:
            opened = ' class="active"' if group["active"] else ""
            parts.append(
                f'<details class="navgroup" data-navgroup="{_esc(str(group["key"]))}"><summary'
                f'{opened}>{_esc(group["label"])}</summary><div class="navdrop">'
                f'{"".join(_link(link) for link in links)}</div></details>\n')
    l_notifications = _esc(_("Notifications"))
    parts.append(f'<a href="{_esc(_url("inbox:notifications"))}" aria-label="{l_notifications}" '
                 f'title="{l_notifications}">{_BELL}')
    if unread:
        parts.append(f' <span class="badge">{_esc(localize(unread))}</span>')
    parts.append("</a>\n")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B703 B308: escaped where it goes in


@register.simple_tag(takes_context=True)
def task_rows(context, page, tab):
    """The task list (inbox, queue, archive, home page) as one table.

    Built here rather than in a template: it is the most rendered thing in the product, and a
    row of template nodes cost several times what this does. Every value from the database or
    a translation is escaped (`_esc`) where it goes in; the finished table is marked safe once.
    """
    user, now = context.get("user"), context.get("now") or timezone.now()
    archive, inbox = tab == "archive", tab == "inbox"
    # the inbox's rows carry approve and return (on a phone the card's last line): the task is
    # the user's own, its list already leaves out what segregation of duties bars
    actions = inbox and context.get("row_actions", False)
    labels, head = _labels(
        _("Number"), _("Title"), _("Process"), _("Submitter"), _("Amount"), _("Step"),
        *((_("Decision"), _("Decided")) if archive else (_("Waiting since"), _("Due"))),
        *((_("Actions"),) if actions else ()), num=4)
    if inbox:
        # static/js/countersign.js ticks every box (no inline script under the CSP)
        head = (f'<th><input type="checkbox" aria-label="{_esc(_("Select all"))}" '
                f'data-select-all="ids"></th>{head}')
    l_select, l_escalated, l_overdue = _esc(_("Select")), _esc(_("escalated")), _esc(_("overdue"))
    l_approve, l_return, l_open = _esc(_("Approve")), _esc(_("Return…")), _esc(_("Open the task"))
    l_draft = f'<span class="hint">{_esc(_("draft"))}</span>'  # no number before submission
    for_who = _("for %(who)s")
    acting_for = _("acting for %(who)s")
    kinds: dict[str, str] = {}
    # a page's rows share a few steps and processes: each label is looked up once
    steps: dict[tuple[str, str], str] = {}
    returns: dict[str, bool] = {}
    tz = timezone.get_current_timezone()
    prefix, user_pk = _url_prefix("inbox:task"), getattr(user, "pk", None)
    # a row opened from a filtered list says which (?from=): "open the next" keeps to it
    listed = _list_of(context) if tab in ("inbox", "queue") else ""
    rows = []
    for t in page:
        url = f"{prefix}{int(t.pk)}/"
        link = f"{url}{listed}"
        number = _esc(t.number) if t.number else l_draft
        kind = kinds.get(t.kind)
        if kind is None:
            kind = kinds[t.kind] = _esc(t.get_kind_display())
        cells = []
        # a step whose approval asks for more (a note, a form, a plan to read) is decided on
        # its page: no checkbox, no approve button (the bulk approval refuses it too)
        plain = inbox and not own_page_reason(t.kind, t.step_code)
        if plain:
            cells.append(f'<td class="c-sel" data-label="{l_select}"><input type="checkbox" '
                         f'name="ids" value="{int(t.pk)}" form="bulk" aria-label="{l_select} '
                         f'{_esc(t.number)}"></td>')
        elif inbox:
            cells.append('<td class="c-sel"></td>')
        deputy_for = ""
        if inbox and t.assignee_id and user is not None and t.assignee_id != user_pk:
            deputy_for = (f'<br><span class="chip acting-for" data-testid="acting-for">'
                          f'{_esc(acting_for % {"who": t.assignee})}</span>')
        step = steps.get((t.step_code, t.step_label))
        if step is None:
            step = steps[t.step_code, t.step_label] = _esc(step_name(t.step_code, t.step_label))
        if t.escalation_level:
            step = f'{step} <span class="chip">{l_escalated}</span>'
        cells.append(
            f'<td class="c-num" data-label="{labels[0]}"><a href="{link}">{number}</a></td>'
            f'<td class="c-title" data-label="{labels[1]}"><a href="{link}">{_esc(t.title)}</a>'
            f'{deputy_for}</td>'
            f'<td class="c-kind" data-label="{labels[2]}">{kind}</td>'
            f'<td class="c-who" data-label="{labels[3]}">{_esc(t.submitter)}</td>'
            f'<td class="num c-amount" data-label="{labels[4]}">{_esc(money(t.amount))}</td>'
            f'<td class="c-step" data-label="{labels[5]}">{step}</td>')
        if archive:
            decision = _esc(t.get_decision_display())
            if t.acting_for_id:
                decision = (f'{decision} <span class="hint">('
                            f'{_esc(for_who % {"who": t.acting_for})})</span>')
            cells.append(f'<td class="c-decision" data-label="{labels[6]}">{decision}</td>'
                         f'<td class="c-since" data-label="{labels[7]}">'
                         f'{_when(t.decided_at, tz)}</td>')
        else:
            if t.due is None:
                due = "—"
            elif t.due < now:
                due = f'<span class="overdue">{_when(t.due, tz)} · {l_overdue}</span>'
            else:
                due = f"<span>{_when(t.due, tz)}</span>"
            cells.append(f'<td class="c-since" data-label="{labels[6]}">{_when(t.created, tz)}</td>'
                         f'<td class="c-due" data-label="{labels[7]}">{due}</td>')
        if actions and plain:
            can_return = returns.get(t.kind)
            if can_return is None:
                can_return = returns[t.kind] = _can_return(t.kind)
            back = f' <a class="button" href="{link}#return">{l_return}</a>' if can_return else ""
            cells.append(
                f'<td class="c-act" data-label="{labels[8]}"><button type="submit" '
                f'class="primary" form="rowact" formaction="{url}approve/">{l_approve}</button>'
                f'{back}</td>')
        elif actions:  # a follow-up task, a plan to read: decided on its own page
            cells.append(f'<td class="c-act" data-label="{labels[8]}"><a class="button" '
                         f'href="{link}">{l_open}</a></td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    if not rows:
        queued = (context.get("nav_counts") or {}).get("queue", 0)
        empty = (_("No task matches these filters.") if context.get("filtered")
                 else _("Nothing waits for you. Well done.") if tab in ("inbox", "home")
                 and not queued
                 else _("No unclaimed tasks for your roles.") if tab == "queue"
                 else _("You have not decided anything yet.") if archive
                 else "")
        if empty:
            empty = _esc(empty)
        else:  # nothing assigned, but the queue holds tasks this user may claim
            empty = (_esc(ngettext("Nothing is assigned to you, but %(n)d task waits in your "
                                   "queue.", "Nothing is assigned to you, but %(n)d tasks wait "
                                   "in your queue.", queued) % {"n": queued})
                     + f' <a href="{_esc(reverse("inbox:inbox"))}?tab=queue">'
                     f'{_esc(_("Open the queue"))}</a>')
        rows.append(f'<tr><td colspan="10" class="hint">{empty}</td></tr>')
    return _table(head, rows, "cards" if tab in ("inbox", "queue", "home") else "")


@register.simple_tag
def request_rows(page, filtered=False):
    """The requests list ("my requests", "all I can see") as one table, like `task_rows`."""
    labels, head = _labels(_("Number"), _("Title"), _("Process"), _("Amount"), _("Status"),
                           _("Current step"), _("Waiting on"), _("In this state since"))
    prefix = _url_prefix("inbox:request")
    l_draft = f'<span class="hint">{_esc(_("draft"))}</span>'  # no number before submission
    rows = []
    for r in page:
        url = f"{prefix}{int(r.pk)}/"
        number = _esc(r.number) if r.number else l_draft
        party = f'<br><span class="hint">{_esc(r.party)}</span>' if r.party else ""
        # a phone's card (the `cards` class) places the cells by their class: an empty
        # "waiting on" takes no line there
        waiting = _esc(r.waiting_on_names or "—")
        rows.append(
            f'<tr><td class="c-num" data-label="{labels[0]}"><a href="{url}">{number}</a></td>'
            f'<td class="c-title" data-label="{labels[1]}"><a href="{url}">{_esc(r.title)}</a>'
            f'{party}</td>'
            f'<td class="c-kind" data-label="{labels[2]}">{_esc(r.get_kind_display())}</td>'
            f'<td class="num c-amount" data-label="{labels[3]}">'
            f'{_esc(money(r.amount, r.currency))}</td>'
            f'<td class="c-status" data-label="{labels[4]}"><span class="chip '
            f'status-{_esc(r.status)}">{_esc(r.get_status_display())}</span></td>'
            f'<td class="c-step" data-label="{labels[5]}">'
            f'{_esc(step_name(r.current_step) or "—")}</td>'
            f'<td class="c-wait{"" if r.waiting_on_names else " none"}" '
            f'data-label="{labels[6]}">{waiting}</td>'
            f'<td class="c-since" data-label="{labels[7]}">{_when(r.since)}</td></tr>')
    if not rows:
        empty = _("No request matches these filters.") if filtered else _("No requests yet.")
        rows.append(f'<tr><td colspan="8" class="hint">{_esc(empty)}</td></tr>')
    return _table(head, rows, "cards requests")


def _labels(*texts, num: int = 3) -> tuple[list[str], str]:
    """The column labels, escaped, and the table's head row (column `num`, amounts, right)."""
    labels: list[str] = [_esc(text) for text in texts]
    return labels, "".join(f'<th class="num">{label}</th>' if i == num else f"<th>{label}</th>"
                           for i, label in enumerate(labels))


def _table(head: str, rows: list[str], extra_class: str = ""):
    """A list table from its head and rows, built by the tags above from escaped values only.
    `cards`: on a phone each row is a compact card (static/css/countersign.css)."""
    body = "\n".join(rows)
    css = f"list responsive {extra_class}".strip()
    return mark_safe(  # noqa: S308  # nosec B703 B308
        f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>")


@register.simple_tag(takes_context=True)
def search_bar(context, form, sorts=None, hidden=None, export_url="", open_filters=False):
    """The list's one search box, its sort, its other filters and the user's saved filters;
    `hidden` keeps the list's tab or scope.

    Built here rather than in a template, like `task_rows`: every list page draws it. Every
    value from the request, the database or a translation is escaped (`_esc`) where it goes in.
    """
    from core.inbox.search import sort_choices

    apart = getattr(form, "apart", ())
    filters_open = open_filters or form.is_bound and (bool(form.errors) or any(
        form.data.get(name) for name in form.fields if name not in apart))
    hidden = hidden or {}
    sort = context.get("sort", "")
    csrf = _csrf_input(context)
    q = form["q"] if "q" in form.fields else None
    q_id = _esc(q.id_for_label) if q is not None else ""
    q_value = q.value() if q is not None else None
    keep = "".join(f'<input type="hidden" name="{_esc(str(key))}" value="{_esc(str(value))}">'
                   for key, value in hidden.items())
    clear = "&amp;".join(f"{_esc(str(key))}={_esc(quote(str(value), safe='/'))}"
                         for key, value in hidden.items())
    l_search = _esc(_("Search"))
    parts = [
        f'<form method="get" class="searchbar card" role="search">\n  {keep}\n'
        f'  <div class="searchbar-row">\n'
        f'    <label class="visually-hidden" for="{q_id}">{l_search}</label>\n'
        f'    <input type="search" name="q" id="{q_id}" value="'
        f'{_esc("" if q_value is None else str(q_value))}" maxlength="100" placeholder="'
        f'{_esc(_("Number, title, customer or submitter"))}">\n    ']
    if sorts:
        options = "".join(
            f'<option value="{_esc(str(key))}"{" selected" if key == sort else ""}>'
            f"{_esc(str(label))}</option>" for key, label in sort_choices(sorts))
        parts.append(f'<select name="sort" aria-label="{_esc(_("Sort by"))}" data-autosubmit>\n'
                     f'      <option value="">{_esc(_("Usual order"))}</option>\n'
                     f"      {options}\n    </select>")
    parts.append(f'\n    <button type="submit" class="primary">{l_search}</button>\n    ')
    if export_url:
        parts.append(f'<button type="submit" formaction="{_esc(str(export_url))}">'
                     f'{_esc(_("Export CSV"))}</button>')
    parts.append(
        f'\n  </div>\n  <details{" open" if filters_open else ""}><summary>'
        f'{_esc(_("More filters"))}</summary>\n'
        f'    <div class="filters">{filter_fields(form)}\n'
        f'      <div><button type="submit">{_esc(_("Apply"))}</button> <a href="?{clear}">'
        f'{_esc(_("Clear"))}</a></div>\n    </div>\n  </details>\n</form>\n'
        f'<div class="saved-filters">\n  ')
    saved_filters = context.get("saved_filters", ())
    if saved_filters:
        l_delete, delete_label = _esc(_("Delete")), _("Delete the saved filter %(name)s")
        parts.append(f'<span class="hint">{_esc(_("Saved filters:"))}</span>\n  ')
        for saved in saved_filters:
            name = _esc(saved.name)
            parts.append(
                f'<span class="chip saved-filter"><a href="?{_esc(saved.query)}">{name}</a>\n'
                f'    <form method="post" action="'
                f'{_esc(reverse("inbox:filter-delete", args=[saved.pk]))}" '
                f'class="inline">{csrf}<button type="submit" class="link" aria-label="'
                f'{delete_label % {"name": name}}" title="{l_delete}">×</button></form></span>'
                f"\n  ")
    parts.append("\n  ")
    saved_query, saved_page = context.get("saved_query", ""), context.get("saved_page", "")
    if saved_query:
        parts.append(
            f'<form method="post" action="{_esc(reverse("inbox:filter-save"))}" '
            f'class="inline save-filter">{csrf}\n'
            f'    <input type="hidden" name="page" value="{_esc(str(saved_page))}">'
            f'<input type="hidden" name="query" value="{_esc(str(saved_query))}">\n'
            f'    <input type="text" name="name" maxlength="60" required aria-label="'
            f'{_esc(_("Name of the filter"))}" placeholder="{_esc(_("Name this search"))}">\n'
            f'    <button type="submit">{_esc(_("Save filter"))}</button></form>')
    parts.append("\n</div>\n")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B703 B308: escaped where it goes in


def _csrf_input(context) -> str:
    """What {% csrf_token %} draws: the hidden field with the request's token, if it has one."""
    token = context.get("csrf_token")
    # "NOTPROVIDED": Django's marker for a context without a token (what csrf_token checks)
    if not token or token == "NOTPROVIDED":  # noqa: S105  # nosec B105: a marker, no secret
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{_esc(str(token))}">'


@register.simple_tag
def filter_fields(form):
    """A list page's filter form, one <div> per field (labels, current values, errors), drawn
    without a widget template per field: these forms are simple inputs and selects. Every
    label, value and choice is escaped (`_esc`) where it goes in."""
    from django import forms as djforms

    parts = []
    apart = getattr(form, "apart", ())  # drawn by the page itself (the search box, the sort)
    for bf in form:
        if bf.name in apart:
            continue
        widget, value = bf.field.widget, bf.value()
        ident, name = _esc(bf.id_for_label), _esc(bf.html_name)
        label = f'<label for="{ident}">{_esc(bf.label)}:</label>'
        if isinstance(widget, djforms.Select):
            chosen = "" if value is None else str(value)

            def option(key, text, chosen=chosen):
                selected = " selected" if str(key) == chosen else ""
                return f'<option value="{_esc(key)}"{selected}>{_esc(text)}</option>'

            options = "".join(
                f'<optgroup label="{_esc(key)}">{"".join(option(k, t) for k, t in text)}'
                "</optgroup>" if isinstance(text, list | tuple) else option(key, text)
                for key, text in bf.field.choices)
            control = f'<select name="{name}" id="{ident}">{options}</select>'
        elif isinstance(widget, djforms.CheckboxInput):
            checked = " checked" if widget.check_test(value) else ""
            control = f'<input type="checkbox" name="{name}" id="{ident}"{checked}>'
        else:
            attrs = widget.build_attrs(widget.attrs, bf.build_widget_attrs({}))
            extra = " ".join(f'{_esc(k)}="{_esc(v)}"' for k, v in attrs.items()
                             if v is not None and v is not False)
            shown = "" if value is None else widget.format_value(value) or ""
            control = (f'<input type="{_esc(widget.input_type)}" name="{name}" '
                       f'value="{_esc(shown)}" id="{ident}" {extra}>')
        errors = "".join(f'<span class="error">{_esc(e)}</span>' for e in bf.errors)
        parts.append(f"<div>{label}{control}{errors}</div>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B703 B308: escaped where it goes in


@register.inclusion_tag("inbox/_verdict.html", takes_context=True)
def verdict(context, req):
    """At the top of every page about the request: why it was rejected or returned, by whom,
    and (to its submitter, when returned) the one action that follows."""
    from core.inbox.selectors import verdict as find

    item = find(req)
    user = context.get("user")
    is_submitter = item is not None and getattr(user, "pk", None) == req.submitter_id
    return {"item": item, "req": req, "is_submitter": is_submitter,
            "revise_url": _revise_url(req) if is_submitter else "",
            "request": context.get("request")}


def _revise_url(req) -> str:
    """Where the submitter revises: the process's own edit page when it has one, else the
    request page (which resubmits as it is)."""
    spec = registry.get(req.kind)
    if spec is not None and spec.revise_url is not None:
        return spec.revise_url(req)
    return reverse("inbox:request", kwargs={"request_id": req.pk})


@register.inclusion_tag("inbox/_route.html", takes_context=True)
def route(context, req):
    """The request's whole route as a timeline, on a process's own page (the claim, contract,
    plan, risk, budget), for whoever may see the request; before submission, a preview from the
    authority matrix. The request and task pages pass `route` themselves."""
    from core.inbox.models import RequestStatus
    from core.inbox.selectors import request_route, visible_requests

    user = context.get("user")
    if req is None or user is None or not visible_requests(user).filter(pk=req.pk).exists():
        return {"route": []}
    return {"route": request_route(req), "req": req, "request": context.get("request"),
            "preview": req.status == RequestStatus.DRAFT, "show_diagram_link": True}
