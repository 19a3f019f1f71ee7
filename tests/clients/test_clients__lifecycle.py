"""Integrators' clients, generated from the live OpenAPI document, run the whole claim lifecycle
against a live server (issue 25): token, draft with lines (Idempotency-Key), receipt upload,
submit, the manager's inbox and approval, finance's voucher review, paid, the claim's audit
events. No hand edits: the Python client is generated here; the TypeScript types are checked
against the same document and the scenario in clients/typescript/src/lifecycle.ts runs in Node."""

import importlib
import io
import json
import subprocess
import sys
from datetime import date

import httpx
import pytest
from django.utils import timezone

from core.inbox.models import Attachment
from workflows.expenses.models import ExpenseClaim

from .conftest import PASSWORD, PNG_1X1, TYPESCRIPT, generate_python_client, node_or_skip, npm_bin

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

# The claim's story in its audit trail, in order (other events may come in between).
LIFECYCLE_EVENTS = ["expense.drafted", "expense.attachment_added", "expense.submitted",
                    "expense.step_approved", "expense.task_claimed", "expense.step_approved",
                    "expense.paid"]


# The invoice on each scenario's receipt: seller and buyer as the demo company's settings.
INVOICE = {"invoice_amount": "500.00", "seller_name": "上海铁路",
           "seller_code": "91440300MA5FAB2C1Y", "buyer_name": "示例销售有限公司",
           "buyer_code": "91310115MA1K4C30XK"}


def in_order(names: list[str]) -> bool:
    rest = iter(names)
    return all(any(name == wanted for name in rest) for wanted in LIFECYCLE_EVENTS)


def receipts_of(claim_id: int) -> list[str]:
    return list(Attachment.objects.filter(request__kind="expense", request__object_id=claim_id)
                .values_list("original_name", flat=True))


def live_schema(live_server, path) -> None:
    """The schema as an integrator fetches it: logged in, in English."""
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        token = http.post("/api/auth/token/",
                          json={"username": "east_rep1", "password": PASSWORD}).json()["token"]
        response = http.get("/api/schema/", params={"format": "json", "lang": "en"},
                            headers={"Authorization": f"Token {token}"})
    assert response.status_code == 200, response.text[:500]
    path.write_bytes(response.content)


@pytest.fixture
def generated(live_server, personas, tmp_path):
    """The Python client, generated into a temporary folder from the live schema, imported."""
    schema = tmp_path / "openapi.json"
    live_schema(live_server, schema)
    done = generate_python_client(schema, tmp_path / "countersign-client")
    assert done.returncode == 0, done.stdout + done.stderr
    # The generator warns about any part of the document it cannot express: there must be none.
    assert "Warning" not in done.stdout + done.stderr, done.stdout + done.stderr
    sys.path.insert(0, str(tmp_path / "countersign-client"))
    try:
        yield importlib.import_module("countersign_client")
    finally:
        sys.path.remove(str(tmp_path / "countersign-client"))
        for name in [n for n in sys.modules if n.split(".")[0] == "countersign_client"]:
            del sys.modules[name]


