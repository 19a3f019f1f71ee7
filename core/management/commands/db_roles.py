"""Create or update the owner and application roles and their privileges (core/dbroles.py).

    # once, as a superuser (or a role with CREATEROLE that owns the database):
    DATABASE_URL=postgres://postgres@db/countersign \\
        manage.py db_roles --owner countersign_owner --app countersign_app --own-database
    # after every migrate, as the owner:
    DATABASE_URL=postgres://countersign_owner@db/countersign \\
        manage.py db_roles --owner countersign_owner --app countersign_app

Passwords come from the environment (DB_OWNER_PASSWORD, DB_APP_PASSWORD), never the command
line. --print shows the SQL this run would execute (passwords masked) and executes nothing.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core import dbroles


class Command(BaseCommand):
    help = "Create/grant the migration owner and the least-privilege application role."

    def add_arguments(self, parser):
        parser.add_argument("--owner", required=True, help="role that owns the tables (migrate)")
        parser.add_argument("--app", required=True, help="role the application connects as")
        parser.add_argument("--schema", default="public")
        parser.add_argument("--own-database", action="store_true",
                            help="also make --owner the owner of this database (superuser)")
        parser.add_argument("--print", action="store_true", dest="print_only",
                            help="print the SQL, execute nothing")

    def handle(self, *args, owner, app, schema, own_database, print_only, **options):
        if connection.vendor != "postgresql":
            raise CommandError("db_roles needs PostgreSQL (DATABASE_URL=postgres://…)")
        if owner == app:
            raise CommandError("--owner and --app must be two different roles")
        try:
            for name in (owner, app, schema):
                dbroles.ident(name)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        database = connection.settings_dict["NAME"]
        with transaction.atomic(), connection.cursor() as cursor:
            try:
                statements = self._statements(cursor, owner, app, database, schema,
                                              own_database)
            except PermissionError as exc:
                raise CommandError(str(exc)) from exc
            if print_only:
                for statement in statements:
                    self.stdout.write(dbroles.masked(statement) + ";")
                return
            for statement in statements:
                # Names are checked by dbroles.ident (a fixed alphabet), passwords quoted as
                # literals; DDL and GRANT take no bind parameters.
                cursor.execute(statement)  # nosec B608
        self.stdout.write(self.style.SUCCESS(
            f"roles ready in {database}: {owner} owns and migrates, {app} has the app's rights "
            f"({len(statements)} statements)"))

    @staticmethod
    def _statements(cursor, owner, app, database, schema, own_database) -> list[str]:
        return dbroles.role_sql(
            cursor, owner=owner, app=app,
            owner_password=os.environ.get("DB_OWNER_PASSWORD") or None,
            app_password=os.environ.get("DB_APP_PASSWORD") or None,
        ) + dbroles.grant_sql(cursor, owner=owner, app=app, database=database,
                              schema=schema, own_database=own_database)
