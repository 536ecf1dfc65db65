"""Reports are written atomically; faults and interrupts never corrupt them.

write_atomic writes a hidden temp file next to the report, fsyncs it and
renames it over the report. Whatever happens before the rename (an error,
a full disk, Ctrl-C, SIGKILL) the previous report stays byte-for-byte as it
was. Errors are one coded line (E401/E402) and exit 2; Ctrl-C exits 130.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from factcheck.errors import ExitCode, FactcheckError
from factcheck.report import io as report_io
from factcheck.report.io import write_atomic

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "001_45fd513b6608deaf.txt"
OLD = '{"previous": "report"}\n'


@pytest.fixture()
def old_report(tmp_path) -> Path:
    path = tmp_path / "reports" / "findings.json"
    path.parent.mkdir()
    path.write_text(OLD, encoding="utf-8")
    return path


def leftovers(directory: Path, name: str = "findings.json") -> list[str]:
    """Everything in the directory except the report itself."""
    return sorted(p.name for p in directory.iterdir() if p.name != name)


def test_write_replaces_the_report_and_leaves_no_temp(old_report):
    write_atomic(old_report, '{"new": 1}\n')
    assert old_report.read_text(encoding="utf-8") == '{"new": 1}\n'
    assert leftovers(old_report.parent) == []


def test_report_gets_ordinary_permissions(old_report):
    write_atomic(old_report, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert old_report.stat().st_mode & 0o777 == 0o666 & ~umask


def test_missing_parent_directories_are_created(tmp_path):
    target = tmp_path / "a" / "b" / "findings.json"
    write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_os_error_keeps_the_previous_report(old_report, monkeypatch, where):
    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(report_io.os, where, boom)
    with pytest.raises(FactcheckError) as info:
        write_atomic(old_report, '{"new": 1}\n')
    assert info.value.code == "E402"
    assert "previous report was kept" in info.value.message
    assert info.value.path == str(old_report)
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []


class _FullDisk:
    """A file object whose writes fail as on a full disk, after a partial write."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.fh.__exit__(*exc)

    def write(self, text):
        self.fh.write(text[: len(text) // 2])
        self.fh.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self):
        self.fh.flush()

    def fileno(self):
        return self.fh.fileno()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_is_reported_and_the_previous_report_kept(old_report, monkeypatch, where):
    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(report_io.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    else:
        def fsync(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(report_io.os, "fsync", fsync)
    with pytest.raises(FactcheckError) as info:
        write_atomic(old_report, '{"new": "' + "x" * 100_000 + '"}\n')
    err = info.value
    assert err.code == "E402"
    assert str(err) == (f"[E402] {old_report}: cannot write report: the disk is full; the previous report was kept "
                        "(free some space or choose another output path)")
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []


def test_ctrl_c_during_write_keeps_the_previous_report(old_report, monkeypatch):
    def fsync(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_io.os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(old_report, '{"new": 1}\n')
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []


def test_unwritable_location_is_e401(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        write_atomic(blocker / "findings.json", "{}\n")
    assert info.value.code == "E401"


def test_report_path_that_is_a_directory_is_e402(tmp_path):
    target = tmp_path / "findings.json"
    target.mkdir()
    with pytest.raises(FactcheckError) as info:
        write_atomic(target, "{}\n")
    assert info.value.code == "E402"
    assert target.is_dir() and leftovers(tmp_path) == []


# --- SIGKILL in the middle of a write -------------------------------------

_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from factcheck.report import io

    target, mode = Path(sys.argv[1]), sys.argv[2]

    def pause():
        print("READY", flush=True)
        time.sleep(600)

    if mode == "after-fsync":
        real_fsync = os.fsync
        def fsync(fd):
            real_fsync(fd)
            pause()
        io.os.fsync = fsync
    else:
        real_fdopen = os.fdopen
        class HalfWriter:
            def __init__(self, fh):
                self.fh = fh
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                return self.fh.__exit__(*exc)
            def write(self, text):
                self.fh.write(text[: len(text) // 2])
                self.fh.flush()
                pause()
        io.os.fdopen = lambda *a, **k: HalfWriter(real_fdopen(*a, **k))

    io.write_atomic(target, '{"new": "' + "x" * 5_000_000 + '"}\\n')
    """
)


def kill_mid_write(report: Path, mode: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(report), mode], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
        temps = leftovers(report.parent)
        assert len(temps) == 1 and temps[0].startswith(".findings.json.") and temps[0].endswith(".tmp")
        assert (report.parent / temps[0]).stat().st_size > 1_000_000  # the new report is (half) written
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("mode", ["mid-write", "after-fsync"])
def test_sigkill_mid_write_keeps_the_previous_report(old_report, mode):
    kill_mid_write(old_report, mode)
    assert old_report.read_text(encoding="utf-8") == OLD
    # a killed process cannot clean up: only its hidden temp file is left,
    # never a truncated report under the real name
    assert all(n.startswith(".findings.json.") and n.endswith(".tmp") for n in leftovers(old_report.parent))


def test_next_write_removes_stale_temp_files(old_report):
    kill_mid_write(old_report, "after-fsync")
    write_atomic(old_report, '{"new": 1}\n')
    assert leftovers(old_report.parent) == []


# --- through the command line ---------------------------------------------

def run_main(monkeypatch, capsys, argv: list[str]) -> tuple[int, str, str]:
    """Run factcheck's console entry point in-process (the model loads once per session)."""
    from factcheck.cli import main

    monkeypatch.setattr(sys, "argv", ["factcheck", *argv])
    with pytest.raises(SystemExit) as info:
        main()
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


@pytest.fixture()
def seed_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    return corpus


def check_args(corpus: Path, report: Path) -> list[str]:
    return ["check", str(corpus), "--rules", str(ROOT / "rules"), "--json", str(report),
            "--html", str(report.parent / "report.html"), "--no-cache", "--format", "none"]


def test_cli_full_disk_is_one_coded_line_exit_2(seed_corpus, old_report, monkeypatch, capsys):
    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report_io.os, "fsync", fsync)
    code, out, err = run_main(monkeypatch, capsys, check_args(seed_corpus, old_report))
    assert code == ExitCode.USAGE
    assert err == (f"error: [E402] {old_report}: cannot write report: the disk is full; the previous report was "
                   "kept (free some space or choose another output path)\n")
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []


def test_cli_unwritable_report_location_exit_2(seed_corpus, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("x\n", encoding="utf-8")
    code, out, err = run_main(monkeypatch, capsys, check_args(seed_corpus, blocker / "findings.json"))
    assert code == ExitCode.USAGE
    assert err.startswith(f"error: [E401] {blocker / 'findings.json'}: cannot write report")
    assert err.count("\n") == 1


def test_cli_ctrl_c_while_writing_exits_130(seed_corpus, old_report, monkeypatch, capsys):
    def fsync(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_io.os, "fsync", fsync)
    code, out, err = run_main(monkeypatch, capsys, check_args(seed_corpus, old_report))
    assert code == ExitCode.INTERRUPTED
    assert "Traceback" not in err
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal to see progress")
def test_ctrl_c_during_a_run_exits_130(tmp_path, old_report):
    """SIGINT a real run once it is reading documents: exit 130, old report intact.

    The progress lines ("reading <doc>") are printed only on a terminal, so
    stderr is a pseudo-terminal; the signal is sent after the second
    document starts, when dozens are still to come.
    """
    import select

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        shutil.copyfile(SEED, corpus / f"doc{i:02d}.txt")
    master, slave = os.openpty()
    # a shell that starts the suite in the background ("pytest &") ignores SIGINT, and its children
    # inherit that: give the run the default disposition, as a terminal's foreground job has it
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *check_args(corpus, old_report)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, cwd=tmp_path,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(slave)
    seen = b""
    try:
        deadline = time.monotonic() + 120  # a guard against a hang, not a timing assertion
        while b"reading doc01" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 5)
            if ready:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
            if proc.poll() is not None:
                break
        assert b"reading doc01" in seen, seen.decode(errors="replace")
        proc.send_signal(signal.SIGINT)
        returncode = proc.wait(timeout=120)
        while True:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        os.close(master)
    assert returncode == ExitCode.INTERRUPTED
    assert b"Traceback" not in seen
    assert old_report.read_text(encoding="utf-8") == OLD
    assert leftovers(old_report.parent) == []