def test_python_client_runs_the_claim_lifecycle(live_server, generated, travel_budget):
    api = importlib.import_module("countersign_client.api")
    auth = importlib.import_module("countersign_client.api.auth.auth_token_create")
    claims = importlib.import_module("countersign_client.api.expenses_claims")
    tasks = importlib.import_module("countersign_client.api.tasks")
    audit = importlib.import_module("countersign_client.api.audit.audit_events_list")
    m = importlib.import_module("countersign_client.models")
    types = importlib.import_module("countersign_client.types")
    for name in ("expenses_claims_create", "expenses_claims_receipts_create",
                 "expenses_claims_submit_create", "expenses_claims_retrieve"):
        importlib.import_module(f"{claims.__name__}.{name}")
    for name in ("tasks_list", "tasks_approve_create", "tasks_claim_create"):
        importlib.import_module(f"{tasks.__name__}.{name}")
    assert api is not None

    def log_in(username: str):
        anonymous = generated.Client(base_url=live_server.url)
        token = auth.sync(client=anonymous,
                          body=m.AuthTokenRequest(username=username, password=PASSWORD))
        assert isinstance(token, m.TokenResponse), token
        return generated.AuthenticatedClient(base_url=live_server.url, token=token.token,
                                             prefix="Token")

    rep, manager, finance, auditor = (log_in(u) for u in ("east_rep1", "east_mgr", "finance",
                                                          "auditor"))
    wrong = auth.sync(client=generated.Client(base_url=live_server.url),
                      body=m.AuthTokenRequest(username="east_rep1", password="wrong"))
    assert isinstance(wrong, m.Error) and wrong.code == "invalid"

    day = date(timezone.localdate().year, timezone.localdate().month, 1)
    body = m.ClaimCreateRequest(
        category=m.CategoryEnum.TRAVEL, title="杭州客户拜访 (Python)", purpose="季度回访",
        expense_date=day,
        lines=[
            m.LineInputRequest(date=day, item_type=m.ItemTypeEnum.TRANSPORT,
                               description="高铁 上海-杭州", amount="500.00"),
        ])
    create = claims.expenses_claims_create
    claim = create.sync(client=rep, body=body, idempotency_key="py-lifecycle-1")
    assert isinstance(claim, m.ClaimDetail), claim
    again = create.sync(client=rep, body=body, idempotency_key="py-lifecycle-1")
    assert again.id == claim.id  # the same key: the first result, nothing new
    assert (claim.state, claim.total, len(claim.lines)) == ("draft", "500.00", 1)

    # The line's required voucher (issue 27): a fully digital invoice bought by the company.
    receipt = claims.expenses_claims_receipts_create.sync(
        claim.id, client=rep, body=m.ReceiptUploadRequest(
            file=types.File(payload=io.BytesIO(PNG_1X1), file_name="taxi-receipt.png",
                            mime_type="image/png"),
            line=claim.lines[0].id, kind="invoice", **INVOICE,
            invoice_type=m.InvoiceTypeEnum.DIGITAL, invoice_number="26312000000000000101",
            invoice_date=day))
    assert isinstance(receipt, m.Receipt), receipt

    submitted = claims.expenses_claims_submit_create.sync(claim.id, client=rep)
    assert isinstance(submitted, m.ClaimDetail) and submitted.state == "submitted", submitted

    def task_for(client, scope):
        page = tasks.tasks_list.sync(client=client, scope=m.TasksListScope(scope),
                                     kind=m.TasksListKind.EXPENSE)
        assert isinstance(page, m.PaginatedTaskList), page
        (task,) = [t for t in page.results if t.request.id == claim.id]
        return task

    inbox = task_for(manager, "inbox")
    assert (inbox.step, inbox.assignee.username) == ("line_manager", "east_mgr")
    approved = tasks.tasks_approve_create.sync(inbox.id, client=manager,
                                               body=m.ApproveRequest(comment="同意"))
    assert isinstance(approved, m.Task), approved
    twice = tasks.tasks_approve_create.sync(inbox.id, client=manager)
    assert isinstance(twice, m.Error) and twice.code == "state_conflict", twice

    voucher = task_for(finance, "queue")
    assert isinstance(tasks.tasks_claim_create.sync(voucher.id, client=finance), m.Task)
    reviewed = tasks.tasks_approve_create.sync(voucher.id, client=finance,
                                               body=m.ApproveRequest(comment="凭证无误"))
    assert isinstance(reviewed, m.Task), reviewed

    paid = claims.expenses_claims_retrieve.sync(claim.id, client=rep)
    assert paid.state == "paid" and paid.payment_reference == f"PAY-{paid.number}"

    events = audit.sync(client=auditor, subject_kind="expense", subject_id=str(claim.id),
                        ordering="seq")
    assert isinstance(events, m.PaginatedAuditEventList), events
    names = [e.event for e in events.results]
    assert in_order(names) and names[0] == "expense.drafted", names
    assert receipts_of(claim.id) == ["taxi-receipt.png"]


def test_typescript_client_type_checks_and_runs_the_claim_lifecycle(
    live_server, personas, travel_budget, tmp_path
):
    node = node_or_skip()
    schema = tmp_path / "openapi.json"
    live_schema(live_server, schema)
    # Types from the live document into a copy of the package's sources, then the compiler:
    # the scenario must type-check against exactly what the server says.
    src = tmp_path / "src"
    src.mkdir()
    (src / "lifecycle.ts").write_text((TYPESCRIPT / "src" / "lifecycle.ts").read_text())
    run = {"capture_output": True, "text": True, "timeout": 120, "check": False,
           "cwd": TYPESCRIPT}
    types = subprocess.run([npm_bin("openapi-typescript"), str(schema),
                            "--default-non-nullable=false", "--output",
                            str(src / "schema.d.ts")], **run)
    assert types.returncode == 0, types.stdout + types.stderr
    config = json.loads((TYPESCRIPT / "tsconfig.json").read_text())
    config["compilerOptions"].update(rootDir=str(src), outDir=str(tmp_path / "dist"),
                                     typeRoots=[str(TYPESCRIPT / "node_modules" / "@types")])
    config["include"] = [str(src)]
    # Module resolution finds openapi-fetch from the package's node_modules (a symlink).
    (tmp_path / "node_modules").symlink_to(TYPESCRIPT / "node_modules")
    (tmp_path / "package.json").write_text((TYPESCRIPT / "package.json").read_text())
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    compiled = subprocess.run([npm_bin("tsc"), "-p", str(tmp_path / "tsconfig.json")], **run)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr

    scenario = subprocess.run(
        [node, str(tmp_path / "dist" / "lifecycle.js")], capture_output=True, text=True,
        timeout=120, check=False,
        env={"COUNTERSIGN_URL": live_server.url, "COUNTERSIGN_PASSWORD": PASSWORD,
             "PATH": ""},
    )
    assert scenario.returncode == 0, scenario.stdout + scenario.stderr
    seen = json.loads(scenario.stdout)
    assert seen["state"] == "paid" and seen["total"] == "500.00", seen
    assert seen["conflict"] == "state_conflict" and seen["attachments"] == 1
    assert (seen["manager_step"], seen["finance_step"]) == ("line_manager", "finance_review")
    assert in_order(seen["events"]) and seen["events"][0] == "expense.drafted", seen
    claim = ExpenseClaim.objects.get(pk=seen["claim"])
    assert claim.payment_reference == seen["payment_reference"] == f"PAY-{claim.number}"
    assert receipts_of(claim.pk) == ["taxi-receipt.png"]
