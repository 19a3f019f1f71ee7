"""The canonical form of an event and its link hash live in countersign_verify (no Django), so
the offline verifier and the application compute them with the same code."""

from countersign_verify.hashing import GENESIS, HASHED_FIELDS, canonical, link_hash

__all__ = ["GENESIS", "HASHED_FIELDS", "canonical", "link_hash"]
