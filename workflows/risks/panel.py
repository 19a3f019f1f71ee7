"""What an approver of a risk's response plan (or of its closing) decides on, on the task page
itself (issue 18): the risk, its level, its latest assessment and its measures."""

from django.utils import timezone

from .models import Risk


def risk_panel(req, user) -> tuple[str, dict] | None:
    risk = (Risk.objects.select_related("owner", "customer", "contract", "region")
            .filter(pk=req.object_id).first())
    if risk is None:
        return None
    today = timezone.localdate()
    measures = list(risk.measures.select_related("owner").order_by("due_date", "pk"))
    for m in measures:
        m.overdue = m.done_date is None and m.due_date < today
    return "risks/_task_panel.html", {
        "risk": risk, "measures": measures,
        "assessment": risk.assessments.select_related("assessed_by")
        .order_by("-assessed_at", "-pk").first(),
    }
