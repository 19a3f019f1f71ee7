"""Robot secrets at rest: Fernet (AES-128-CBC + HMAC-SHA256) under CHANNELS_ENCRYPTION_KEY, or a
key derived from DJANGO_SECRET_KEY when that is unset. A value named as an environment variable
is read from the environment at send time and never stored."""

import base64
import hashlib
import os

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    raw = getattr(settings, "CHANNELS_ENCRYPTION_KEY", "") or settings.SECRET_KEY
    key = base64.urlsafe_b64encode(hashlib.sha256(f"countersign-channels:{raw}".encode())
                                   .digest())
    return Fernet(key)


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(value: str) -> str:
    if not value:
        return ""
    try:
        return _fernet().decrypt(value.encode()).decode()
    except InvalidToken:
        return ""  # the key changed: the robot needs its secret entered again


def resolve(stored: str, env_name: str) -> str:
    """The environment variable when one is named (and set), else the decrypted stored value."""
    if env_name:
        from_env = os.environ.get(env_name, "")
        if from_env:
            return from_env
    return decrypt(stored)
