from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from core import registry
from core.org.demo import DEMO_PASSWORD, seed_org


class Command(BaseCommand):
    help = "Create or refresh the demo company (idempotent). Refused under production settings."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_LOGINS_ALLOWED", False):
            raise CommandError(
                "seed_demo is disabled in these settings: demo logins never exist in production."
            )
        # The demo's history is made by the real services; its notifications stay in-app (no
        # e-mail flood on the console while seeding).
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            users = seed_org()
            for process in registry.processes():
                if process.seed_demo is not None:
                    process.seed_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo company ready: {len(users)} people."))
        self.stdout.write(f"Log in as any of: {', '.join(users)} (password: {DEMO_PASSWORD})")
