"""A separate Django process for the database-restart test: it approves demo requests through
the API, in a loop, against the private PostgreSQL cluster named by DATABASE_URL.

    python tests/faults/approvals_driver.py setup N           # people + N two-step requests
    python tests/faults/approvals_driver.py run LOG THREADS   # approve them all, one JSON line
                                                              # per HTTP attempt in LOG
    python tests/faults/approvals_driver.py check LOG         # consistency + replays, as JSON

Requests go through Django's test client with the connection handling of a WSGI server (old
connections closed before and after every request, as django.core.handlers.wsgi does through
its request_started/request_finished signals), each run by whichever of the server's threads is
free: three per client, each with its own database connection (kept for CONN_MAX_AGE). One
more thread is a spare worker that sits idle through each outage, as a web server's spare
workers do: it answers one request before the first restart and one right after each (the test
writes LOG.restarted-N when restart N is done), with the connection it opened before. The
client retries a request that failed
(an exception, a 5xx, 409 "in progress"/"locked", any answer with Retry-After) with the same
Idempotency-Key, as an
integrator following API.md would, for at most OP_BUDGET seconds; then it gives up on that key.
"""

import contextlib
import json
import os
import queue
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

OP_BUDGET = float(os.environ.get("FAULTS_OP_BUDGET", "25"))
RETRY_PAUSE = 0.2
RETRY_CODES = {"idempotency_in_progress", "locked"}


def _django():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.faults.driver_settings")
    import django

    django.setup()


def setup(n: int) -> None:
    from core.inbox.models import Request
    from core.org.demo import seed_org
    from workflows.demo.services import demo_submit

    people = seed_org()
    ids = []
    for i in range(n):
        obj = demo_submit(actor=people["east_rep1"], title=f"db-restart-{i:04d}",
                          amount=Decimal("20000.00"))
        ids.append(Request.objects.get(kind="demo", object_id=obj.pk).pk)
    print(json.dumps({"requests": ids}))


def _retrying(fn, until: float):
    """Run an ORM read, reconnecting while the database is away (until the deadline)."""
    from django.db import Error, close_old_connections, connection

    while True:
        try:
            close_old_connections()
            return fn()
        except Error:
            with contextlib.suppress(Error):
                connection.close()
            if time.monotonic() > until:
                raise
            time.sleep(RETRY_PAUSE)


