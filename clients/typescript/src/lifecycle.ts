// The claim lifecycle through the typed client, as an integrator would write it: log in, draft a
// claim with lines, attach a receipt, submit, the manager approves from the inbox, finance takes
// the voucher review from its queue and approves (the claim is paid), the auditor reads the
// claim's audit events. Run by tests/clients/test_clients__lifecycle.py against a live server:
//   COUNTERSIGN_URL=http://127.0.0.1:8000 COUNTERSIGN_PASSWORD=… node dist/lifecycle.js
// Prints one JSON line with what it saw; exits 1 with the failing step otherwise.
import createClient, { type Middleware } from "openapi-fetch";

import type { components, paths } from "./schema.js";

type Claim = components["schemas"]["ClaimDetail"];
type ApiError = components["schemas"]["Error"];

const baseUrl = process.env.COUNTERSIGN_URL ?? "http://127.0.0.1:8000";
const password = process.env.COUNTERSIGN_PASSWORD ?? "";
// The smallest valid PNG (one transparent pixel): the receipt.
const PNG_1X1 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);

function fail(step: string, status: number, error: ApiError | undefined): never {
  // Every error has the {detail, code, fields} envelope.
  throw new Error(`${step}: ${status} ${error?.code}: ${error?.detail} ${JSON.stringify(error?.fields)}`);
}

async function logIn(username: string) {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error, response } = await anonymous.POST("/api/auth/token/", {
    body: { username, password },
  });
  if (!data) fail(`token for ${username}`, response.status, error);
  const client = createClient<paths>({ baseUrl });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set("Authorization", `Token ${data.token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

type Client = Awaited<ReturnType<typeof logIn>>;

async function taskFor(client: Client, scope: "inbox" | "queue", claimId: number) {
  const { data, error, response } = await client.GET("/api/tasks/", {
    params: { query: { scope, kind: "expense" } },
  });
  if (!data) fail(`tasks (${scope})`, response.status, error);
  const task = data.results.find((t) => t.request.id === claimId);
  if (!task) throw new Error(`tasks (${scope}): no task for claim ${claimId}`);
  return task;
}

async function main() {
  const rep = await logIn("east_rep1");
  const manager = await logIn("east_mgr");
  const finance = await logIn("finance");
  const auditor = await logIn("auditor");
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const day = `${today.slice(0, 8)}01`; // the first of this month: in this fiscal year

  // draft, with an Idempotency-Key: sent twice, one claim
  const draft = {
    category: "travel" as const,
    title: "杭州客户拜访 (TypeScript)",
    purpose: "季度回访",
    expense_date: day,
    lines: [
      { date: day, item_type: "transport" as const, description: "高铁 上海-杭州", amount: "500.00" },
    ],
  };
  const key = `ts-lifecycle-${Date.now()}`;
  const created = await rep.POST("/api/expenses/claims/", {
    body: draft, params: { header: { "Idempotency-Key": key } },
  });
  if (!created.data) fail("create", created.response.status, created.error);
  const again = await rep.POST("/api/expenses/claims/", {
    body: draft, params: { header: { "Idempotency-Key": key } },
  });
  const claimId = created.data.id;
  if (again.data?.id !== claimId) throw new Error("create: the same key made a second claim");

  // the line's required voucher (a fully digital invoice bought by the company): multipart,
  // the only request type that is not JSON
  const line = created.data.lines[0];
  if (!line) throw new Error("create: the claim has no line");
  const receipt = {
    file: "taxi-receipt.png", line: line.id, kind: "invoice",
    invoice_type: "digital" as const, invoice_number: "26312000000000000202",
    invoice_date: day, invoice_amount: "500.00", seller_name: "上海铁路",
    seller_code: "91440300MA5FAB2C1Y", buyer_name: "示例销售有限公司",
    buyer_code: "91310115MA1K4C30XK",
  };
  const upload = await rep.POST("/api/expenses/claims/{id}/receipts/", {
    params: { path: { id: claimId } },
    body: receipt,
    bodySerializer(body) {
      const form = new FormData();
      for (const [name, value] of Object.entries(body)) {
        if (name !== "file") form.append(name, String(value));
      }
      form.append("file", new Blob([PNG_1X1], { type: "image/png" }), body.file);
      return form;
    },
  });
  if (!upload.data) fail("upload", upload.response.status, upload.error);

  const submitted = await rep.POST("/api/expenses/claims/{id}/submit/", {
    params: { path: { id: claimId } },
  });
  if (!submitted.data) fail("submit", submitted.response.status, submitted.error);

  const mine = await taskFor(manager, "inbox", claimId);
  const approved = await manager.POST("/api/tasks/{id}/approve/", {
    params: { path: { id: mine.id } }, body: { comment: "同意" },
  });
  if (!approved.data) fail("approve", approved.response.status, approved.error);

  // a second approval of the same task: a typed 409
  const twice = await manager.POST("/api/tasks/{id}/approve/", {
    params: { path: { id: mine.id } }, body: { comment: "同意" },
  });
  const conflict = twice.error?.code;

  const voucher = await taskFor(finance, "queue", claimId);
  const claimed = await finance.POST("/api/tasks/{id}/claim/", {
    params: { path: { id: voucher.id } },
  });
  if (!claimed.data) fail("claim the voucher review", claimed.response.status, claimed.error);
  const reviewed = await finance.POST("/api/tasks/{id}/approve/", {
    params: { path: { id: voucher.id } }, body: { comment: "凭证无误" },
  });
  if (!reviewed.data) fail("voucher review", reviewed.response.status, reviewed.error);

  const detail = await rep.GET("/api/expenses/claims/{id}/", { params: { path: { id: claimId } } });
  if (!detail.data) fail("claim", detail.response.status, detail.error);
  const claim: Claim = detail.data;

  const events = await auditor.GET("/api/audit/events/", {
    params: { query: { subject_kind: "expense", subject_id: String(claimId), ordering: "seq" } },
  });
  if (!events.data) fail("audit events", events.response.status, events.error);

  console.log(JSON.stringify({
    claim: claimId,
    state: claim.state,
    total: claim.total,
    payment_reference: claim.payment_reference,
    attachments: upload.data.id ? 1 : 0,
    conflict,
    manager_step: mine.step,
    finance_step: voucher.step,
    events: events.data.results.map((e) => e.event),
  }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
