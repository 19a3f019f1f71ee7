"""What the task and request pages offer beyond the decision (core/inbox/actions.py): one tag
per page, so each page's template includes the actions with one line."""

from django import template

from core.inbox import actions, copies
from core.inbox.forms import AddSignerForm, CommentForm, CopyForm, TransferForm, UrgeForm
from core.inbox.models import CarbonCopy, Urge, WorkItemStatus
from core.org import selectors as org

register = template.Library()


def _urge_facts(item) -> dict:
    last = actions.last_urge(item)
    return {"last_urge": last,
            "next_urge_at": actions.next_urge_at(last.created if last else None)}


@register.simple_tag(takes_context=True)
def task_more_actions(context, item) -> dict:
    user = context["request"].user
    forms = context.get("more_forms") or {}
    open_task = item.is_open and item.request.is_open and not item.is_revision
    can_transfer = (open_task and not org.is_read_only(user) and actions.holds(user, item))
    can_urge = open_task and actions.may_urge(user, item)
    can_add = open_task and not org.is_read_only(user) and actions.may_add_signer(user, item)
    return {
        "can_add_signer": can_add,
        "add_signer_form": forms.get("add_signer") or (AddSignerForm(
            prefix="signer", choices=actions.signer_choices(item)) if can_add else None),
        "can_transfer": can_transfer,
        "transfer_form": forms.get("transfer") or (TransferForm(
            prefix="transfer", choices=actions.transfer_choices(item).exclude(
                pk=item.assignee_id)) if can_transfer else None),
        "can_urge": can_urge,
        "urge_form": forms.get("urge") or UrgeForm(prefix="urge"),
        **(_urge_facts(item) if can_urge else {}),
        # 抄送 while deciding: the holder, or whoever may decide or claim it
        **_copy_facts(user, item.request, forms,
                      can=open_task and copies.may_copy(user, item.request)),
    }


def _copy_facts(user, req, forms, *, can: bool) -> dict:
    return {"can_copy": can,
            "copy_form": forms.get("copy") or (CopyForm(
                prefix="copy", choices=copies.copy_choices(req).exclude(pk=user.pk))
                if can else None)}


@register.simple_tag(takes_context=True)
def request_copies(context, req) -> dict:
    """The request page: who is copied on it (抄送), the copy form for the submitter or a
    holder, and the comment box (with @mentions) for anyone who may write."""
    request = context["request"]
    user = request.user
    forms = getattr(request, "cs_copy_forms", None) or {}
    read_only = org.is_read_only(user)
    return {
        "people": CarbonCopy.objects.filter(request=req).select_related(
            "person", "added_by").order_by("pk"),
        **_copy_facts(user, req, forms, can=copies.may_copy(user, req)),
        "can_comment": not read_only,
        "comment_form": forms.get("comment") or CommentForm(prefix="comment"),
    }


@register.simple_tag(takes_context=True)
def request_urges(context, req) -> dict:
    """The request page: how often its tasks were urged, and an urge per open task."""
    user = context["request"].user
    items = list(req.work_items.filter(status=WorkItemStatus.OPEN)
                 .select_related("request__submitter"))
    return {
        "count": Urge.objects.filter(request=req).count(),
        "urgeable": [(i, _urge_facts(i)) for i in items if actions.may_urge(user, i)],
    }
