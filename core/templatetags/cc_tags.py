"""抄送 on submit: the "Copy to" list a process's submit form carries (`{% cc_picker %}`)."""

from django import template

from core.org.models import User

register = template.Library()


@register.inclusion_tag("_cc_on_submit.html", takes_context=True)
def cc_picker(context, field_id: str = "cc"):
    """Active people other than the one submitting; the view reads them with
    core.forms.cc_from_post and passes them to the process's submit service as `cc`."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    picked = set()
    request = context.get("request")
    if request is not None and request.method == "POST":
        picked = {v for v in request.POST.getlist("cc") if v.isdigit()}
    people = User.objects.filter(is_active=True)
    own_pk = getattr(user, "pk", None)
    if own_pk is not None:
        people = people.exclude(pk=own_pk)
    people = people.only("pk", *User.NAME_FIELDS).order_by("username")
    return {"people": people, "picked": picked, "field_id": field_id}
