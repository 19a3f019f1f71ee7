"""Pages for approvers, submitters and auditors. Each view parses input, calls one service or
selector, and renders; refusals come back as messages with the typed input kept."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from viewflow.workflow import chart

from core import compiled, registry
from core.api.rows import may_reject, may_return
from core.audit import selectors as audit_selectors
from core.audit.verify import verify_all, verify_subject
from core.exceptions import ApprovalError
from core.forms import cc_from_post
from core.org import selectors as org
from core.org.models import Role, User

from . import attachments, copies, panels, search, selectors, services, workbench
from .forms import (
    AuditFilterForm,
    CommentForm,
    ReasonForm,
    ReassignForm,
    RequestFilterForm,
    ReturnForm,
    TaskFilterForm,
)
from .models import (
    Attachment,
    Notification,
    Request,
    RequestStatus,
    SavedFilter,
    WorkItem,
)

PAGE_SIZE = 25


class KnownCount:
    """A queryset whose size the menu has already counted: the paginator need not ask again."""

    def __init__(self, queryset, count: int):
        self.queryset, self._count = queryset, count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key):
        return self.queryset[key]


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


@login_required
def inbox(request):
    scope = request.GET.get("tab", selectors.INBOX)
    if scope not in selectors.SCOPES:
        scope = selectors.INBOX
    form, filters = _task_filters(request.GET)
    unfiltered = replace(filters, sort="") == selectors.TaskFilters()  # a sort counts the same
    known = selectors.task_counts(request.user).get(scope) if unfiltered else None
    tasks = selectors.task_list(request.user, scope, filters, count=known)
    if known is not None and not isinstance(tasks, selectors.TaskList):
        tasks = KnownCount(tasks, known)
    page = _page(request, tasks)
    return render(request, "inbox/inbox.html", {
        "tab": scope, "page": page, "form": form, "now": timezone.now(),
        "filtered": not unfiltered, "sort": filters.sort, "hidden": {"tab": scope},
        "row_actions": scope == selectors.INBOX and not org.is_read_only(request.user),
        "list_query": search.task_list_query(request.GET.urlencode()),
        **_saved(request, SavedFilter.Page.TASKS),
    })


def _task_filters(data) -> tuple[TaskFilterForm, selectors.TaskFilters]:
    """A task list's filter form over these parameters (a QueryDict), and what it filters."""
    form = TaskFilterForm(data or None)
    filters = selectors.TaskFilters()
    if form.is_bound:
        form.is_valid()  # a field in error is shown beside it; the valid ones still filter
        d = form.cleaned_data
        submitter = None
        if d.get("submitter"):
            submitter = User.objects.filter(username=d["submitter"].strip()).values_list(
                "pk", flat=True).first() or -1
        filters = selectors.TaskFilters(
            kind=d.get("kind", ""), step=d.get("step", "").strip(), submitter=submitter,
            amount_min=d.get("amount_min"), amount_max=d.get("amount_max"),
            overdue=d.get("overdue", False), q=d.get("q", ""), sort=d.get("sort", ""),
        )
    return form, filters


def _saved(request, page: str) -> dict:
    """The user's own saved filters for a list page, and the query the page would save."""
    return {
        "saved_filters": _saved_filters(request.user, page),
        "saved_page": page,
        "saved_query": search.clean_query(page, request.GET.urlencode()),
    }


def _saved_of(user_id: int, page: str):
    return SavedFilter.objects.filter(user_id=user_id, page=page)


def _saved_filters(user, page: str) -> list[SavedFilter]:
    """The user's saved filters of this list page; every list page reads them, so the
    statement is compiled once (core.compiled)."""
    return compiled.objects(("saved_filters",), _saved_of, user_id=user.pk, page=page)