class Server:
    """The web server's threads: a request runs on whichever is free (the longest idle first),
    in that thread, with that thread's database connection."""

    def __init__(self, threads: int):
        self.jobs: queue.Queue = queue.Queue()
        self.threads = [threading.Thread(target=self._serve, daemon=True) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    def _serve(self) -> None:
        from django.db import connections

        try:
            while (job := self.jobs.get()) is not None:
                fn, args, box, done = job
                try:
                    box["value"] = fn(*args)
                except BaseException as exc:  # noqa: BLE001  (handed to the caller)
                    box["error"] = exc
                finally:
                    done.set()
        finally:
            connections.close_all()

    def call(self, fn, *args):
        box: dict = {}
        done = threading.Event()
        self.jobs.put((fn, args, box, done))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box["value"]

    def stop(self) -> None:
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join(timeout=30)


class Writer:
    def __init__(self, path: str):
        self.out = open(path, "a", buffering=1)  # noqa: SIM115  (closed in run())
        self.lock = threading.Lock()

    def __call__(self, **row) -> None:
        with self.lock:
            self.out.write(json.dumps(row) + "\n")


def _post(client, user, path: str, key: str) -> tuple[int, dict, bool, str]:
    from django.db import close_old_connections

    client.force_authenticate(user=user)
    close_old_connections()  # request_started
    try:
        response = client.post(path, {"comment": "ok"}, format="json",
                               HTTP_IDEMPOTENCY_KEY=key)
    finally:
        close_old_connections()  # request_finished
    try:
        body = response.json()
    except ValueError:
        body = {}
    return (response.status_code, body, response.get("Idempotent-Replayed") == "true",
            response.get("Retry-After", ""))


def _approve(client, users, item_id: int, assignee_id: int, write, server) -> dict:
    """One logical approval: retried with its key until it has a final answer."""
    key = f"approve-{item_id}"
    path = f"/api/tasks/{item_id}/approve/"
    started = time.monotonic()
    attempt = 0
    while True:
        attempt += 1
        t0 = time.time()
        try:
            status, body, replayed, retry_after = server.call(
                _post, client, users[assignee_id], path, key)
            code, error = body.get("code", "") if isinstance(body, dict) else "", ""
        except Exception as exc:  # noqa: BLE001  (the client sees a dropped request)
            status, code, replayed, retry_after = 0, "", False, ""
            error = f"{type(exc).__name__}: {exc}"[:200]
        write(kind="attempt", key=key, task=item_id, user=assignee_id, attempt=attempt,
              start=t0, end=time.time(), status=status, code=code, replayed=replayed,
              retry_after=retry_after, error=error)
        # docs/API.md: an answer with Retry-After is not final (a held lock's 409 included)
        final = 200 <= status < 500 and code not in RETRY_CODES and not retry_after
        if final or time.monotonic() - started > OP_BUDGET:
            result = {"kind": "op", "key": key, "task": item_id, "user": assignee_id,
                      "status": status, "code": code, "attempts": attempt, "final": final}
            write(**result)
            return result
        time.sleep(RETRY_PAUSE)


def _worker(request_ids, users, write, until, server) -> None:
    from django.db import connections
    from rest_framework.test import APIClient

    from core.inbox.models import WorkItem, WorkItemStatus

    client = APIClient(raise_request_exception=False)
    try:
        for request_id in request_ids:
            seen = set()
            while time.monotonic() < until:
                item = _retrying(lambda rid=request_id: WorkItem.objects.filter(
                    request_id=rid, status=WorkItemStatus.OPEN).values_list(
                    "pk", "assignee_id").first(), until)
                if item is None or item[0] in seen:
                    break  # approved to the end, or this step's approval gave up
                seen.add(item[0])
                _approve(client, users, item[0], item[1], write, server)
    finally:
        connections.close_all()


def _spare(log: str, users, write, until) -> None:
    """A request on a connection that was open, and idle, when the database restarted."""
    from django.db import close_old_connections, connections
    from rest_framework.test import APIClient

    client = APIClient(raise_request_exception=False)
    client.force_authenticate(next(u for u in users.values() if u.username == "east_mgr"))

    def get(n: int) -> None:
        close_old_connections()  # request_started
        t0 = time.time()
        try:
            status = client.get("/api/tasks/").status_code
        except Exception:  # noqa: BLE001
            status = 0
        finally:
            close_old_connections()  # request_finished
        write(kind="spare", restart=n, start=t0, end=time.time(), status=status)

    try:
        get(0)
        n = 1
        while time.monotonic() < until and not Path(f"{log}.finished").exists():
            if Path(f"{log}.restarted-{n}").exists():
                get(n)
                n += 1
            time.sleep(0.01)
    finally:
        connections.close_all()


def run(log: str, threads: int) -> None:
    from core.inbox.models import Request
    from core.org.models import User

    until = time.monotonic() + float(os.environ.get("FAULTS_RUN_BUDGET", "240"))
    users = {u.pk: u for u in User.objects.all()}
    ids = list(Request.objects.filter(kind="demo").order_by("pk").values_list("pk", flat=True))
    write = Writer(log)
    server = Server(threads * 3)
    write(kind="started", t=time.time())
    pool = [threading.Thread(target=_worker, args=(ids[i::threads], users, write, until, server))
            for i in range(threads)]
    spare = threading.Thread(target=_spare, args=(log, users, write, until))
    for thread in [*pool, spare]:
        thread.start()
    for thread in pool:
        thread.join()
    server.stop()
    Path(f"{log}.finished").touch()
    spare.join(timeout=30)
    write(kind="finished", t=time.time())
    write.out.close()


def _consistency() -> dict:
    """Every request's domain state, header, tasks and audit trail agree."""
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import PROCESS, STATUS

    from core.audit.models import AuditEvent
    from core.inbox.models import Request, RequestStatus, WorkItem, WorkItemStatus
    from workflows.demo.models import DemoRequest

    status_of = {"submitted": RequestStatus.IN_REVIEW, "approved": RequestStatus.APPROVED}
    problems, states = [], {}
    decision_events = ("demo.step_approved", "demo.approved")
    for req in Request.objects.filter(kind="demo").select_related("process").order_by("pk"):
        obj = DemoRequest.objects.get(pk=req.object_id)
        states[obj.state] = states.get(obj.state, 0) + 1
        items = list(WorkItem.objects.filter(request=req).order_by("step_index"))
        events = list(AuditEvent.objects.filter(subject_kind="demo", subject_id=str(obj.pk))
                      .order_by("subject_seq"))
        where = f"request {req.pk} ({obj.state}/{req.status})"
        if status_of.get(obj.state) != req.status:
            problems.append(f"{where}: domain state and request status disagree")
        done = [i for i in items if i.status == WorkItemStatus.DONE]
        open_ = [i for i in items if i.status == WorkItemStatus.OPEN]
        decided = [e for e in events if e.event in decision_events]
        by_task: dict = {}
        for e in decided:
            by_task.setdefault((e.data or {}).get("task"), []).append(e)
        for item in done:
            if len(by_task.get(item.pk, [])) != 1:
                problems.append(f"{where}: task {item.pk} decided with "
                                f"{len(by_task.get(item.pk, []))} audit events")
            if item.decision != "approved" or item.decided_by_id is None:
                problems.append(f"{where}: task {item.pk} done without its decision")
        orphans = set(by_task) - {i.pk for i in done}
        if orphans:
            problems.append(f"{where}: audit events for undecided tasks {sorted(orphans)}")
        task_status = dict(Task.objects.filter(pk__in=[i.pk for i in items])
                           .values_list("pk", "status"))
        for item in done:
            if task_status.get(item.pk) != STATUS.DONE:
                problems.append(f"{where}: task {item.pk} decided, flow task "
                                f"{task_status.get(item.pk)}")
        for item in open_:
            if task_status.get(item.pk) == STATUS.DONE:
                problems.append(f"{where}: task {item.pk} open, flow task done")
        if obj.state == "approved":
            if open_ or len(done) != len(req.chain) or not decided or \
                    decided[-1].event != "demo.approved":
                problems.append(f"{where}: approved, but {len(done)}/{len(req.chain)} steps "
                                f"decided, {len(open_)} open")
            if req.process.status != PROCESS.DONE:
                problems.append(f"{where}: approved, flow {req.process.status}")
        else:
            if len(open_) != 1 or open_[0].step_index != req.step_index or \
                    len(done) != req.step_index:
                problems.append(f"{where}: step {req.step_index}, {len(done)} decided, "
                                f"{len(open_)} open")
        last_state = next((e.to_state for e in reversed(events) if e.to_state), "")
        if last_state != obj.state:
            problems.append(f"{where}: audit trail ends in {last_state!r}")
    return {"problems": problems, "states": states}


def check(log: str) -> None:
    from rest_framework.test import APIClient

    from core.audit.models import AuditEvent
    from core.inbox.models import IdempotencyRecord, WorkItem, WorkItemStatus
    from core.org.models import User

    rows = [json.loads(line) for line in Path(log).read_text().splitlines() if line.strip()]
    ops = [r for r in rows if r["kind"] == "op"]
    before = _consistency()
    counts = (AuditEvent.objects.count(), WorkItem.objects.filter(
        status=WorkItemStatus.DONE).count(), WorkItem.objects.count())
    pending = list(IdempotencyRecord.objects.filter(status_code=0).values_list("key", flat=True))
    users = {u.pk: u for u in User.objects.all()}
    client = APIClient(raise_request_exception=False)
    replays = []
    for op in ops:  # the same key again: the first answer comes back, nothing is done twice
        status, body, replayed, _retry = _post(client, users[op["user"]],
                                       f"/api/tasks/{op['task']}/approve/", op["key"])
        replays.append({"key": op["key"], "status": status, "replayed": replayed,
                        "code": body.get("code", "") if isinstance(body, dict) else ""})
    after = (AuditEvent.objects.count(), WorkItem.objects.filter(
        status=WorkItemStatus.DONE).count(), WorkItem.objects.count())
    print(json.dumps({"before": before, "after": _consistency(), "counts": [counts, after],
                      "pending_keys": pending, "replays": replays}))


if __name__ == "__main__":
    _django()
    command, *args = sys.argv[1:]
    if command == "setup":
        setup(int(args[0]))
    elif command == "run":
        run(args[0], int(args[1]))
    elif command == "check":
        check(args[0])
    else:
        raise SystemExit(f"unknown command {command}")
