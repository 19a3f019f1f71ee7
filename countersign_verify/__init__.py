"""Offline verification of Countersign's audit trail: checkpoint signatures, exported chains and
inclusion proofs. Standard library and `cryptography` only; no Django, no database.

    python -m countersign_verify checkpoint CHECKPOINT.json --public-key KEY
    python -m countersign_verify chain EXPORT.json --public-key KEY [--checkpoint CHECKPOINT.json]

The application (core/audit) imports its hashing and Merkle code from here, so the two can
never disagree about what a hash or a root is. See docs/audit.md.
"""