@login_required
@require_POST
def saved_filter_create(request):
    page = request.POST.get("page", "")
    if page not in search.PAGE_PARAMS:
        raise Http404
    query = search.clean_query(page, request.POST.get("query", ""))
    name = " ".join(request.POST.get("name", "").split())[:60]
    target = reverse(search.PAGE_URLS[page]) + (f"?{query}" if query else "")
    if not name:
        messages.error(request, _("Give the filter a name."))
        return redirect(target)
    SavedFilter.objects.update_or_create(user=request.user, page=page, name=name,
                                         defaults={"query": query})
    messages.success(request, _("Filter “%(name)s” saved.") % {"name": name})
    return redirect(target)


@login_required
@require_POST
def saved_filter_delete(request, filter_id):
    if filter_id > MAX_ID:
        raise Http404
    saved = get_object_or_404(SavedFilter, pk=filter_id, user=request.user)  # the owner's only
    saved.delete()
    messages.success(request, _("Filter “%(name)s” deleted.") % {"name": saved.name})
    return redirect(search.PAGE_URLS[saved.page])


MAX_ID = 2**63 - 1


def _visible_item(user, task_id) -> WorkItem:
    if task_id > MAX_ID:
        raise Http404
    item = (
        selectors.visible_tasks(user)
        .select_related("request", "request__submitter", "assignee", "submitter")
        .filter(pk=task_id)
        .first()
    )
    if item is None:
        raise Http404
    return item


def _object_panel(request, req: Request) -> dict:
    """The process's panel of what the step decides on, the request's files to preview inline
    (unless the panel shows them itself) and the warnings its page carries."""
    html, shows_files = "", False
    found = panels.task_panel(req, request.user)
    if found is not None:
        template, ctx = found
        shows_files = bool(ctx.get("shows_files"))
        html = render_to_string(template, ctx, request=request)
    files = [] if shows_files else [
        a for a in req.attachments.all() if a.content_type in attachments.PREVIEWABLE]
    return {"panel": html, "previews": files,
            "warnings": panels.warnings_for([req]).get(req.pk, [])}


def _task_context(request, item, forms=None):
    req = item.request
    steps = [(i, s["label"]) for i, s in enumerate(req.chain) if i < max(item.step_index, 0)]
    forms = forms or {}
    decider, barred = (services.decision_check(request.user, item) if item.is_open
                       and not item.is_revision else (None, ""))
    ctx = {
        "item": item,
        "req": req,
        "events": audit_selectors.timeline(req.kind, req.object_id),
        "approve_form": forms.get("approve") or CommentForm(prefix="approve"),
        "reject_form": forms.get("reject") or ReasonForm(prefix="reject"),
        "return_form": forms.get("return") or ReturnForm(
            prefix="return", steps=steps, resubmit_to=services.resubmit_choices(req.kind)),
        "reassign_form": forms.get("reassign") or ReassignForm(
            prefix="reassign", choices=services.reassign_choices(item)),
        "comment_form": forms.get("comment") or CommentForm(prefix="comment"),
        "can_reassign": item.is_open and services.can_reassign(request.user, item),
        "read_only": org.is_read_only(request.user),
        # What the decision itself would allow (segregation of duties included).
        "is_mine": decider is not None and item.assignee_id is not None,
        # a candidate decides straight from the queue, or claims the task to decide later
        "can_claim": decider is not None and item.assignee_id is None,
        "may_decide": decider is not None,
        # the "acting for 张伟" banner: the viewer decides this task as someone's deputy
        "acting_for": decider.principal if decider is not None and decider.on_behalf else None,
        "barred": barred,
        "candidates": list(item.candidates.all()) if item.assignee_id is None else [],
        "attachments": req.attachments.select_related("uploaded_by"),
        **_file_rights(request.user, req),
        # The process's own page (the claim, contract, plan or risk) with what is decided on.
        "detail_url": _detail_url(req),
        "can_reject": may_reject(req.kind),
        "can_return": may_return(req.kind),
        "approve_labels": _approve_labels(req.kind),
        "route": selectors.request_route(req),
        # the filters of the list the task was opened from: "open the next" keeps to that list
        "list_query": _list_query(request),
        **_object_panel(request, req),
    }
    return ctx


