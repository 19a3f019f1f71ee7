"""The generated API clients (clients/, issue 25): paths, the generator commands, and the data
the claim lifecycle needs (a travel budget in force, the reimbursement standards)."""

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "clients"
SCHEMA = CLIENTS / "openapi.json"
PYTHON_CLIENT = CLIENTS / "python" / "countersign-client"
PYTHON_CONFIG = CLIENTS / "python" / "config.yml"
TYPESCRIPT = CLIENTS / "typescript"
BIN = Path(sys.executable).parent  # the venv's bin: openapi-python-client and ruff
PASSWORD = "countersign-demo"  # core.org.demo.DEMO_PASSWORD
# The smallest valid PNG: one transparent pixel, 67 bytes (the receipt).
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def generate_python_client(schema: Path, output: Path) -> subprocess.CompletedProcess:
    """What `make client` runs: the pinned generator, then ruff (from the venv) formats."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [str(BIN / "openapi-python-client"), "generate", "--path", str(schema),
         "--output-path", str(output), "--config", str(PYTHON_CONFIG), "--overwrite"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("needs Node.js 20 (node) for the TypeScript client")
    if not (TYPESCRIPT / "node_modules" / ".bin" / "tsc").exists():
        pytest.fail("clients/typescript/node_modules is missing: run `npm ci` in "
                    "clients/typescript (.ci/run does)")
    return node


def npm_bin(name: str) -> str:
    return str(TYPESCRIPT / "node_modules" / ".bin" / name)


@pytest.fixture
def travel_budget(personas):
    """This year's sales travel budget in force (finance prepares, the GM and the CEO approve),
    with the demo's reimbursement standards and category policies."""
    from django.utils import timezone

    from core.inbox import services as inbox
    from core.inbox.models import Request, WorkItem, WorkItemStatus
    from core.org.models import Department
    from workflows.expenses import demo
    from workflows.expenses.rules import even_split
    from workflows.expenses.services import budget_create, budget_submit

    total = Decimal("1200000.00")
    quarters, months = even_split(total)
    budget = budget_create(actor=personas["finance"], fiscal_year=timezone.localdate().year,
                           department=Department.objects.get(code="sales"), category="travel",
                           total=total, quarters=quarters, months=months)
    budget_submit(budget_id=budget.pk, actor=personas["finance"])
    req = Request.objects.get(kind="budget", object_id=budget.pk)
    for approver in ("gm", "ceo"):
        item = WorkItem.objects.get(request=req, status=WorkItemStatus.OPEN)
        inbox.task_approve(task_id=item.pk, actor=personas[approver], comment="同意")
    demo.seed()
    return budget
