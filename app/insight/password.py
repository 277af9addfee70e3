"""The admin password, kept only as an scrypt hash in the host's configuration."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# OWASP's password storage guidance for scrypt: N=2^17, r=8, p=1 (128 MiB). Hashes made with
# other parameters keep working: each hash records its own.
N, R, P = 2**17, 8, 1
MAX_MEMORY = 256 * 1024 * 1024


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=N, r=R, p=P, maxmem=MAX_MEMORY, dklen=32
    )
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check; the cost is the same for any wrong password."""
    _, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(
        password.encode(),
        salt=_unb64(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=MAX_MEMORY,
        dklen=32,
    )
    return hmac.compare_digest(candidate, _unb64(digest))