@login_required
def task_detail(request, task_id):
    item = _visible_item(request.user, task_id)
    return render(request, "inbox/task.html", _task_context(request, item))


@login_required
@require_POST
def task_action(request, task_id, action):
    if action in ("approve", "reject"):
        return _decision_action(request, task_id, action)
    item = _visible_item(request.user, task_id)
    actor = request.user
    form = None
    try:
        if action == "return":
            steps = [(i, s["label"]) for i, s in enumerate(item.request.chain)
                     if i < max(item.step_index, 0)]
            form = ReturnForm(request.POST, prefix="return", steps=steps,
                              resubmit_to=services.resubmit_choices(item.kind))
            if form.is_valid():
                data = form.cleaned_data
                copies.decide_and_copy(
                    task_id=item.pk, actor=actor, people=cc_from_post(request.POST),
                    decide=lambda: services.task_return(
                        task_id=item.pk, actor=actor, reason=data["reason"],
                        to_step=data["to_step"], resubmit_to=data["resubmit_to"]))
                return _after_decision(request, item.pk,
                                       _("Returned for revision: %(t)s") % {"t": item.title})
        elif action == "reassign":
            form = ReassignForm(request.POST, prefix="reassign",
                                choices=services.reassign_choices(item))
            if form.is_valid():
                services.task_reassign(task_id=item.pk, actor=actor,
                                       assignee=form.cleaned_data["assignee"],
                                       reason=form.cleaned_data["reason"])
                messages.success(request, _("Reassigned to %(who)s") % {
                    "who": form.cleaned_data["assignee"]})
                return _back_to_task(request, item.pk)
        elif action == "comment":
            form = CommentForm(request.POST, prefix="comment")
            if form.is_valid():
                services.request_comment(request_id=item.request_id, actor=actor,
                                         comment=form.cleaned_data["comment"])
                messages.success(request, _("Comment added."))
                return _back_to_task(request, item.pk)
        elif action == "claim":
            services.task_claim(task_id=item.pk, actor=actor)
            messages.success(request, _("The task is yours now."))
            return _back_to_task(request, item.pk)
        elif action == "release":
            services.task_release(task_id=item.pk, actor=actor)
            messages.success(request, _("The task is back in the queue."))
            return _back_to_list(request)
        else:
            raise Http404
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
        status = exc.status
    else:
        messages.error(request, _("Please correct the errors below."))
        status = 400
    item = _visible_item(request.user, task_id)
    forms = {action: form} if form is not None else {}
    return render(request, "inbox/task.html", _task_context(request, item, forms), status=status)


