from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from core import registry
from core.analytics import facts
from core.inbox.models import Holiday, SLARule
from core.org.demo import DEMO_PASSWORD, seed_org


def _seed_calendar() -> None:
    """A default SLA rule for each process that declares one, and New Year's Day off."""
    for spec in registry.processes():
        if spec.sla_hours is not None:
            SLARule.objects.get_or_create(kind=spec.kind, step_code="*", defaults={
                "hours": spec.sla_hours, "remind_before_hours": 2})
    Holiday.objects.get_or_create(date=timezone.localdate().replace(month=1, day=1),
                                  defaults={"name": "元旦"})


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
            _seed_calendar()
            for process in registry.processes():
                if process.seed_demo is not None:
                    process.seed_demo()
            # The demo's history is backdated (contracts over the past year): decisions dated
            # before the facts' last cut are never picked up by refresh(), so rebuild them.
            facts.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Demo company ready: {len(users)} people."))
        self.stdout.write(f"Log in as any of: {', '.join(users)} (password: {DEMO_PASSWORD})")
