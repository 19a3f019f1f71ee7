"""What an approver of a claim decides on, on the task page itself (issue 18): the lines with
their standards and overruns, the budget left, each line's vouchers shown inline; and the
warnings that keep a claim out of bulk approval (over budget, over the standard)."""

from django.utils.translation import gettext as _

from . import selectors
from .models import ExpenseClaim
from .services import ledger, vouchers


def claim_panel(req, user) -> tuple[str, dict] | None:
    claim = (ExpenseClaim.objects.select_related("submitter", "department")
             .filter(pk=req.object_id).first())
    if claim is None:
        return None
    lines = list(claim.lines.all())
    standards = selectors.standards_by_line(lines, claim.submitter.grade)
    for line in lines:
        line.standard = standards.get(line.pk)
    reviewer = selectors.sees_all_claims(user)
    per_line = vouchers.line_vouchers(claim)
    for i, lv in enumerate(per_line, start=1):
        lv.number = i
        for r in lv.receipts:
            r.checks = vouchers.receipt_checks(r, lv) if reviewer else []
            r.failed = [c for c in r.checks if not c.ok]
            r.is_image = r.attachment.content_type.startswith("image/")
    day = claim.expense_date
    return "expenses/_task_panel.html", {
        "claim": claim, "lines": lines, "vouchers": per_line,
        "left": ledger.remaining(day.year, claim.department_id, claim.category, day.month),
        # the receipts are the request's files: shown here per line, not again below
        "shows_files": True,
    }


def claim_warnings(requests) -> dict[int, list[str]]:
    by_claim = {req.object_id: req.pk for req in requests}
    found: dict[int, list[str]] = {}
    for pk, over_budget, over_standard in ExpenseClaim.objects.filter(
            pk__in=by_claim).values_list("pk", "over_budget", "over_standard"):
        warnings = ([_("over budget")] if over_budget else []) + (
            [_("over the reimbursement standard")] if over_standard else [])
        found[by_claim[pk]] = warnings
    return found