def _decision_action(request, task_id, action):
    """Approve or reject. The service checks that the actor may decide this task, so the page
    asks nothing first; only when the service refuses does it look whether the task is visible
    to this user at all (404 if not, so that a refusal never tells a stranger it exists)."""
    if task_id > MAX_ID:
        raise Http404
    if action == "approve" and request.POST.get("from_list"):
        # A list row's one-tap approve is for plain requests: one whose page carries a warning
        # (credit breach, over budget, over the standard) is decided from that page, as in bulk.
        item = _visible_item(request.user, task_id)
        own_page = panels.own_page_reason(item.kind, item.step_code)
        warned = panels.warnings_for([item.request]).get(item.request_id)
        if own_page:
            messages.warning(request, _("%(number)s is decided on its own page: %(why)s.")
                             % {"number": item.request.number or item.title, "why": own_page})
            return _back_to_task(request, item.pk)
        if warned:
            messages.warning(request, _("%(number)s carries a warning (%(w)s): read its page "
                                        "and decide there.")
                             % {"number": item.request.number or item.title,
                                "w": ", ".join(str(w) for w in warned)})
            return _back_to_task(request, item.pk)
    if action == "approve":
        form = CommentForm(request.POST, prefix="approve")
    else:
        form = ReasonForm(request.POST, prefix="reject")
    if form.is_valid():
        try:
            data, cc = form.cleaned_data, cc_from_post(request.POST)  # 抄送 with the decision
            if action == "approve":
                item = copies.decide_and_copy(
                    task_id=task_id, actor=request.user, people=cc,
                    decide=lambda: services.task_approve(task_id=task_id, actor=request.user,
                                                         comment=data["comment"]))
                done = _("Approved: %(t)s") % {"t": item.title}
            else:
                item = copies.decide_and_copy(
                    task_id=task_id, actor=request.user, people=cc,
                    decide=lambda: services.task_reject(task_id=task_id, actor=request.user,
                                                        reason=data["reason"]))
                done = _("Rejected: %(t)s") % {"t": item.title}
            return _after_decision(request, item.pk, done)
        except ApprovalError as exc:
            item = _visible_item(request.user, task_id)
            messages.error(request, str(exc.message))
            status = exc.status
    else:
        item = _visible_item(request.user, task_id)
        messages.error(request, _("Please correct the errors below."))
        status = 400
    return render(request, "inbox/task.html", _task_context(request, item, {action: form}),
                  status=status)


THEN_NEXT, THEN_INBOX = "next", "inbox"


def _wants_next(request) -> bool:
    """The button pressed ("then": next or inbox), remembered as the user's choice for the
    next decision; without one, the remembered choice."""
    user = request.user
    then = request.POST.get("then", "")
    if then not in (THEN_NEXT, THEN_INBOX):
        return user.open_next_task
    wants = then == THEN_NEXT
    if wants != user.open_next_task:
        user.open_next_task = wants
        user.save(update_fields=["open_next_task"])
    return wants


def next_task_id(user, *, after: int, filters: selectors.TaskFilters | None = None,
                 first: str = selectors.INBOX) -> int | None:
    """The task the inbox lists first now (its own order, or the filters and sort of the list
    the approver works through), else the first of the queue that the user may decide (the
    queue before the inbox when that list is the queue); never a revision of their own, never
    the task just decided."""
    scopes = ((selectors.QUEUE, selectors.INBOX) if first == selectors.QUEUE
              else (selectors.INBOX, selectors.QUEUE))
    for scope in scopes:
        pk = (selectors.tasks_for(user, scope, filters).filter(is_revision=False)
              .exclude(pk=after).values_list("pk", flat=True).first())
        if pk is not None:
            return pk
    return None


LIST = "from"  # a task page's parameter: the query string of the list it was opened from


def _list_query(request) -> str:
    """The filters of the task list the approver works through (a row link's `?from=`, the
    decision form's hidden field), reduced to the list's own parameters: only ever the query
    string of /inbox/ or of a task page, never an address of its own."""
    return search.task_list_query(request.POST.get(LIST) or request.GET.get(LIST, ""))


def _with_list(url: str, listed: str) -> str:
    return f"{url}?{urlencode({LIST: listed})}" if listed else url


def _back_to_task(request, task_id: int):
    """The task page again, still keeping to the list it was opened from."""
    return redirect(_with_list(reverse("inbox:task", kwargs={"task_id": task_id}),
                               _list_query(request)))


def _back_to_list(request):
    """The list the task was opened from (the inbox when it was opened from none)."""
    listed = _list_query(request)
    return redirect(reverse("inbox:inbox") + (f"?{listed}" if listed else ""))


def _after_decision(request, task_id: int, done: str):
    messages.success(request, done)
    listed = _list_query(request)
    if not _wants_next(request):
        return _back_to_list(request)
    params = QueryDict(listed)
    _form, filters = _task_filters(params)
    pk = next_task_id(request.user, after=task_id, filters=filters,
                      first=params.get("tab", selectors.INBOX))
    if pk is None and listed:
        pk = next_task_id(request.user, after=task_id)
        listed = ""
        if pk is not None:
            messages.info(request, _("Nothing else in your list matches its filters: this is "
                                     "the next task of your whole inbox."))
    if pk is None:
        messages.info(request, _("That was the last one: nothing else waits for you."))
        return redirect("inbox:inbox")
    return redirect(_with_list(reverse("inbox:task", kwargs={"task_id": pk}), listed))


