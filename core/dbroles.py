"""Least-privilege PostgreSQL roles: an owner that migrates, and the application's role.

The owner owns the schema's tables (it runs `migrate`). The application's role gets, in this
database only: CONNECT, USAGE on the schema (no CREATE, no TEMPORARY: no DDL, and no temporary
table that could shadow one a trigger writes), the DML it needs on every table, and on the audit
tables only what appending needs:

- `audit_auditevent`, `audit_verificationrun`, `audit_checkpoint`, `audit_checkpointleaf`:
  SELECT, INSERT (no UPDATE, DELETE, TRUNCATE);
- `audit_auditchainhead`: SELECT, INSERT and UPDATE of the two columns the append trigger moves
  (a head is never deleted);
- `django_migrations`: SELECT.

No TRUNCATE, REFERENCES or TRIGGER anywhere. Without ownership it cannot ALTER a table
(`DISABLE TRIGGER`), and `session_replication_role` is for superusers. django-pgtrigger's
`pgtrigger.ignore` is a session setting any role may set; on the audit tables it buys nothing,
because the privilege is refused before any trigger runs (the triggers stay as a second line).
On the governed tables the app must UPDATE `state`; a state written around the FSM is caught by
`audit_verify` (the state its last audit event recorded).

Default privileges (`ALTER DEFAULT PRIVILEGES FOR ROLE owner`) give tables and sequences that
later migrations create the same DML; the audit restrictions are re-applied by running the
command again after `migrate` (it is idempotent).
"""

import re

# Audit tables: the privileges the app role gets there instead of full DML.
RESTRICTED = {
    "audit_auditevent": ("SELECT, INSERT", ()),
    "audit_verificationrun": ("SELECT, INSERT", ()),
    "audit_checkpoint": ("SELECT, INSERT", ()),
    "audit_checkpointleaf": ("SELECT, INSERT", ()),
    "audit_auditchainhead": ("SELECT, INSERT", ("last_subject_seq", "last_hash")),
    "django_migrations": ("SELECT", ()),
}
APP_DML = "SELECT, INSERT, UPDATE, DELETE"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def ident(name: str) -> str:
    """A role, schema or database name, checked (lower-case letters, digits, _) and quoted."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain PostgreSQL name: {name!r} (use [a-z_][a-z0-9_]*)")
    return f'"{name}"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def role_sql(cursor, *, owner: str, app: str, owner_password: str | None,
             app_password: str | None) -> list[str]:
    """Create the roles if missing (needs CREATEROLE); make sure the app role has no powers."""
    cursor.execute("SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, "
                   "rolreplication FROM pg_roles WHERE rolname IN (%s, %s)", [owner, app])
    found = {row[0]: row[1:] for row in cursor.fetchall()}
    cursor.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    admin = cursor.fetchone()[0]
    sql = []
    for name, password in ((owner, owner_password), (app, app_password)):
        if name not in found:
            sql.append(f"CREATE ROLE {ident(name)} LOGIN")
        if password and (admin or name not in found):  # the owner's later runs skip this
            sql.append(f"ALTER ROLE {ident(name)} PASSWORD {literal(password)}")
    if app in found and any(found[app]):
        if not admin:
            raise PermissionError(f"role {app} has powers it must not have (superuser, "
                                  "CREATEROLE, ...); run db_roles as a superuser to remove them")
        sql.append(f"ALTER ROLE {ident(app)} NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS "
                   "NOREPLICATION")
    cursor.execute(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = %s AND u.rolname = %s",
        [owner, app])
    if cursor.fetchone():
        sql.append(f"REVOKE {ident(owner)} FROM {ident(app)}")  # no SET ROLE owner
    return sql


def grant_sql(cursor, *, owner: str, app: str, database: str, schema: str = "public",
              own_database: bool = False) -> list[str]:
    o, a, db, s = ident(owner), ident(app), ident(database), ident(schema)
    sql = []
    if own_database:
        sql.append(f"ALTER DATABASE {db} OWNER TO {o}")
    sql += [
        f"REVOKE CREATE, TEMPORARY ON DATABASE {db} FROM PUBLIC",
        f"REVOKE CREATE, TEMPORARY ON DATABASE {db} FROM {a}",
        f"GRANT CONNECT ON DATABASE {db} TO {a}",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"GRANT USAGE, CREATE ON SCHEMA {s} TO {o}",
        f"REVOKE CREATE ON SCHEMA {s} FROM {a}",
        f"GRANT USAGE ON SCHEMA {s} TO {a}",
        # Tables and sequences later migrations create (as the owner) get the same DML.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {APP_DML} ON TABLES TO {a}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {a}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {a}",
        f"GRANT {APP_DML} ON ALL TABLES IN SCHEMA {s} TO {a}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {a}",
    ]
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])
    present = {row[0] for row in cursor.fetchall()}
    for table, (privileges, columns) in RESTRICTED.items():
        if table not in present:
            continue
        t = f"{s}.{ident(table)}"
        sql.append(f"REVOKE ALL ON TABLE {t} FROM PUBLIC, {a}")
        sql.append(f"GRANT {privileges} ON TABLE {t} TO {a}")
        if columns:
            sql.append(f"GRANT UPDATE ({', '.join(ident(c) for c in columns)}) ON TABLE {t} "
                       f"TO {a}")
    return sql


def masked(statement: str) -> str:
    """For --print: a password is not shown."""
    return re.sub(r"PASSWORD '(?:[^']|'')*'", "PASSWORD '********'", statement)
