"""As the database's superuser: rewrite a middle event of one request and recompute its whole
chain and head. The chains alone cannot tell (plain verification passes: the documented limit);
a signed checkpoint taken before can, in the app and offline."""

import base64
import json
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.core.management import CommandError, call_command
from django.db import connection

from core.audit import checkpoints
from core.audit.hashing import link_hash
from core.audit.models import AuditEvent
from core.audit.services import record
from core.audit.verify import verify_all
from countersign_verify import merkle, signing

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

VICTIM = ("expense", "2")


def _seed(n_subjects=3, per=4):
    for sid in range(1, n_subjects + 1):
        for i in range(per):
            record(actor=None, event=f"expense.step{i}", subject_kind="expense",
                   subject_id=sid, comment=f"step {i} of {sid}", amount="1200.00")


@pytest.fixture
def key(settings, tmp_path):
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    settings.AUDIT_SIGNING_KEY = base64.b64encode(seed).decode()
    settings.AUDIT_SIGNING_KEY_FILE = ""
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "shipped")
    public = tmp_path / "public.key"
    public.write_bytes(base64.b64encode(
        private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)))
    return public


@pytest.fixture
def checkpoint_file(key, tmp_path, django_capture_on_commit_callbacks):
    _seed()
    with django_capture_on_commit_callbacks(execute=True):
        cp = checkpoints.create_checkpoint()
    path = tmp_path / "shipped" / cp.file_name
    assert path.exists()
    return path


def rewrite_middle_event(tamper):
    """UPDATE the victim's 2nd event, then recompute every later hash and the head."""
    kind, sid = VICTIM
    tamper("UPDATE audit_auditevent SET comment = 'approved by the CEO' "
           "WHERE subject_kind = %s AND subject_id = %s AND subject_seq = 2", (kind, sid))
    events = AuditEvent.objects.filter(subject_kind=kind, subject_id=sid).order_by("subject_seq")
    prev = None
    for ev in events:
        values = {**ev.__dict__, "actor_id": ev.actor_id, "on_behalf_of_id": ev.on_behalf_of_id}
        if prev is not None:
            values["prev_hash"] = prev
        new = link_hash(values)
        tamper("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s",
               (values["prev_hash"], new, ev.seq))
        prev = new
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditchainhead SET last_hash = %s "
                       "WHERE subject_kind = %s AND subject_id = %s", (prev, kind, sid))


def offline(*args):
    return subprocess.run([sys.executable, "-m", "countersign_verify", *args],
                          capture_output=True, text=True, check=False)


def test_plain_verify_passes_after_a_consistent_rewrite_the_documented_limit(
        checkpoint_file, tamper):
    rewrite_middle_event(tamper)
    assert verify_all(save=False).ok


def test_against_checkpoint_names_the_rewritten_request(checkpoint_file, tamper):
    assert checkpoints.verify_against([json.loads(checkpoint_file.read_text())]) is None
    rewrite_middle_event(tamper)
    broken = checkpoints.verify_against([json.loads(checkpoint_file.read_text())])
    assert (broken["subject_kind"], broken["subject_id"]) == VICTIM
    assert broken["problem"] == checkpoints.NOT_EXTENDED
    with pytest.raises(CommandError, match=r"at expense:2 position 4.*history rewritten"):
        call_command("audit_verify", "--workers", "1", "--against", str(checkpoint_file))


def test_forged_checkpoint_refused(checkpoint_file, tmp_path):
    forged = json.loads(checkpoint_file.read_text())
    forged["root"] = merkle.EMPTY_ROOT
    broken = checkpoints.verify_against([forged])
    assert broken["problem"] == checkpoints.FORGED
    other = Ed25519PrivateKey.generate()  # signed, but by a key that is not ours
    forged["key_id"] = signing.key_id(other.public_key())
    forged["signature"] = signing.sign(forged, other)
    assert checkpoints.verify_against([forged])["problem"] == checkpoints.FORGED
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged))
    with pytest.raises(CommandError, match="forged"):
        call_command("audit_verify", "--workers", "1", "--against", str(path))


def test_offline_verifier_reaches_the_same_verdicts(checkpoint_file, key, tamper, tmp_path):
    ok = offline("checkpoint", str(checkpoint_file), "--public-key", str(key))
    assert ok.returncode == 0, ok.stderr
    forged = json.loads(checkpoint_file.read_text())
    forged["events"] += 1
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    bad = offline("checkpoint", str(tmp_path / "forged.json"), "--public-key", str(key))
    assert bad.returncode == 1 and "does not verify" in bad.stderr

    def export(sid):
        path = tmp_path / f"chain-{sid}.json"
        path.write_text(json.dumps(checkpoints.export_chain("expense", sid)))
        return str(path)

    honest = offline("chain", export("1"), "--public-key", str(key),
                     "--checkpoint", str(checkpoint_file))
    assert honest.returncode == 0, honest.stderr
    assert "included in checkpoint" in honest.stdout
    rewrite_middle_event(tamper)
    rewritten = offline("chain", export("2"), "--public-key", str(key))
    assert rewritten.returncode == 1
    assert "expense:2" in rewritten.stderr and "does not extend" in rewritten.stderr


def test_since_last_finds_a_tampered_event_appended_after_the_checkpoint(
        checkpoint_file, tamper):
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id=3)
    record(actor=None, event="expense.new", subject_kind="expense", subject_id=9)
    result = checkpoints.verify_since_last()
    assert result.ok and result.events_checked == 2
    tamper("UPDATE audit_auditevent SET comment = 'x' WHERE event = 'expense.paid'")
    result = checkpoints.verify_since_last()
    assert not result.ok
    assert (result.first_broken["subject_id"], result.first_broken["problem"]) == (
        "3", "event content altered")


def test_since_last_finds_the_rewrite_below_the_checkpoint(checkpoint_file, tamper):
    rewrite_middle_event(tamper)
    result = checkpoints.verify_since_last()
    assert not result.ok
    assert (result.first_broken["subject_kind"], result.first_broken["subject_id"]) == VICTIM
    with pytest.raises(CommandError, match="expense:2"):
        call_command("audit_verify", "--since-last")


def test_inclusion_proof_leads_to_the_signed_root(checkpoint_file):
    proof = checkpoints.inclusion_proof("expense", "2")
    leaf = merkle.leaf_hash("expense", "2", proof["position"], proof["head_hash"])
    assert merkle.root_from_path(leaf, proof["index"], proof["size"], proof["path"]) == \
        json.loads(checkpoint_file.read_text())["root"]


def test_next_checkpoint_stores_only_moved_heads(checkpoint_file):
    record(actor=None, event="expense.paid", subject_kind="expense", subject_id=3)
    cp = checkpoints.create_checkpoint()
    assert [(leaf.subject_id, leaf.position) for leaf in cp.leaves.all()] == [("3", 5)]
    assert checkpoints.verify_against([checkpoints.as_file(cp)]) is None
