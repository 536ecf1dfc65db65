"""Atomic report writing: temp file in the same directory, fsync, rename.

A crash, a kill or a full disk never leaves a half-written report: either
the new file is complete or the previous one is still there.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from factcheck.errors import FactcheckError


STALE_SECONDS = 600


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _clean_stale(path: Path) -> None:
    """Remove temp files a killed run left next to this report.

    A temp file is named after its writer's pid; it is stale when that
    process is gone (or, for names without a pid, when older than 10 minutes).
    A concurrent writer's temp file is never touched.
    """
    import re
    import time

    try:
        for tmp in path.parent.glob(f".{path.name}.*.tmp"):
            m = re.match(rf"\.{re.escape(path.name)}\.(\d+)\.", tmp.name)
            stale = (not _alive(int(m.group(1)))) if m else time.time() - tmp.stat().st_mtime > STALE_SECONDS
            if stale:
                tmp.unlink()
    except OSError:
        pass


def write_atomic(path: Path, text: str) -> None:
    path = Path(path)
    _clean_stale(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as exc:
        raise FactcheckError("E401", f"cannot write report: {exc.strerror}", str(path),
                             hint="check the directory exists and is writable") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            what = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise FactcheckError("E402", f"cannot write report: {what}; the previous report was kept", str(path),
                                 hint="free some space or choose another output path") from None
        raise