@login_required
@require_POST
def bulk_approve(request):
    ids = [int(x) for x in request.POST.getlist("ids")
           if x.isascii() and x.isdigit() and int(x) <= MAX_ID]
    if not ids:
        messages.warning(request, _("Select at least one task."))
        return _back_to_list(request)
    # People know a request by its number (or title), never by a task's row id.
    names = {pk: number or title for pk, number, title in selectors.visible_tasks(request.user)
             .filter(pk__in=ids).values_list("pk", "number", "title")}
    visible = [i for i in dict.fromkeys(ids) if i in names]
    warned = services.bulk_warnings(visible)
    if warned and request.POST.get("reviewed") != "1":
        # Before anything is approved: the items whose page carries a warning are named, to be
        # opened one by one; the rest are approved only once the approver confirms them.
        rows = {i.pk: i for i in selectors.visible_tasks(request.user)
                .filter(pk__in=visible).select_related("request")}
        return render(request, "inbox/bulk_review.html", {
            "warned": [(rows[i], warned[i]) for i in visible if i in warned],
            "clean": [rows[i] for i in visible if i not in warned],
            "list_query": _list_query(request),
        })
    results = services.tasks_bulk_approve(task_ids=visible, actor=request.user)
    ok = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    if ok:
        messages.success(request, _("%(n)d approved.") % {"n": len(ok)})
    for r in failed:
        if r.code == services.NEEDS_REVIEW:
            why = "; ".join(str(w) for w in warned.get(r.task_id, ())) or r.detail
            messages.warning(request, _("%(number)s left for its own page: %(why)s") % {
                "number": names[r.task_id], "why": why})
            continue
        messages.error(request, _("%(number)s not approved: %(why)s") % {
            "number": names[r.task_id], "why": r.detail})
    missing = len(set(ids) - set(names))
    if missing:
        messages.error(request, ngettext(
            "%(n)d selected task is no longer in your lists.",
            "%(n)d selected tasks are no longer in your lists.", missing) % {"n": missing})
    return _back_to_list(request)


@login_required
def my_requests(request):
    form = RequestFilterForm(request.GET or None)
    d: dict = {}
    if form.is_bound:
        form.is_valid()  # a field in error is shown beside it; the valid ones still filter
        d = form.cleaned_data
    scope = "all" if request.GET.get("scope") == "all" else "mine"
    qs = selectors.request_rows(selectors.requests_for(
        request.user, mine=scope != "all", kind=d.get("kind", ""), status=d.get("status", ""),
        q=d.get("q", ""), sort=d.get("sort", "")))
    return render(request, "inbox/requests.html", {
        "page": _page(request, qs), "form": form, "scope": scope, "sort": d.get("sort", ""),
        "hidden": {"scope": scope},
        "filtered": any(d.get(k) for k in ("q", "kind", "status")),
        **_saved(request, SavedFilter.Page.REQUESTS),
    })


def _visible_request(user, request_id) -> Request:
    if request_id > MAX_ID:
        raise Http404
    return get_object_or_404(selectors.visible_requests(user), pk=request_id)


def _diagram(req: Request, nonce: str) -> str:
    if req.process is None:
        return ""
    flow_class = req.process.flow_class
    grid = chart.calc_layout_data(flow_class)
    chart.calc_cell_status(flow_class, grid, req.process_id)
    # viewflow styles its SVG with a <style> block: without the page's nonce the CSP blocks it
    # and every node is drawn as a black box
    return chart.grid_to_svg(grid).replace("<style", f'<style nonce="{escape(nonce)}"', 1)


