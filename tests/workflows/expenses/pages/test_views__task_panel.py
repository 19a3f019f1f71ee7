"""Issue 18: the approver decides from the task page itself: the claim's lines with their
standards and overruns, the budget left and each line's vouchers shown inline (an image as
<img>, a PDF in an <iframe> of the served file), and the warnings that keep it out of bulk."""

from decimal import Decimal

import pytest

from core.inbox.models import Request
from workflows.expenses.models import ItemType
from workflows.expenses.services import vouchers

from ..vouchers import pdf
from .helpers import line, open_item, today

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def test_task_page_shows_lines_standards_and_vouchers_inline(client_for, make_claim, standards,
                                                             travel_budget, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dinner = line("500.00", item_type=ItemType.ENTERTAINMENT, units=2, description="客户晚宴")
    claim = make_claim("east_rep1", lines=[dinner, line("120.00")])
    first, second = claim.lines.order_by("pk")
    vouchers.receipt_add(claim_id=claim.pk, actor=personas["east_rep1"], line_id=first.pk,
                         kind="guest_list", upload=pdf("名单.pdf"))
    vouchers.receipt_add(claim_id=claim.pk, actor=personas["east_rep1"], line_id=second.pk,
                         kind="ticket", upload=SimpleUploadedFile("票.png", PNG, "image/png"))
    from workflows.expenses import services
    services.claim_submit(claim_id=claim.pk, actor=personas["east_rep1"])
    item = open_item("expense", claim.pk)

    response = client_for("east_mgr").get(f"/inbox/tasks/{item.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="claim-lines"' in html
    assert "客户晚宴" in html and "¥100.00 over" in html  # 200 a guest, two guests
    assert "over standard" in html
    assert f'<iframe src="/expenses/claims/{claim.pk}/' in html
    assert '<img src="/expenses/claims/' in html
    assert response.context["warnings"] == ["over the reimbursement standard"]
    # the inline file answers with its checked type, framed only by this site
    src = html.split('<iframe src="', 1)[1].split('"', 1)[0]
    served = client_for("east_mgr").get(src)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert "frame-ancestors 'self'" in served["Content-Security-Policy"]
    assert served["X-Frame-Options"] == "SAMEORIGIN"


def test_no_warning_when_the_claim_is_within_standard_and_budget(client_for, make_claim,
                                                                 travel_budget):
    claim = make_claim("east_rep1", stage="submitted")
    item = open_item("expense", claim.pk)

    response = client_for("east_mgr").get(f"/inbox/tasks/{item.pk}/")

    assert response.context["warnings"] == []
    assert 'data-testid="task-warnings"' not in response.content.decode()
    req = Request.objects.get(kind="expense", object_id=claim.pk)
    assert req.amount == Decimal("320.00") and today()
