"""Every model the admin can change is audited: a model added to the admin later without
`core.audit.config.register(...)` (or without a builder here) fails this test."""

import datetime
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from core.audit import config
from core.audit.models import AuditEvent
from core.authority.models import AuthorityBand, AuthorityMatrix
from core.inbox.models import Holiday, SLARule
from core.org.models import ApiToken, Delegation, Department, Region, Role, RoleAssignment, User

pytestmark = pytest.mark.django_db


def _superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return request


def writable_in_admin() -> dict[str, type]:
    """label -> model for every model (and inline model) a superuser may add, change or
    delete through the admin."""
    request, found = _superuser_request(), {}
    for model, model_admin in admin.site._registry.items():
        perms = (model_admin.has_add_permission(request),
                 model_admin.has_change_permission(request),
                 model_admin.has_delete_permission(request))
        if any(perms):
            found[model._meta.label] = model
        if not perms[1]:
            continue  # inlines are saved only through their parent's change form
        for inline_class in model_admin.inlines:
            inline = inline_class(model, admin.site)
            if (inline.has_add_permission(request, None) or inline.has_change_permission(request)
                    or inline.has_delete_permission(request)):
                found[inline.model._meta.label] = inline.model
    return found


# label -> (make one, change it). Each returns the object; `p` is the personas fixture.
def _matrix(p):
    return AuthorityMatrix.objects.create(kind="expense", category="audit-test",
                                          region=Region.objects.first(), name="test matrix")


def _axes(model):
    def make(p):
        fields = {"ip_address": "10.0.0.1", "username": "someone", "user_agent": "test"}
        if model is AccessAttempt:
            fields |= {"failures_since_start": 3, "get_data": "", "post_data": ""}
        return model.objects.create(**fields)
    return make, lambda obj: obj


BUILDERS = {
    "auth.Group": (lambda p: Group.objects.create(name="audit-test"),
                   lambda g: g.permissions.add(*__import__(
                       "django.contrib.auth.models", fromlist=["Permission"]
                   ).Permission.objects.all()[:1]) or g),
    "org.ApiToken": (lambda p: ApiToken.objects.create(user=p["east_rep1"])[0],
                     lambda t: setattr(t, "expiry", datetime.datetime(
                         2030, 1, 1, tzinfo=datetime.UTC)) or t),
    "axes.AccessAttempt": _axes(AccessAttempt),
    "axes.AccessLog": _axes(AccessLog),
    "axes.AccessFailureLog": _axes(AccessFailureLog),
    "org.Department": (lambda p: Department.objects.create(code="audit-t", name="Audit T"),
                       lambda d: setattr(d, "name", "Audit T2") or d),
    "org.Region": (lambda p: Region.objects.create(code="audit-t", name="Audit T"),
                   lambda r: setattr(r, "name", "Audit T2") or r),
    "org.User": (lambda p: User.objects.create(username="audit-t"),
                 lambda u: setattr(u, "is_active", False) or u),
    "org.RoleAssignment": (
        lambda p: RoleAssignment.objects.create(user=p["east_rep1"], role=Role.AUDITOR),
        lambda a: setattr(a, "role", Role.FINANCE) or a),
    "org.Delegation": (
        lambda p: Delegation.objects.create(principal=p["gm"], deputy=p["east_mgr"],
                                            starts_on=datetime.date(2026, 1, 5),
                                            ends_on=datetime.date(2026, 1, 9)),
        lambda d: setattr(d, "ends_on", datetime.date(2026, 1, 20)) or d),
    "authority.AuthorityMatrix": (_matrix, lambda m: setattr(m, "name", "renamed") or m),
    "authority.AuthorityBand": (
        lambda p: AuthorityBand.objects.create(matrix=_matrix(p), min_amount=Decimal("0"),
                                               max_amount=Decimal("5000"),
                                               steps=["line_manager"]),
        lambda b: setattr(b, "max_amount", Decimal("50000")) or b),
    "inbox.SLARule": (lambda p: SLARule.objects.create(kind="expense", step_code="audit_t",
                                                       hours=Decimal("8")),
                      lambda r: setattr(r, "hours", Decimal("16")) or r),
    "channels.Robot": (
        lambda p: __import__("core.channels.models", fromlist=["Robot"]).Robot.objects.create(
            name="audit test", platform="feishu", webhook_url_enc="x"),
        lambda r: setattr(r, "enabled", False) or r),
    "channels.PlatformIdentity": (
        lambda p: __import__("core.channels.models", fromlist=["P"]).PlatformIdentity.objects
        .create(user=p["east_rep1"], platform="feishu", external_id="ou_1"),
        lambda i: setattr(i, "external_id", "ou_2") or i),
    "channels.Preference": (
        lambda p: __import__("core.channels.models", fromlist=["P"]).Preference.objects
        .create(user=p["east_rep1"]),
        lambda i: setattr(i, "email_digest", "daily") or i),
    "channels.WebhookEndpoint": (
        lambda p: __import__("core.channels.models", fromlist=["W"]).WebhookEndpoint.objects
        .create(name="audit test", url="https://erp.example.invalid/hooks"),
        lambda e: setattr(e, "enabled", False) or e),
    "inbox.Holiday": (lambda p: Holiday.objects.create(date=datetime.date(2031, 1, 1),
                                                       name="New Year"),
                      lambda h: setattr(h, "name", "元旦") or h),
}


