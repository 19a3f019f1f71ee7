"""Bulk data for the scale benchmarks, written with set-based SQL (not through the engine).

Shape: `tasks` human tasks over tasks/4 requests (4 steps each) in the demo flow, `users`
people. Two measured users: `bench_heavy` holds `heavy_open` open tasks (and is a candidate on
`heavy_open` queue tasks), `bench_light` holds `light_open`; `http_mgr_01`.. (`http_users` of
them, for the HTTP load) hold `http_open` each. Everything else is history (done) or open work
of random other users. viewflow's own task rows mirror the work items (owner and status), so
viewflow's inbox pages list the same open work as ours.
"""

from django.db import connection

FLOW = "demo/flows.DemoApprovalFlow"
VERSION = "5"  # bump when the shape changes: an older benchmark database is then rebuilt


def _version() -> str | None:
    with connection.cursor() as cur:
        cur.execute("SELECT to_regclass('bench_meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT value FROM bench_meta WHERE key = 'version'")
        row = cur.fetchone()
        return row[0] if row else None


def generate(*, tasks: int, users: int, heavy_open: int, light_open: int, other_open: int,
             http_users: int = 0, http_open: int = 0) -> dict:
    procs = tasks // 4
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM inbox_workitem")
        count = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM org_user")
        people = cur.fetchone()[0]
    if count >= tasks and _version() == VERSION:
        return {"generated": False}
    if count or people or _version() is not None:
        from benchmarks import harness

        harness.recreate()  # an older or partial shape: start from an empty database
    with connection.cursor() as cur:
        cur.execute(
            """
            INSERT INTO org_user (password, is_superuser, username, first_name, last_name, email,
                is_staff, is_active, date_joined, display_name, grade, email_notifications, mobile,
                open_next_task)
            SELECT '!', false, 'bench_' || g, '', '', '', false, true, now(), 'Bench ' || g, 1,
                   false, '', false
            FROM generate_series(1, %s) g
            """,
            [users],
        )
        cur.execute("UPDATE org_user SET username = 'bench_heavy' WHERE username = 'bench_1'")
        cur.execute("UPDATE org_user SET username = 'bench_light' WHERE username = 'bench_2'")
        cur.execute(
            "UPDATE org_user SET username = 'http_mgr_' || lpad((substr(username, 7)::int - 2)"
            "::text, 2, '0') WHERE username ~ '^bench_[0-9]+$' "
            "AND substr(username, 7)::int BETWEEN 3 AND %s",
            [http_users + 2],
        )
        cur.execute("SELECT min(id), max(id) FROM org_user WHERE username LIKE 'bench_%%' "
                    "OR username LIKE 'http_mgr_%%'")
        lo, hi = cur.fetchone()
        span = hi - lo + 1
        cur.execute(
            """
            INSERT INTO viewflow_process (flow_class, status, created, data)
            SELECT %s, 'DONE', now() - (g || ' minutes')::interval, '{}'
            FROM generate_series(1, %s) g
            """,
            [FLOW, procs],
        )
        cur.execute(
            """
            INSERT INTO inbox_request (kind, object_id, number, title, party, amount, currency,
                category, status, chain, extra_steps, step_index, current_step, waiting_on_ids,
                waiting_on_names, last_decision, since, created, submitted_at, process_id,
                submitter_id, search_text)
            SELECT 'demo', p.id, 'DEMO-' || lpad(p.id::text, 7, '0'), 'Request ' || p.id,
                   -- 20,000 customers, half with Chinese names: a name matches ~12 requests
                   CASE WHEN p.id %% 2 = 0 THEN '华东客户' ELSE 'Customer ' END
                       || ((p.id * 7) %% 20000),
                   ((p.id * 7919) %% 100000) / 1.0 + 0.5, 'CNY', '', 'approved', '[]', '[]', 4,
                   '', '[]', '',
                   'approved', p.created, p.created, p.created, p.id,
                   %s + ((p.id * 104729) %% %s), ''
            FROM viewflow_process p
            """,
            [lo, span],
        )
        # what the engine keeps (core.inbox.search.search_text_of), in one statement
        cur.execute(
            "UPDATE inbox_request r SET search_text = lower(r.number || ' ' || r.title || ' ' "
            "|| r.party || ' ' || u.display_name || ' ' || u.username) "
            "FROM org_user u WHERE u.id = r.submitter_id"
        )
        cur.execute(
            """
            INSERT INTO viewflow_task (flow_task, flow_task_type, status, created, finished,
                token, owner_id, process_id, data, assigned)
            SELECT %s || '.approve', 'HUMAN', 'DONE', r.created + (s || ' hours')::interval,
                   r.created + (s || ' hours')::interval, 'start',
                   %s + ((r.id * 31 + s * 7) %% %s), r.process_id, '{}', NULL
            FROM inbox_request r CROSS JOIN generate_series(0, 3) s
            """,
            [FLOW, lo, span],
        )
        cur.execute(
            """
            INSERT INTO inbox_workitem (task_id, request_id, kind, step_code, step_label,
                step_index, is_revision, eligible_ids, number, title, search_text, amount,
                submitter_id,
                assignee_id, status, created, due, remind_at, reminded, escalation_level,
                decided_by_id, decided_at, decision, comment)
            SELECT t.id, r.id, 'demo', 'line_manager', 'Line manager', 0, false,
                   jsonb_build_array(t.owner_id), r.number,
                   r.title, r.search_text, r.amount, r.submitter_id, t.owner_id, 'done', t.created,
                   t.created + interval '2 days', t.created + interval '1 day', true, 0,
                   t.owner_id, t.finished, 'approved', ''
            FROM viewflow_task t JOIN inbox_request r ON r.process_id = t.process_id
            """
        )
        # Open work: the newest tasks become open, for the measured users and random others.
        cur.execute("SELECT id FROM org_user WHERE username = 'bench_heavy'")
        heavy = cur.fetchone()[0]
        cur.execute("SELECT id FROM org_user WHERE username = 'bench_light'")
        light = cur.fetchone()[0]
        cur.execute("SELECT id FROM org_user WHERE username LIKE 'http_mgr_%%' ORDER BY username")
        http = [(row[0], http_open) for row in cur.fetchall()]
        plan = [(heavy, heavy_open), (light, light_open), *http, (None, other_open)]
        offset = 0
        for owner, count in plan:
            cur.execute(
                """
                WITH picked AS (
                    SELECT task_id FROM inbox_workitem ORDER BY task_id DESC
                    OFFSET %s LIMIT %s
                )
                UPDATE inbox_workitem w SET status = 'open', decided_by_id = NULL,
                    decided_at = NULL, decision = '', reminded = false,
                    due = now() + ((w.task_id %% 96) - 8) * interval '1 hour',
                    assignee_id = COALESCE(%s, w.assignee_id)
                FROM picked WHERE w.task_id = picked.task_id
                """,
                [offset, count, owner],
            )
            offset += count
        # Queue: unassigned open tasks where the heavy user is one of two candidates.
        cur.execute(
            """
            WITH picked AS (
                SELECT task_id FROM inbox_workitem ORDER BY task_id DESC OFFSET %s LIMIT %s
            )
            UPDATE inbox_workitem w SET status = 'open', assignee_id = NULL, decided_by_id = NULL,
                decided_at = NULL, decision = '', due = now() + interval '1 day'
            FROM picked WHERE w.task_id = picked.task_id
            """,
            [offset, heavy_open],
        )
        cur.execute(
            """
            INSERT INTO inbox_candidate (work_item_id, user_id, open, due, created, request_id,
                step_code, round, is_revision, submitter_id)
            SELECT task_id, %s, true, due, created, request_id, step_code, round, is_revision,
                   submitter_id FROM inbox_workitem
            WHERE status = 'open' AND assignee_id IS NULL
            UNION ALL
            SELECT task_id, %s + (task_id %% %s), true, due, created, request_id, step_code,
                   round, is_revision, submitter_id FROM inbox_workitem
            WHERE status = 'open' AND assignee_id IS NULL
            ON CONFLICT DO NOTHING
            """,
            [heavy, lo + 2, span - 2],
        )
        # viewflow's rows say the same: assigned tasks are ASSIGNED to the work item's holder,
        # queue tasks NEW without an owner.
        cur.execute(
            "UPDATE viewflow_task t SET finished = NULL, owner_id = w.assignee_id, "
            "status = CASE WHEN w.assignee_id IS NULL THEN 'NEW' ELSE 'ASSIGNED' END "
            "FROM inbox_workitem w WHERE w.task_id = t.id AND w.status = 'open'"
        )
        cur.execute(
            "UPDATE inbox_request r SET status = 'in_review' FROM inbox_workitem w "
            "WHERE w.request_id = r.id AND w.status = 'open'"
        )
        cur.execute(
            "UPDATE viewflow_process p SET status = 'NEW' FROM inbox_request r "
            "WHERE r.process_id = p.id AND r.status = 'in_review'"
        )
        cur.execute("CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text)")
        cur.execute("INSERT INTO bench_meta VALUES ('version', %s) ON CONFLICT (key) "
                    "DO UPDATE SET value = EXCLUDED.value", [VERSION])
    # VACUUM (outside a transaction) sets the visibility map, so COUNTs are index-only scans as
    # they are on a live database that autovacuum keeps up with.
    connection.ensure_connection()
    autocommit = connection.get_autocommit()
    connection.set_autocommit(True)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    connection.set_autocommit(autocommit)
    return {"generated": True}


def grant_viewflow_view(users) -> None:
    """viewflow lists a user's tasks only with the view permission on its process model."""
    from django.contrib.auth.models import Permission

    perm = Permission.objects.get(content_type__app_label="viewflow", codename="view_process")
    for user in users:
        user.user_permissions.add(perm)
