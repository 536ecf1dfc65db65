"""Incremental runs: a per-document cache of prepared documents and claims.

Each entry is keyed on the document's bytes and the pipeline version (code,
data files, alias table, spaCy model). Entries are written atomically
(temp file + rename) under a lock, carry an HMAC-SHA256 signature, and a
corrupt, partial or foreign entry is detected, dropped and rebuilt, never
trusted. The signing key is the user's own (``$FACTCHECK_CACHE_KEY``, or a
random key in ``~/.cache/factcheck/cache-key``), so a cache directory
planted in a repository cannot make factcheck unpickle anything.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import pickle
import tempfile
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

MAGIC = b"FCC2"


def _key() -> bytes:
    """The user's cache-signing key (env var, else a private key file, else per process)."""
    env = os.environ.get("FACTCHECK_CACHE_KEY")
    if env:
        return hashlib.sha256(env.encode()).digest()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
    path = home / "cache-key"
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data[:32]
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
    except FileExistsError:
        try:
            data = path.read_bytes()
            if len(data) >= 32:
                return data[:32]
        except OSError:
            pass
    except OSError:
        pass  # no writable home: entries are good for this process only
    return key


def code_version() -> str:
    """Hash of factcheck's own source and data files."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml", ".j2", ".css", ".js") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, directory: Path, version: str) -> None:
        self.dir = directory
        self.version = version
        self.hits = 0
        self.misses = 0
        self.corrupt = 0
        self._secret = _key()

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def key(self, content: bytes, doc_id: str) -> str:
        return hashlib.sha256(self.version.encode() + b"\0" + doc_id.encode() + b"\0" + content).hexdigest()

    def get(self, key: str) -> Any | None:
        p = self._path(key)
        try:
            data = p.read_bytes()
        except OSError:
            self.misses += 1
            return None
        if len(data) < 36 or data[:4] != MAGIC or not hmac.compare_digest(self._sign(data[36:]), data[4:36]):
            self.corrupt += 1
            self.misses += 1
            try:
                p.unlink()
            except OSError:
                pass
            return None
        try:
            value = pickle.loads(data[36:])
        except Exception:  # noqa: BLE001 - any unpickling failure means a bad entry
            self.corrupt += 1
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        p = self._path(key)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            blob = MAGIC + self._sign(payload) + payload
            lock = FileLock(str(self.dir / ".lock"), timeout=30)
            with lock:
                fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-")
                try:
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(blob)
                        fh.flush()
                        os.fsync(fh.fileno())
                    os.replace(tmp, p)
                except BaseException:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
                    raise
        except (OSError, Timeout):
            pass  # a cache that can't be written only costs time
