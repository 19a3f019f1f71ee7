"""An exported chain (one subject's events) and its inclusion proof, checked offline."""

from .hashing import GENESIS, link_hash
from .merkle import leaf_hash, root_from_path
from .signing import BadCheckpoint, verify

FORMAT = "countersign-chain/1"


class BrokenChain(Exception):
    pass


def verify_events(export: dict) -> str:
    """Check positions, links and content hashes; return the head hash."""
    kind, sid = export["subject_kind"], str(export["subject_id"])
    prev = GENESIS
    for position, ev in enumerate(export["events"], start=1):
        where = f"{kind}:{sid} position {ev.get('subject_seq')}"
        if (ev.get("subject_kind"), str(ev.get("subject_id"))) != (kind, sid):
            raise BrokenChain(f"{where}: event of another subject")
        if ev.get("subject_seq") != position:
            raise BrokenChain(f"{where}: expected position {position}")
        if ev.get("prev_hash") != prev:
            raise BrokenChain(f"{where}: previous-hash link broken")
        if link_hash(ev) != ev.get("hash"):
            raise BrokenChain(f"{where}: event content altered")
        prev = ev["hash"]
    return prev


def verify_proof(export: dict, public) -> dict:
    """Check the checkpoint's signature and that the chain's head at the checkpoint's position
    leads to its signed root. Returns the checkpoint."""
    proof = export.get("proof")
    if not proof:
        raise BadCheckpoint("the export carries no inclusion proof")
    checkpoint = proof["checkpoint"]
    verify(checkpoint, public)
    position, head = proof["position"], proof["head_hash"]
    events = export["events"]
    if position < 1 or position > len(events) or events[position - 1]["hash"] != head:
        raise BrokenChain(f"{export['subject_kind']}:{export['subject_id']}: the chain does "
                          f"not extend what the checkpoint saw (position {position})")
    if proof["size"] != checkpoint["subjects"]:
        raise BrokenChain("inclusion proof is for a tree of another size")
    leaf = leaf_hash(export["subject_kind"], str(export["subject_id"]), position, head)
    if root_from_path(leaf, proof["index"], proof["size"], proof["path"]) != checkpoint["root"]:
        raise BrokenChain("inclusion proof does not lead to the checkpoint's root")
    return checkpoint