@login_required
def request_detail(request, request_id):
    req = _visible_request(request.user, request_id)
    return render(request, "inbox/request.html", {
        "req": req,
        "events": audit_selectors.timeline(req.kind, req.object_id),
        "open_items": req.work_items.filter(status="open").select_related("assignee"),
        "diagram": _diagram(req, getattr(request, "csp_nonce", "")),
        "attachments": req.attachments.select_related("uploaded_by"),
        **_file_rights(request.user, req),
        "is_submitter": req.submitter_id == request.user.pk,
        "can_withdraw": req.submitter_id == request.user.pk and req.is_open,
        # a process that revises on its own edit page resubmits there (the banner's action)
        "can_resubmit": req.submitter_id == request.user.pk
        and req.status == RequestStatus.RETURNED and not _revises_elsewhere(req),
        "read_only": org.is_read_only(request.user),
        "detail_url": _detail_url(req),
        "route": selectors.request_route(req),
        "is_draft": req.status == RequestStatus.DRAFT,
        "can_export": req.submitter_id == request.user.pk or request.user.is_superuser
        or org.has_role(request.user, Role.AUDITOR, Role.ADMINISTRATOR),
        "can_review": workbench.is_auditor(request.user),
    })


def _revises_elsewhere(req: Request) -> bool:
    spec = registry.get(req.kind)
    return spec is not None and spec.revise_url is not None


def _approve_labels(kind: str) -> tuple:
    """The approve button's words where the process says approving is something else."""
    reg = registry.get(kind)
    return tuple(reg.approve_labels) if reg is not None else ()


def _detail_url(req: Request) -> str:
    reg = registry.get(req.kind)
    return reg.detail_url(req) if reg and reg.detail_url else ""


@login_required
@require_POST
def request_action(request, request_id, action):
    req = _visible_request(request.user, request_id)
    try:
        if action == "withdraw":
            services.request_withdraw(request_id=req.pk, actor=request.user,
                                      reason=request.POST.get("reason", "").strip()[:2000])
            messages.success(request, _("The request was withdrawn."))
        elif action == "verify":
            _verify_chain(request, req)  # reads only: anyone who may see the request
        elif action == "resubmit":
            services.request_resubmit(request_id=req.pk, actor=request.user,
                                      comment=request.POST.get("comment", "").strip()[:2000])
            messages.success(request, _("The request is back in review."))
        else:
            raise Http404
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    return redirect("inbox:request", request_id=req.pk)


def _verify_chain(request, req: Request) -> None:
    """This request's audit chain on its own (core.audit.verify.verify_subject), the outcome
    as a message on the page it returns to."""
    result = verify_subject(req.kind, req.object_id)
    if result.ok:
        messages.success(request, ngettext(
            "This request's audit chain is intact: %(n)d event verified.",
            "This request's audit chain is intact: %(n)d events verified.",
            result.events_checked) % {"n": result.events_checked})
        return
    broken = result.first_broken or {}
    messages.error(request, _(
        "This request's audit chain is BROKEN at event %(position)s (global no. %(seq)s): "
        "%(problem)s.") % {"position": broken.get("subject_seq") or "—",
                           "seq": broken.get("seq") or "—",
                           "problem": _(broken.get("problem") or "")})


def _auditor_or_404(user):
    if not (user.is_superuser or org.has_role(user, Role.AUDITOR, Role.ADMINISTRATOR)):
        raise Http404


