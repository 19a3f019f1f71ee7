"""Identifying and assessing risks (policy 8.1): numbered FX-<year>-<seq>, likelihood and impact
from 1 to 5, the level from the configurable bands, every assessment kept."""

import pytest
from django.utils import timezone

from core.audit.models import AuditEvent
from core.exceptions import InvalidInputError, PermissionDeniedError
from core.inbox.models import Request
from core.org.models import Region
from workflows.risks.models import Assessment, LevelBand, Risk, RiskState
from workflows.risks.services import risk_assess, risk_create

from .conftest import MEDIUM, fresh

pytestmark = pytest.mark.django_db


def test_numbered_and_identified_when_created(personas):
    risk = risk_create(actor=personas["east_rep1"], type="competition", title="新进入者",
                       region=Region.objects.get(code="east"))

    assert risk.number == f"FX-{timezone.localdate().year}-000001"
    assert risk.state == RiskState.IDENTIFIED and risk.level == ""
    assert risk.owner == personas["east_rep1"] and risk.identified_by == personas["east_rep1"]
    req = Request.objects.get(kind="risk", object_id=risk.pk)
    assert (req.number, req.submitter, req.region.code) == (risk.number, risk.owner, "east")
    assert AuditEvent.objects.filter(subject_kind="risk", subject_id=str(risk.pk),
                                     event="risk.identified").count() == 1


def test_region_follows_the_owner_when_none_given(personas):
    risk = risk_create(actor=personas["south_rep1"], type="legal", title="合同条款")

    assert risk.region.code == "south"


def test_scored_and_levelled_when_assessed(make_risk, personas):
    risk = make_risk(None)

    risk_assess(risk_id=risk.pk, actor=personas["east_rep1"], likelihood=4, impact=3,
                comment="竞争加剧")

    risk = fresh(risk)
    assert (risk.likelihood, risk.impact, risk.score, risk.level) == (4, 3, 12, "high")
    assert risk.state == RiskState.ASSESSED and risk.assessed_at is not None


def test_every_assessment_kept_when_reassessed(make_risk, personas):
    risk = make_risk(MEDIUM)
    risk_assess(risk_id=risk.pk, actor=personas["east_mgr"], likelihood=4, impact=4)
    risk_assess(risk_id=risk.pk, actor=personas["gm"], likelihood=2, impact=2, comment="缓解")

    history = list(Assessment.objects.filter(risk=risk).order_by("assessed_at", "pk"))
    assert [(a.score, a.level, a.previous_level) for a in history] == [
        (9, "medium", ""), (16, "high", "medium"), (4, "low", "high")]
    assert [a.assessed_by.username for a in history] == ["east_rep1", "east_mgr", "gm"]
    assert fresh(risk).level == "low"


def test_level_follows_the_bands_table_when_edited(make_risk, personas):
    LevelBand.objects.all().delete()
    for level, lo, hi in [("low", 1, 2), ("medium", 3, 5), ("high", 6, 12), ("critical", 15, 25)]:
        LevelBand.objects.create(level=level, min_score=lo, max_score=hi)

    assert make_risk((2, 3)).level == "high"


@pytest.mark.parametrize(("likelihood", "impact", "field"), [
    (0, 3, "likelihood"), (6, 3, "likelihood"), (3, 0, "impact"), (3, 6, "impact"),
    ("3", 3, "likelihood"), (None, 3, "likelihood"),
])
def test_refused_when_a_rating_is_outside_1_to_5(make_risk, personas, likelihood, impact,
                                                 field):
    risk = make_risk(MEDIUM)

    with pytest.raises(InvalidInputError) as exc:
        risk_assess(risk_id=risk.pk, actor=personas["east_rep1"], likelihood=likelihood,
                    impact=impact)
    assert field in exc.value.fields
    assert Assessment.objects.filter(risk=risk).count() == 1


def test_nothing_created_when_created_with_a_rating_of_6(personas):
    with pytest.raises(InvalidInputError):
        risk_create(actor=personas["east_rep1"], type="market", title="x", likelihood=6,
                    impact=1)
    assert not Risk.objects.exists()


@pytest.mark.parametrize(("who", "error"), [("east_rep2", PermissionDeniedError),
                                            ("south_mgr", PermissionDeniedError),
                                            ("auditor", PermissionDeniedError)])
def test_refused_when_someone_unrelated_assesses(make_risk, personas, who, error):
    risk = make_risk(MEDIUM)

    with pytest.raises(error):
        risk_assess(risk_id=risk.pk, actor=personas[who], likelihood=5, impact=5)
    assert fresh(risk).level == "medium"


def test_refused_when_auditor_identifies_a_risk(personas):
    with pytest.raises(PermissionDeniedError):
        risk_create(actor=personas["auditor"], type="market", title="x")


def test_refused_when_a_salesperson_names_another_owner(personas):
    with pytest.raises(PermissionDeniedError):
        risk_create(actor=personas["east_rep1"], type="market", title="x",
                    owner=personas["east_rep2"])
    risk = risk_create(actor=personas["east_mgr"], type="market", title="x",
                       owner=personas["east_rep2"])
    assert risk.owner == personas["east_rep2"]


@pytest.mark.parametrize("body", [{"type": "weather"}, {"title": "  "}])
def test_refused_when_type_or_title_is_missing(personas, body):
    with pytest.raises(InvalidInputError) as exc:
        risk_create(actor=personas["east_rep1"], **{"type": "market", "title": "x", **body})
    assert set(exc.value.fields) <= {"type", "title"}