def _builders_for_processes():
    from workflows.contracts.models import Product
    from workflows.expenses.models import CategoryPolicy, ReimbursementStandard, VoucherRequirement
    from workflows.risks.models import LevelBand, ReviewSchedule

    def fresh(model, **fields):
        for row in model.objects.filter(**{k: v for k, v in fields.items() if k == "level"
                                           or k == "category"}):
            row.delete()
        return model.objects.create(**fields)

    return {
        "contracts.Product": (
            lambda p: Product.objects.create(code="AUDIT-1", name_zh="审计测试产品",
                                             category="test", unit="台",
                                             list_price=Decimal("100")),
            lambda x: setattr(x, "list_price", Decimal("120")) or x),
        "expenses.ReimbursementStandard": (
            lambda p: ReimbursementStandard.objects.create(
                item_type="hotel", city_tier="tier1", cap=Decimal("600"), note="audit test"),
            lambda s: setattr(s, "cap", Decimal("650")) or s),
        "expenses.CategoryPolicy": (
            lambda p: fresh(CategoryPolicy, category="marketing", over_budget="block"),
            lambda c: setattr(c, "over_budget", "extra_approval") or c),
        "expenses.VoucherRequirement": (
            lambda p: VoucherRequirement.objects.create(category="marketing", item_type="other",
                                                         kinds=["invoice"]),
            lambda v: setattr(v, "kinds", ["invoice", "guest_list"]) or v),
        "risks.LevelBand": (
            lambda p: fresh(LevelBand, level="critical", min_score=20, max_score=25),
            lambda b: setattr(b, "min_score", 19) or b),
        "risks.ReviewSchedule": (
            lambda p: fresh(ReviewSchedule, level="critical", interval_days=7),
            lambda s: setattr(s, "interval_days", 3) or s),
    }


def _events(obj, event, chain=None):
    kind, object_id = chain or config.chain_of(obj)
    return AuditEvent.objects.filter(subject_kind=kind, subject_id=object_id, event=event,
                                     data__model=obj._meta.concrete_model._meta.label_lower)


def test_every_model_the_admin_can_change_is_registered_for_audit():
    missing = [label for label, model in writable_in_admin().items()
               if not config.is_registered(model)]
    assert not missing, (f"admin can change {missing} without an audit event: call "
                         "core.audit.config.register(...) in the app's ready()")


def test_every_model_the_admin_can_change_writes_events_when_changed(personas):
    builders = {**BUILDERS, **_builders_for_processes()}
    writable = writable_in_admin()
    no_builder = sorted(set(writable) - set(builders))
    assert not no_builder, f"add a builder for {no_builder} to this test"
    for label, model in writable.items():
        spec = config.registered()[model._meta.concrete_model]
        make, change = builders[label]
        obj = make(personas)
        if "create" in spec.ops:
            assert _events(obj, config.CREATED).count() == 1, f"{label}: no config.created"
        if "update" in spec.ops:
            before = _events(obj, config.CHANGED).count()
            change(obj).save()
            assert _events(obj, config.CHANGED).count() == before + 1, \
                f"{label}: no config.changed"
        chain = config.chain_of(obj)
        obj.delete()
        assert _events(obj, config.DELETED, chain).count() == 1, f"{label}: no config.deleted"


def test_gate_fails_when_a_writable_admin_model_is_not_registered(monkeypatch):
    registry = config.registered()
    registry.pop(SLARule)
    monkeypatch.setattr(config, "_registry", registry)
    assert "inbox.SLARule" in writable_in_admin()
    assert not config.is_registered(SLARule)