@login_required
def audit_search(request):
    _auditor_or_404(request.user)
    form = AuditFilterForm(request.GET or None, event_types=audit_selectors.event_types())
    qs = audit_selectors.events()
    if form.is_bound and form.is_valid():
        data = dict(form.cleaned_data)
        subjects = search.subjects_of(data.pop("q", ""))
        qs = audit_selectors.events(audit_selectors.EventFilters(**data, subjects=subjects))
    elif form.is_bound:
        qs = qs.none()
    page = _page(request, qs, size=50)
    numbers = {(e.subject_kind, e.subject_id) for e in page}
    links = {
        (r.kind, str(r.object_id)): r.pk
        for r in Request.objects.filter(
            object_id__in=[int(i) for _k, i in numbers if i.isdigit()]
        ).only("kind", "object_id")
    }
    for e in page:
        e.request_pk = links.get((e.subject_kind, e.subject_id))
    return render(request, "inbox/audit.html", {
        "form": form, "page": page, "verification": audit_selectors.last_verification(),
        "export_query": request.GET.urlencode(),
        "workbench": workbench.is_auditor(request.user),
        **_saved(request, SavedFilter.Page.AUDIT),
    })


@login_required
@require_POST
def audit_verify(request):
    _auditor_or_404(request.user)
    result = verify_all()
    target = request.POST.get("next", "")
    if not _safe_next(request, target):
        target = reverse("inbox:audit")
    if result.ok:
        messages.success(request, _("Audit trail intact: %(n)d events verified.") % {
            "n": result.events_checked})
    else:
        messages.error(request, _("Audit trail BROKEN: %(b)s") % {"b": result.first_broken})
    return redirect(target)


def _safe_next(request, target: str) -> bool:
    """A `next` address on this site only (no other host, no scheme switch, no `/\\evil`)."""
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure())


@login_required
def notifications(request):
    page = _page(request, Notification.objects.filter(recipient=request.user))
    return render(request, "inbox/notifications.html", {"page": page})


@login_required
@require_POST
def notifications_read(request):
    qs = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    note_id = request.POST.get("id", "")
    if note_id.isdigit():
        qs = qs.filter(pk=int(note_id))
    qs.update(read_at=timezone.now())
    target = request.POST.get("next", "")
    if _safe_next(request, target):
        return redirect(target)
    return redirect("inbox:notifications")


@login_required
@require_POST
def attachment_upload(request, request_id):
    req = _visible_request(request.user, request_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            attachments.attachment_add(request_id=req.pk, actor=request.user, upload=upload)
        except ApprovalError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Attached %(name)s.") % {
                "name": attachments.safe_name(upload.name)})
    target = request.POST.get("next", "")
    if _safe_next(request, target):
        return redirect(target)
    return redirect("inbox:request", request_id=req.pk)


@login_required
@require_POST
def attachment_remove(request, token):
    att = get_object_or_404(Attachment.objects.select_related("request"), token=token)
    req = _visible_request(request.user, att.request_id)  # 404 unless the request is visible
    try:
        attachments.attachment_remove(request_id=req.pk, attachment_id=att.pk,
                                      actor=request.user)
    except ApprovalError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Removed %(name)s.") % {"name": att.original_name})
    target = request.POST.get("next", "")
    if _safe_next(request, target):
        return redirect(target)
    return redirect("inbox:request", request_id=req.pk)


def _file_rights(user, req: Request) -> dict:
    """What the attachments box offers: upload, and removing one's own files."""
    return {"can_upload": attachments.may_upload(user, req),
            "can_remove_files": req.submitter_id == user.pk
            and req.status in attachments.SUBMITTER_REMOVES}


@login_required
@xframe_options_sameorigin
def attachment_view(request, token):
    """The file itself, shown inside the task page (an image, or a PDF in a frame): the same
    access check as the download."""
    att = get_object_or_404(Attachment.objects.select_related("request"), token=token)
    _visible_request(request.user, att.request_id)  # 404 unless the request is visible
    try:
        return attachments.inline_response(att)
    except ApprovalError:
        raise Http404 from None


@login_required
def attachment_download(request, token):
    att = get_object_or_404(Attachment.objects.select_related("request"), token=token)
    _visible_request(request.user, att.request_id)  # 404 unless the request is visible
    try:
        return attachments.download_response(att)
    except ApprovalError:
        raise Http404 from None
