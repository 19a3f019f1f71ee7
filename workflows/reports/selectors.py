"""Who reads the archived reports: the sales GM and the CEO (its recipients, policy §6), auditors
and administrators; for anyone else the pages are 404 and the API 403/404."""

from django.db.models import QuerySet

from core.org import selectors as org
from core.org.models import Role, User

from .models import ReportFile, SalesReport

READERS = (Role.SALES_GM, Role.CEO, Role.AUDITOR, Role.ADMINISTRATOR)
# Who may ask for a report of any period (auditors read, they do not commission work).
REQUESTERS = (Role.SALES_GM, Role.CEO, Role.ADMINISTRATOR)
RECIPIENTS = (Role.SALES_GM, Role.CEO)


def can_read(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active
                and (user.is_superuser or org.has_role(user, *READERS)))


def can_request(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active
                and (user.is_superuser or org.has_role(user, *REQUESTERS)))


def visible_reports(user) -> QuerySet[SalesReport]:
    if not can_read(user):
        return SalesReport.objects.none()
    return SalesReport.objects.select_related("requested_by").prefetch_related("files")


def visible_file(user, report_id: int, language: str, fmt: str) -> ReportFile | None:
    if not 0 < report_id < 2**31:
        return None
    return (ReportFile.objects.filter(report__in=visible_reports(user), report_id=report_id,
                                      language=language, format=fmt)
            .select_related("report").first())


def recipients() -> list[User]:
    seen: dict[int, User] = {}
    for role in RECIPIENTS:
        for user in org.holders_of(role):
            seen.setdefault(user.pk, user)
    return list(seen.values())


def company_reader() -> User | None:
    """Whose eyes the report reads with: the CEO's (every region, every process), else an
    active administrator's."""
    return (org.holders_of(Role.CEO).first()
            or User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            or org.holders_of(Role.ADMINISTRATOR).first())
