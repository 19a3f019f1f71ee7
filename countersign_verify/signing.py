"""Checkpoint statements and their Ed25519 signatures."""

import base64
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VERSION = 1
# The fields a checkpoint signs, in this order of keys (sorted JSON in any case).
SIGNED = ("version", "created_at", "last_seq", "events", "subjects", "root", "key_id")


class BadCheckpoint(Exception):
    pass


def statement(checkpoint: dict) -> bytes:
    missing = [k for k in SIGNED if k not in checkpoint]
    if missing:
        raise BadCheckpoint(f"checkpoint lacks {', '.join(missing)}")
    body = {k: checkpoint[k] for k in SIGNED}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def load_private_key(text: str | bytes) -> Ed25519PrivateKey:
    """A PEM (PKCS#8) private key, or the 32-byte raw seed in base64."""
    data = text.encode() if isinstance(text, str) else text
    if b"-----BEGIN" in data:
        key = serialization.load_pem_private_key(data, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise BadCheckpoint("the signing key is not an Ed25519 key")
        return key
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(data.strip()))


def load_public_key(text: str | bytes) -> Ed25519PublicKey:
    """A PEM public key, or the 32 raw bytes in base64."""
    data = text.encode() if isinstance(text, str) else text
    if b"-----BEGIN" in data:
        key = serialization.load_pem_public_key(data)
        if not isinstance(key, Ed25519PublicKey):
            raise BadCheckpoint("the public key is not an Ed25519 key")
        return key
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(data.strip()))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    return hashlib.sha256(raw_public(key)).hexdigest()[:16]


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def sign(checkpoint: dict, private: Ed25519PrivateKey) -> str:
    return base64.b64encode(private.sign(statement(checkpoint))).decode()


def verify(checkpoint: dict, public: Ed25519PublicKey) -> None:
    """Raise BadCheckpoint unless `checkpoint` carries a valid signature by `public`."""
    if checkpoint.get("key_id") != key_id(public):
        raise BadCheckpoint(f"checkpoint signed by key {checkpoint.get('key_id')!r}, "
                            f"not by {key_id(public)!r}")
    try:
        public.verify(base64.b64decode(checkpoint.get("signature", "")), statement(checkpoint))
    except (InvalidSignature, ValueError) as exc:
        raise BadCheckpoint("checkpoint signature does not verify (forged or altered)") from exc
