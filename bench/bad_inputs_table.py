"""Try every bad input on the real tool and write what the user sees (docs/bad-input.md).

    python bench/bad_inputs_table.py [--out docs/bad-input.md] [--jobs 4] [--only WORD]

Each case builds a small corpus (or rules directory) in a temporary folder,
runs ``python -m factcheck ...`` there with relative paths, and records the
exit code and the exact line the user gets: the coded line of the terminal
summary ("Input problems:") for a document, the ``error: [E...]`` line on
stderr for a rule or output error, or the last line of a traceback. Document
cases put one seed document from ./corpus next to the bad one and check that
its claims are exactly those of a clean run ("the rest is still checked").

A verdict per row: ``ok``; ``BUG`` (a traceback, a hang, a wrong exit code,
a lost document, raw control characters reaching a viewer, code executed);
``minor`` (works, but the message or position is off). The same cases are
asserted in tests/test_bad_input.py, tests/test_atomic.py and
tests/engine/test_spec.py; this script only shows them.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
SEED = ROOT / "corpus" / "001_45fd513b6608deaf.txt"
RULES = ROOT / "rules"
SMALL = "Robotics clubs in Freedonia\n\nIn 2015 there were {n} robotics clubs in Freedonia. They met every week.\n"

# Runs factcheck's entry point after optional fault injection (FCB_* variables),
# and reports the bytes the process read (so a refused 200 MB file shows it was not read).
WRAPPER = textwrap.dedent(
    """
    import atexit, errno, os, runpy, sys
    def _report():
        try:
            with open('/proc/self/io') as fh:
                io = dict(line.split(': ') for line in fh.read().splitlines())
            sys.stderr.write('FCB_RCHAR=' + io['rchar'].strip() + '\\n')
        except OSError:
            pass
    atexit.register(_report)
    deny = os.environ.get('FCB_DENY_OPEN')
    if deny:
        import builtins
        from factcheck.ingest import load as L
        def _open(path, *a, **k):
            if str(path).endswith(deny):
                raise PermissionError(errno.EACCES, 'Permission denied', str(path))
            return builtins.open(path, *a, **k)
        L.open = _open
    deny_dir = os.environ.get('FCB_DENY_DIR')
    if deny_dir:
        _scandir = os.scandir
        def _sd(path='.'):
            if str(path).rstrip('/').endswith(deny_dir):
                raise PermissionError(errno.EACCES, 'Permission denied', str(path))
            return _scandir(path)
        os.scandir = _sd
    if os.environ.get('FCB_DISK_FULL'):
        from factcheck.report import io as _io
        def _fsync(fd):
            raise OSError(errno.ENOSPC, 'No space left on device')
        _io.os.fsync = _fsync
    sys.argv = ['factcheck'] + sys.argv[1:]
    runpy.run_module('factcheck', run_name='__main__')
    """
)


@dataclass
class Result:
    returncode: int | None
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    rchar: int | None = None
    report: dict | None = None
    base: Path | None = None
    extra: dict = field(default_factory=dict)

    def traceback_line(self) -> str | None:
        if "Traceback" not in self.stderr and "──── Traceback" not in self.stderr:
            return None
        lines = [ln for ln in self.stderr.strip().splitlines() if ln.strip()]
        for ln in reversed(lines):
            if re.match(r"^[A-Za-z_.]*(Error|Exception|Interrupt)\b", ln):
                return ln.strip()
        return lines[-1].strip() if lines else "traceback"

    def error_line(self) -> str | None:
        for ln in self.stderr.splitlines():
            if ln.startswith("error: "):
                return ln
        return None

    def problem_lines(self, name: str) -> list[str]:
        """Terminal summary lines of the 'Input problems' block naming a file."""
        lines = self.stdout.splitlines()
        try:
            start = next(i for i, ln in enumerate(lines) if ln.startswith("Input problems:"))
        except StopIteration:
            return []
        out = []
        for ln in lines[start + 1:]:
            if not ln.startswith("  "):
                break
            if name in ln:
                out.append(ln.strip())
        return out


@dataclass
class Case:
    group: str
    title: str
    build: Callable[[Path], dict]          # -> run options (args, env, timeout, ...)
    judge: Callable[[Result], tuple[str, str]]
    shows: Callable[[Result], str] | None = None
    runner: Callable[[Path, dict], Result] | None = None


# --- running ------------------------------------------------------------------

def run_factcheck(base: Path, opts: dict) -> Result:
    args = [sys.executable, "-c", WRAPPER, *opts["args"]]
    env = {**os.environ, "COLUMNS": "1000", **opts.get("env", {})}
    timeout = opts.get("timeout", 300)
    proc = subprocess.Popen(args, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, errors="surrogateescape", start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    m = re.search(r"^FCB_RCHAR=(\d+)$", err, re.M)
    err = re.sub(r"^FCB_RCHAR=\d+\n?", "", err, flags=re.M)
    res = Result(None if timed_out else proc.returncode, out, err, timed_out, int(m.group(1)) if m else None, base=base)
    js = base / "out" / "findings.json"
    if js.exists() and not timed_out:
        try:
            res.report = json.loads(js.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            pass
    return res


def check_args(*extra: str, corpus: str = "corpus", rules: str | None = None, fmt: str = "terminal") -> list[str]:
    return ["check", corpus, "--rules", rules or str(RULES), "--json", "out/findings.json", "--html",
            "out/report.html", "--no-cache", "--format", fmt, "--fail-on", "never", *extra]


# --- helpers for cases ------------------------------------------------------

def corpus_with(base: Path, files: dict[str, bytes | str] | None = None, seed: bool = True) -> Path:
    corpus = base / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    if seed:
        shutil.copyfile(SEED, corpus / SEED.name)
    for name, data in (files or {}).items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return corpus


def bad_file(name: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        corpus = corpus_with(base)
        shutil.copyfile(BAD / name, corpus / name)
        return {"args": check_args(), "name": name}
    return build


SEED_CLAIMS: list[tuple] = []


def seed_claims(res: Result) -> list[tuple]:
    if not res.report:
        return []
    return sorted((c["quote"], c["line"], c["column"], c["kind"]) for c in res.report["claims"] if c["doc"] == SEED.name)


def seed_ok(res: Result) -> bool:
    return bool(SEED_CLAIMS) and seed_claims(res) == SEED_CLAIMS


def unsafe(text: str) -> list[str]:
    bidi = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
    return sorted({f"U+{ord(c):04X}" for c in text if (c not in "\n\t" and unicodedata.category(c) == "Cc") or c in bidi})


def failure(res: Result) -> str | None:
    """The generic ways a run can go wrong, as a note."""
    if res.timed_out:
        return "hangs"
    tb = res.traceback_line()
    if tb:
        return f"traceback, exit {res.returncode}"
    return None


def shows_default(res: Result, name: str | None = None) -> str:
    if res.timed_out:
        return "(nothing: still running when killed)"
    tb = res.traceback_line()
    if tb:
        return f"Traceback … {tb}"
    err = res.error_line()
    if err:
        return err
    if name:
        lines = res.problem_lines(name)
        if lines:
            return " / ".join(lines)
        return "(no message)"
    return res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "(no message)"


def claims_of(res: Result, doc: str) -> set[tuple]:
    if not res.report:
        return set()
    return {(c["quote"], c["line"], c["column"]) for c in res.report["claims"] if c["doc"] == doc}


# --- judges for document cases ------------------------------------------------

def skipped(code: str) -> Callable[[Result], tuple[str, str]]:
    def judge(res: Result) -> tuple[str, str]:
        bad = failure(res)
        if bad:
            return "BUG", bad
        name = res.extra.get("name", "")
        codes = [p["code"] for p in (res.report or {}).get("problems", []) if p["path"].endswith(name)]
        if code not in codes:
            return "BUG", f"no {code} for the file"
        if not seed_ok(res):
            return "BUG", "the seed document was not checked as alone"
        return "ok", "skipped or partly read; the seed document is checked as alone"
    return judge


def read_clean(doc: str, expect: tuple = ("400", 3, 20)) -> Callable[[Result], tuple[str, str]]:
    def judge(res: Result) -> tuple[str, str]:
        bad = failure(res)
        if bad:
            return "BUG", bad
        if expect not in claims_of(res, doc):
            got = sorted(c for c in claims_of(res, doc) if c[0] == expect[0])
            return "BUG", f"claim {expect[0]!r} expected at line {expect[1]}, column {expect[2]}; got {got or 'none'}"
        if not seed_ok(res):
            return "BUG", "the seed document was not checked as alone"
        return "ok", f"read; claim {expect[0]!r} at line {expect[1]}, column {expect[2]}"
    return judge


def coded_exit_2(code_prefix: str = "E2", position: bool = True) -> Callable[[Result], tuple[str, str]]:
    def judge(res: Result) -> tuple[str, str]:
        bad = failure(res)
        if bad:
            return "BUG", bad
        err = res.error_line()
        if res.returncode != 2 or not err:
            return "BUG", f"exit {res.returncode}, no coded error line"
        if not err.startswith(f"error: [{code_prefix}"):
            return "BUG", "unexpected code"
        notes = []
        if len([ln for ln in res.stderr.splitlines() if ln.strip()]) != 1:
            notes.append("the message runs over two lines")
        if position and not re.search(r"\.(yaml|yml|json):\d+:\d+: ", err):
            notes.append("no line:column")
        if notes:
            return "minor", "; ".join(notes)
        return "ok", "one coded line, exit 2"
    return judge


# --- document cases ---------------------------------------------------------------

def doc_cases() -> list[Case]:
    cases = [
        Case("document", "empty file (0 bytes)", bad_file("empty.txt"), skipped("W102")),
        Case("document", "whitespace only", bad_file("blank.txt"), skipped("W102")),
        Case("document", "PDF bytes in a .txt", bad_file("pdf-bytes.txt"), skipped("W101")),
        Case("document", "PNG image bytes in a .txt", bad_file("image.txt"), skipped("W101")),
        Case("document", "random binary in a .txt", bad_file("binary-blob.txt"), skipped("W101")),
        Case("document", "invalid UTF-8 (cp1252 bytes)", bad_file("latin1.txt"), skipped("W103")),
        Case("document", "UTF-8 with one stray byte", bad_file("mostly-utf8.txt"),
             lambda r: ("BUG", "whole file re-decoded as a legacy code page: mojibake, no body text, 0 claims")
             if not claims_of(r, "mostly-utf8.txt") else read_clean("mostly-utf8.txt")(r)),
        Case("document", "UTF-16 LE with BOM", bad_file("utf16-bom.txt"), read_clean("utf16-bom.txt")),
        Case("document", "UTF-16 BE with BOM", bad_file("utf16be-bom.txt"), read_clean("utf16be-bom.txt")),
        Case("document", "UTF-16 without BOM", bad_file("utf16-nobom.txt"),
             lambda r: ("minor", "skipped as 'binary data': UTF-16 without a BOM is not detected")
             if skipped("W101")(r)[0] == "ok" else skipped("W103")(r)),
        Case("document", "UTF-32 with BOM", bad_file("utf32-bom.txt"), read_clean("utf32-bom.txt")),
        Case("document", "UTF-8 with BOM", bad_file("utf8-bom.txt"), read_clean("utf8-bom.txt")),
        Case("document", "Windows line endings (CRLF)", bad_file("crlf.txt"), read_clean("crlf.txt")),
        Case("document", "old Mac line endings (CR only)", bad_file("cr-only.txt"), read_clean("cr-only.txt")),
        Case("document", "NUL bytes inside the text", bad_file("nul-bytes.txt"), skipped("W107")),
        Case("document", "HTML page with <script>, <style>, comments, entities", bad_file("page.html"),
             lambda r: read_clean("page.html", ("400", 1, 228))(r) if not ({"999", "777"} & {c[0] for c in claims_of(r, "page.html")})
             else ("BUG", "script/comment text read as claims")),
        Case("document", "file name with spaces and non-ASCII", bad_file("name with spaces üß 文.txt"),
             read_clean("name with spaces üß 文.txt")),
        Case("document", "a damaged .pdf next to the .txt files", bad_file("paper.pdf"),
             lambda r: ("BUG", "ignored without a word: the user is not told the PDF was not checked")
             if not r.problem_lines("paper.pdf") and not failure(r) else skipped("W113")(r)),
    ]
    return cases


def build_huge(base: Path) -> dict:
    corpus = corpus_with(base)
    with open(corpus / "huge.txt", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    return {"args": check_args(), "name": "huge.txt"}


def judge_huge(res: Result) -> tuple[str, str]:
    verdict, note = skipped("W104")(res)
    if verdict != "ok":
        return verdict, note
    read = f"; the run read {res.rchar / 1e6:.0f} MB in all" if res.rchar else ""
    if "over the 50 MiB limit" not in " ".join(res.problem_lines("huge.txt")):
        return "minor", "refused unread" + read + "; the limit is set in MiB but shown in MB (50 -> '52 MB')"
    return "ok", "refused unread" + read


def build_limit(value: str, size: int = 1_500_000) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        corpus = corpus_with(base)
        with open(corpus / "big.txt", "wb") as fh:
            fh.truncate(size)
        return {"args": check_args("--max-doc-mb", value), "name": "big.txt"}
    return build


def long_line(base: Path) -> dict:
    text = "Clubs\n\nIn 2015 there were 400 robotics clubs in Freedonia " + "and more clubs " * 70_000 + "in all.\n"
    corpus_with(base, {"long-line.txt": text})
    return {"args": check_args(), "name": "long-line.txt"}


def number_table(base: Path) -> dict:
    rows = "\n".join(" ".join(f"{(r * 37 + c * 11) % 9000 + 100}.{c}" for c in range(10)) for r in range(20_000))
    corpus_with(base, {"appendix.txt": "Statistical appendix\n\nThe survey ran from 2015 to 2019.\n\n" + rows + "\n"})
    return {"args": check_args(), "name": "appendix.txt"}


def judge_number_table(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    lines = res.problem_lines("appendix.txt")
    if not any("W114" in ln for ln in lines):
        return "BUG", "200,000 bare numbers read without a W114 note"
    if len(claims_of(res, "appendix.txt")) > 5:
        return "BUG", "numbers of the table read as claims"
    return "ok", "the table is not read number by number; its prose is; W114 says so"


def dense_list(base: Path) -> dict:
    text = " ".join(f"On {1 + d % 28} May {1990 + d % 30} there were {5 + d % 40} clubs." for d in range(3000))
    corpus_with(base, {"dense.txt": text + "\n"})
    return {"args": check_args(), "name": "dense.txt"}


def judge_dense_list(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    if not any("W115" in ln for ln in res.problem_lines("dense.txt")):
        return "minor", "read, but no W115 note on how its figures were compared"
    if not claims_of(res, "dense.txt"):
        return "BUG", "claims lost"
    return "ok", "read; W115 says its figures meet their nearest in value"


def judge_long_line(res: Result, name: str = "long-line.txt") -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    if not res.problem_lines(name):
        if claims_of(res, name):
            return "minor", "read (cut into 2,000-character pieces) but no W109 warning"
        return "BUG", "claims lost without a warning"
    if not claims_of(res, name):
        return "BUG", "claims lost"
    return "ok", "read in pieces, with a W109 warning"


def letters_line(base: Path) -> dict:
    corpus_with(base, {"blob.txt": "Data\n\nIn 2015 there were 400 robotics clubs in Freedonia.\n\n" + "QUJD" * 37_500 + "\n"})
    return {"args": check_args(), "name": "blob.txt", "timeout": 60}


def nested(depth: int) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        rel = "/".join(f"d{i}" for i in range(depth)) + "/deep.txt"
        corpus_with(base, {rel: SMALL.format(n=400)})
        return {"args": check_args(), "name": rel}
    return build


def judge_nested(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    name = res.extra["name"]
    if claims_of(res, name):
        return "ok", "read"
    if res.problem_lines("deep.txt"):
        return "ok", "reported"
    return "BUG", "document dropped without a problem (walk max_depth 32)"


def symlinks(kind: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        corpus = corpus_with(base)
        outside = base / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text(SMALL.format(n=31337), encoding="utf-8")
        if kind == "file":
            os.symlink(outside / "secret.txt", corpus / "outside-link.txt")
            name = "outside-link.txt"
        elif kind == "dir":
            os.symlink(outside, corpus / "outside-dir")
            name = "outside-dir"
        elif kind == "dangling":
            os.symlink("missing.txt", corpus / "dangling.txt")
            name = "dangling.txt"
        else:
            (corpus / "sub").mkdir()
            os.symlink("..", corpus / "sub" / "loop")
            name = "loop"
        return {"args": check_args(), "name": name}
    return build


def judge_symlink(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    if any(c[0] == "31337" for doc in [d["id"] for d in (res.report or {}).get("documents", [])] for c in claims_of(res, doc)):
        return "BUG", "followed outside the corpus"
    name = res.extra["name"]
    lines = res.problem_lines(name)
    if name == "loop":
        return ("ok", "not followed, no hang") if seed_ok(res) else ("BUG", "seed not checked")
    if name == "outside-dir" and not lines:
        return "minor", "not followed, but no W106 message"
    if name == "dangling.txt" and not lines:
        return "minor", "the W105 line names the link's missing target (missing.txt), not the link (dangling.txt)"
    return ("ok", "not followed; reported") if lines else ("BUG", "no message")


def shows_dangling(res: Result) -> str:
    lines = [ln.strip() for ln in res.stdout.splitlines() if "W105" in ln]
    return " / ".join(lines) or shows_default(res, "dangling.txt")


def fifo(base: Path) -> dict:
    corpus = corpus_with(base)
    os.mkfifo(corpus / "pipe.txt")
    return {"args": check_args(), "name": "pipe.txt", "timeout": 20}


def deny(kind: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        if kind == "file":
            corpus_with(base, {"locked.txt": SMALL.format(n=900)})
            return {"args": check_args(), "env": {"FCB_DENY_OPEN": "locked.txt"}, "name": "locked.txt"}
        corpus_with(base, {"locked/b.txt": SMALL.format(n=900)})
        return {"args": check_args(), "env": {"FCB_DENY_DIR": "locked"}, "name": "locked"}
    return build


def judge_deny_dir(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    if not res.problem_lines("locked"):
        return "BUG", "the folder and its documents are dropped without a problem (os.walk onerror)"
    return "ok", "reported"


def missing_corpus(base: Path) -> dict:
    return {"args": check_args(corpus="no-such-corpus"), "name": "no-such-corpus"}


def judge_missing_corpus(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    if res.returncode == 0:
        return "BUG", "exit 0 with 0 documents: a typo in the path passes CI"
    return "ok", f"exit {res.returncode}"


def corpus_meta(text: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        corpus = corpus_with(base, {"a.txt": SMALL.format(n=400), "b.txt": SMALL.format(n=900)}, seed=False)
        (corpus / "corpus.yaml").write_text(text, encoding="utf-8")
        return {"args": check_args()}
    return build


def judge_config(res: Result) -> tuple[str, str]:
    return coded_exit_2()(res)


def planted_cache(base: Path) -> dict:
    corpus_with(base, {"a.txt": SMALL.format(n=400)}, seed=False)
    args = ["check", "corpus", "--rules", str(RULES), "--json", "out/findings.json", "--html", "out/report.html",
            "--cache-dir", ".factcheck-cache", "--format", "none"]
    run_factcheck(base, {"args": args})
    marker = base / "code-ran"

    class Planted:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    payload = pickle.dumps(Planted())
    for entry in (base / ".factcheck-cache").rglob("*.pkl"):
        entry.write_bytes(b"FCC1" + hashlib.sha256(payload).digest() + payload)
    return {"args": args + ["--format", "terminal"], "marker": str(marker)}


def judge_cache(res: Result) -> tuple[str, str]:
    if Path(res.extra["marker"]).exists():
        return "BUG", "security: the planted pickle ran code (a directory was created) and nothing was said"
    return "ok", "no code ran"


def repeated(base: Path) -> dict:
    text = "Clubs in Freedonia.\n\n" + "".join(
        f"In 2015 there were {400 if i % 2 else 900} robotics clubs in Freedonia, according to survey {i}.\n\n"
        for i in range(100))
    corpus_with(base, {"repeated.txt": text}, seed=False)
    return {"args": check_args(), "timeout": 600}


def judge_repeated(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    n_claims = len(res.report["claims"])
    n_findings = len(res.report["findings"])
    size = (res.base / "out" / "findings.json").stat().st_size
    note = f"{n_claims} claims -> {n_findings} findings, findings.json {size / 1e6:.1f} MB"
    return ("BUG", note + " (quadratic)") if n_findings > n_claims else ("ok", note)


def shows_repeated(res: Result) -> str:
    if res.report:
        for ln in res.stdout.splitlines():
            if ln.startswith("factcheck "):
                return ln.strip()
    return shows_default(res)


# --- rule, alias and config files -------------------------------------------------

VALID_RULE = textwrap.dedent(
    """\
    rules:
      - code: FC901
        name: test-conflict
        kind: value-conflict
        severity: error
        message: "{property}: {a_value} vs {b_value}"
        description: Two figures for the same quantity disagree.
        help: Check both sources.
        params: {approx_tolerance: 0.10, rel_tolerance: 0.01}
    """
)


def rules_case(text: str | bytes, extra_files: dict | None = None, explain: bool = False,
               conflict: bool = False) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        rules = base / "rules"
        rules.mkdir()
        path = rules / "values.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        for name, data in (extra_files or {}).items():
            (rules / name).write_text(data, encoding="utf-8")
        if explain:
            return {"args": ["rules", "--rules", "rules", "--explain", "FC901"]}
        if conflict:
            corpus_with(base, {"a.txt": SMALL.format(n=400), "b.txt": SMALL.format(n=900)}, seed=False)
        else:
            corpus_with(base, {"a.txt": SMALL.format(n=400)}, seed=False)
        return {"args": check_args(rules="rules", fmt="none")}
    return build


def rule_cases() -> list[Case]:
    v = VALID_RULE
    rc = [
        ("YAML syntax error (unclosed quote)", v.replace('{b_value}"', "{b_value}"), None),
        ("tab indentation", v.replace("    kind:", "\tkind:"), None),
        ("duplicate key in a rule", v.replace("    severity: error\n", "    severity: error\n    severity: info\n"), None),
        ("undefined alias (*nowhere)", v.replace("help: Check both sources.", "help: *nowhere"), None),
        ("top level is a list", "- code: FC901\n", None),
        ("unknown top-level key", v + "defaults: {severity: info}\n", None),
        ("unknown key in a rule (typo of an optional key)", v.replace("    help:", "    hlep:"), None),
        ("misspelt required key (severty)", v.replace("    severity:", "    severty:"),
         lambda r: ("minor", "reported as the missing key 'severity' at the rule's first line, not at the typo")
         if coded_exit_2()(r)[0] == "ok" and "severty" not in (r.error_line() or "") else coded_exit_2()(r)),
        ("wrong type (severity: [error])", v.replace("severity: error", "severity: [error]"), None),
        ("wrong value (severity: fatal)", v.replace("severity: error", "severity: fatal"), None),
        ("bad rule code (fc-901)", v.replace("code: FC901", "code: fc-901"), None),
        ("unknown check kind", v.replace("kind: value-conflict", "kind: value-conflicts"), None),
        ("unknown parameter", v.replace("approx_tolerance: 0.10", "aprox_tolerance: 0.10"), None),
        ("parameter of the wrong type", v.replace("approx_tolerance: 0.10", "approx_tolerance: lots"), None),
        ("message template: unknown field", v.replace("{property}:", "{propety}:"), None),
        ("message template: positional field {0}", v.replace("{property}:", "{0}:"), None),
        ("message template: unmatched brace", v.replace("{property}:", "{property:"), None),
        ("non-UTF-8 rule file", v.replace("Two figures", "Deux chiffres diff\u00e9rents").encode("latin-1"),
         lambda r: coded_exit_2(position=True)(r)),
        ("control character (NUL) in a rule file", v.replace("Check both", "Check\x00 both"), None),
        ("!!python/object/apply at the top level", '!!python/object/apply:os.system ["echo pwned"]\n', None),
        ("!!python/object/apply as a field value", v.replace("help: Check both sources.",
                                                              'help: !!python/object/apply:os.system ["echo pwned"]'), None),
        ("!!omap on a scalar", "rules: !!omap x\n", None),
        ("!!float 1e", "rules: !!float 1e\n", None),
        ("!!bool maybe", "rules: !!bool maybe\n", None),
        ("mapping as a mapping key (? {a: {b: 1}})", "rules:\n  - code: FC901\n    ? a: {b: 1}\n    : 2\n", None),
        ("deeply nested YAML (600 levels)", "rules: " + "[" * 600 + "]" * 600 + "\n", None),
        ("integer with 5,000 digits", v.replace("approx_tolerance: 0.10", "approx_tolerance: " + "9" * 5000), None),
    ]
    cases = [Case("rules", title, rules_case(text), judge or coded_exit_2()) for title, text, judge in rc]
    cases.append(Case("rules", "duplicate rule code in two files",
                      rules_case(v, {"other.yaml": v.replace("test-conflict", "test-other")}), coded_exit_2()))
    for title, template in (("message template: attribute access {property.nope}", "{property.nope}"),
                            ("message template: format spec {property:d}", "{property:d}")):
        cases.append(Case("rules", title + " (with a finding to render)",
                          rules_case(v.replace("{property}:", template + ":"), conflict=True), coded_exit_2()))
    cases.append(Case("rules", "!!python/object/apply inside examples",
                      rules_case(v + '    examples: {fail: [!!python/object/apply:os.system ["echo pwned"]]}\n'),
                      lambda r: ("BUG", "accepted silently (not executed, but not rejected)")
                      if r.returncode in (0, 1) and not failure(r) else coded_exit_2()(r)))
    cases.append(Case("rules", "!!python/name inside examples, then `rules --explain`",
                      rules_case(v + "    examples: {pass: [!!python/name:os.system '']}\n", explain=True),
                      lambda r: coded_exit_2()(r) if r.returncode != 0 or failure(r) else ("ok", "shown as data")))
    aliases = "entities:\n  freedonia:\n    type: place\n    variants: [Freedonia]\n"
    for title, text in (("aliases.yaml: unknown entity type", aliases.replace("type: place", "type: planet")),
                        ("aliases.yaml: part_of an unknown entity", aliases + "    part_of: atlantis\n"),
                        ("aliases.yaml: YAML syntax error", aliases.replace("[Freedonia]", "[Freedonia"))):
        cases.append(Case("rules", title, rules_case(v, {"aliases.yaml": text}), coded_exit_2()))
    for title, text in (("corpus.yaml: YAML syntax error", "documents:\n  a.txt: {title: [oops}\n"),
                        ("corpus.yaml: an entry that is a string", 'documents:\n  a.txt: "a title"\n'),
                        ("corpus.yaml: published: yesterday", 'documents:\n  a.txt: {published: "yesterday"}\n'),
                        ("corpus.yaml: documents is a list", "documents: [a.txt]\n")):
        cases.append(Case("config", title, corpus_meta(text), coded_exit_2(position=False)))
    for title, value in (("--max-doc-mb inf", "inf"), ("--max-doc-mb nan", "nan"), ("--max-doc-mb -1", "-1")):
        cases.append(Case("config", title, build_limit(value),
                          lambda r: coded_exit_2("E", position=False)(r) if r.returncode != 0 or failure(r)
                          else ("BUG", "accepted: every document skipped, exit 0")))
    return cases


# --- output, interrupts, hostile content -------------------------------------------

def output_case(kind: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        corpus_with(base)
        if kind == "parent-is-file":
            (base / "blocker").write_text("x\n", encoding="utf-8")
            return {"args": ["check", "corpus", "--rules", str(RULES), "--json", "blocker/findings.json",
                             "--no-cache", "--format", "none"]}
        if kind == "target-is-dir":
            (base / "out" / "findings.json").mkdir(parents=True)
            return {"args": check_args(fmt="none")}
        (base / "out").mkdir()
        (base / "out" / "findings.json").write_text('{"previous": "report"}\n', encoding="utf-8")
        return {"args": check_args(fmt="none"), "env": {"FCB_DISK_FULL": "1"}}
    return build


def judge_disk_full(res: Result) -> tuple[str, str]:
    verdict, note = coded_exit_2("E4", position=False)(res)
    prev = (res.base / "out" / "findings.json").read_text(encoding="utf-8")
    temps = [p.name for p in (res.base / "out").iterdir() if p.name.endswith(".tmp")]
    if prev != '{"previous": "report"}\n' or temps:
        return "BUG", "previous report changed or temp file left"
    return verdict, note + "; previous report intact, no temp file"


_KILL_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from factcheck.report import io
    real = os.fsync
    def fsync(fd):
        real(fd)
        print("READY", flush=True)
        time.sleep(600)
    io.os.fsync = fsync
    io.write_atomic(Path(sys.argv[1]), '{"new": "' + "x" * 5_000_000 + '"}\\n')
    """
)


def run_kill(base: Path, opts: dict) -> Result:
    report = base / "out" / "findings.json"
    report.parent.mkdir()
    report.write_text('{"previous": "report"}\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _KILL_WRITER, str(report)], stdout=subprocess.PIPE, text=True)
    ready = proc.stdout.readline().strip() == "READY"
    proc.kill()
    proc.wait()
    proc.stdout.close()
    temps = sorted(p.name for p in report.parent.iterdir() if p != report)
    return Result(proc.returncode, base=base, extra={"ready": ready, "intact": report.read_text() == '{"previous": "report"}\n',
                                                     "temps": temps})


def judge_kill(res: Result) -> tuple[str, str]:
    if not res.extra["ready"] or not res.extra["intact"]:
        return "BUG", "previous report not intact"
    if res.extra["temps"]:
        return "minor", f"previous report intact; the killed run's temp file stays ({len(res.extra['temps'])} left)"
    return "ok", "previous report intact"


def run_ctrl_c(base: Path, opts: dict) -> Result:
    import select

    corpus = base / "corpus"
    corpus.mkdir()
    for i in range(40):
        shutil.copyfile(SEED, corpus / f"doc{i:02d}.txt")
    (base / "out").mkdir()
    (base / "out" / "findings.json").write_text('{"previous": "report"}\n', encoding="utf-8")
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *check_args(fmt="none")], cwd=base,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while b"reading doc01" not in seen and time.monotonic() < deadline and proc.poll() is None:
        if select.select([master], [], [], 2)[0]:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(timeout=120)
    tail = b""
    while select.select([master], [], [], 1)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        tail += chunk
    os.close(master)
    proc.stdout.close()
    text = re.sub(r"\x1b\[[0-9;]*m", "", tail.decode(errors="replace")).replace("\r", "")
    intact = (base / "out" / "findings.json").read_text() == '{"previous": "report"}\n'
    return Result(rc, stderr=text, base=base, extra={"intact": intact})


def judge_ctrl_c(res: Result) -> tuple[str, str]:
    if res.returncode != 130 or "Traceback" in res.stderr or not res.extra["intact"]:
        return "BUG", f"exit {res.returncode}"
    if not res.stderr.strip():
        return "minor", "exit 130, previous report intact, but nothing is printed (typer returns 130 itself)"
    return "ok", "exit 130, previous report intact"


def shows_ctrl_c(res: Result) -> str:
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    return lines[-1] if lines else "(no message)"


HOSTILE_NAME = "b <img src=x onerror=alert(2)>\x1b]0;pwned\x07\u202e [x](javascript:alert(3)).txt"
MARKUP_NAME = "d [bold red]markup.txt"  # rich console markup (a file name cannot hold "/")


def hostile_corpus(base: Path) -> None:
    corpus = corpus_with(base, seed=False)
    shutil.copyfile(BAD / "hostile.txt", corpus / "a.txt")
    (corpus / HOSTILE_NAME).write_text(SMALL.format(n=900), encoding="utf-8")
    (corpus / "c.txt").write_text(SMALL.format(n=700), encoding="utf-8")  # so the hostile name leads a finding
    (corpus / MARKUP_NAME).write_text(SMALL.format(n=600), encoding="utf-8")


def hostile(view: str) -> Callable[[Path], dict]:
    def build(base: Path) -> dict:
        hostile_corpus(base)
        if view == "terminal":
            return {"args": check_args(), "view": view}
        if view in ("html", "sarif"):
            return {"args": check_args("--sarif", "out/report.sarif", fmt="none"), "view": view}
        if view == "github":
            return {"args": check_args(fmt="github"), "view": view}
        if view == "claims":
            return {"args": ["claims", "corpus", "--rules", str(RULES)], "view": view}
        if view == "inspect":
            return {"args": ["inspect", f"corpus/{HOSTILE_NAME}"], "view": view}
        # diff and markdown: compare an empty report with a real one
        run_factcheck(base, {"args": check_args(fmt="none")})
        report = json.loads((base / "out" / "findings.json").read_text(encoding="utf-8"))
        (base / "empty.json").write_text(json.dumps({**report, "findings": []}), encoding="utf-8")
        return {"args": ["diff", "empty.json", "out/findings.json", "--markdown", "out/diff.md"], "view": view}
    return build


class _HTMLAudit(HTMLParser):
    """Tags with their attributes, and the text a reader sees (outside script and style)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def judge_hostile(res: Result) -> tuple[str, str]:
    bad = failure(res)
    if bad:
        return "BUG", bad
    view = res.extra["view"]
    if view == "html":
        audit = _HTMLAudit()
        audit.feed((res.base / "out" / "report.html").read_text(encoding="utf-8"))
        live = [t for t, a in audit.tags if t in ("img", "iframe", "object", "embed", "base")
                or any(k.startswith("on") for k in a) or (t == "script" and "src" in a)]
        raw = unsafe("".join(audit.text))
        if live or raw:
            return "BUG", f"live markup {live}" if live else f"raw {', '.join(raw)} in visible text"
        note = "markup shown as text; controls shown as \\x1b, \\u202e"
        raw_attr = unsafe("".join(v or "" for _, a in audit.tags for v in a.values()))
        if raw_attr:
            note += f" (raw {', '.join(raw_attr)} remain inside attribute values such as data-doc, not displayed)"
        return "ok", note
    if view == "sarif":
        text = (res.base / "out" / "report.sarif").read_text(encoding="utf-8")
        strings = json.dumps(json.loads(text), ensure_ascii=False)
        if unsafe(strings) or re.search(r"(?<!\\)\]\(javascript:", strings):
            return "BUG", "raw controls or a live link"
        return "ok", "controls escaped, brackets escaped"
    if view == "markdown":
        text = (res.base / "out" / "diff.md").read_text(encoding="utf-8")
        if unsafe(text) or re.search(r"(?<!\\)<(?!br>)", text) or re.search(r"(?<!\\)\]\(javascript:", text):
            return "BUG", "raw controls or live markup"
        return "ok", "escaped"
    out = res.stdout + res.stderr
    raw = unsafe(out)
    notes = []
    if raw:
        notes.append(f"raw {', '.join(raw)} reach the terminal (a file name can retitle or recolour it)")
    if view in ("terminal", "claims", "diff") and "[bold red]markup" not in out:
        notes.append("console markup in a file name is obeyed ('[bold red]' restyles, '[link=...]' links)")
    if notes:
        return "BUG", "; ".join(notes)
    return "ok", "controls shown as \\x1b, \\u202e; markup shown as text"


def shows_hostile(res: Result) -> str:
    view = res.extra["view"]
    if res.timed_out or res.traceback_line():
        return shows_default(res)
    if view == "html":
        text = (res.base / "out" / "report.html").read_text(encoding="utf-8")
        m = re.search(r"[^<>]{0,40}&lt;script&gt;alert\(&#34;xss&#34;\)&lt;/script&gt;", text)
        return "HTML source: " + m.group(0) if m else "(see report.html)"
    if view == "sarif":
        sarif = json.loads((res.base / "out" / "report.sarif").read_text(encoding="utf-8"))
        results = sarif["runs"][0]["results"]
        return results[0]["message"]["text"] if results else "(no results)"
    if view == "markdown":
        rows = [ln for ln in (res.base / "out" / "diff.md").read_text(encoding="utf-8").splitlines() if "img" in ln]
        return rows[0] if rows else "(no row)"
    if view == "github":
        return res.stdout.splitlines()[0] if res.stdout.strip() else "(nothing)"
    if view == "inspect":  # the table title (the file name) wraps over the first lines
        return " ".join(ln.strip() for ln in res.stdout.splitlines()[:3])
    lines = [ln.strip() for ln in res.stdout.splitlines() if "pwned" in ln]
    raw = [ln for ln in lines if unsafe(ln)]
    return (raw or lines or ["(no line with the file name)"])[0]


def other_cases() -> list[Case]:
    return [
        Case("document", "200 MB text file (default limit)", build_huge, judge_huge,
             lambda r: shows_default(r, "huge.txt")),
        Case("document", "1.5 MB file with --max-doc-mb 1", build_limit("1"), skipped("W104"),
             lambda r: shows_default(r, "big.txt")),
        Case("document", "a 1 MB line of prose (one run-on sentence)", long_line, judge_long_line,
             lambda r: shows_default(r, "long-line.txt")),
        Case("document", "a statistical appendix: 200,000 bare numbers in rows", number_table, judge_number_table,
             lambda r: shows_default(r, "appendix.txt")),
        Case("document", "one line of 3,000 dated sentences (6,000 figures)", dense_list, judge_dense_list,
             lambda r: shows_default(r, "dense.txt")),
        Case("document", "a 150 KB line of base64-like letters", letters_line,
             lambda r: ("BUG", "quadratic regex in repair.step_dehyphenate: still running after 60 s")
             if r.timed_out else judge_long_line(r, "blob.txt"), lambda r: shows_default(r, "blob.txt")),
        Case("document", "folders 10 deep", nested(10), judge_nested),
        Case("document", "folders 40 deep", nested(40), judge_nested, lambda r: shows_default(r, "deep.txt")),
        Case("document", "symlink to a file outside the corpus", symlinks("file"), judge_symlink),
        Case("document", "symlink to a folder outside the corpus", symlinks("dir"), judge_symlink),
        Case("document", "dangling symlink", symlinks("dangling"), judge_symlink, shows_dangling),
        Case("document", "symlink loop (sub/loop -> ..)", symlinks("loop"), judge_symlink),
        Case("document", "FIFO named pipe.txt", fifo,
             lambda r: ("BUG", "blocks forever in open()") if r.timed_out else skipped("W108")(r)),
        Case("document", "unreadable file (EACCES, simulated: patched open)", deny("file"), skipped("W105")),
        Case("document", "unreadable folder (EACCES, simulated: patched scandir)", deny("dir"), judge_deny_dir,
             lambda r: shows_default(r, "locked")),
        Case("document", "corpus path that does not exist", missing_corpus, judge_missing_corpus,
             lambda r: shows_default(r, "no-such-corpus")),
        Case("document", "the same conflicting figure 100 times in one file", repeated, judge_repeated, shows_repeated),
        Case("document", "an empty file, run with --format none (as in CI)",
             lambda b: {**bad_file("empty.txt")(b), "args": check_args(fmt="none")},
             lambda r: ("minor", "the W102 is only in findings.json/SARIF/HTML; nothing on the console")
             if not (r.stdout + r.stderr).strip() and not failure(r) else ("ok", "warned on the console"),
             lambda r: (r.stdout + r.stderr).strip() or "(nothing on stdout or stderr)"),
        Case("cache", "a planted .factcheck-cache entry (pickle)", planted_cache, judge_cache,
             lambda r: shows_default(r)),
        Case("output", "--json under a path that is a file", output_case("parent-is-file"),
             coded_exit_2("E4", position=False)),
        Case("output", "--json path is a directory", output_case("target-is-dir"), coded_exit_2("E4", position=False)),
        Case("output", "disk full while writing (ENOSPC, simulated)", output_case("disk-full"), judge_disk_full),
        Case("output", "SIGKILL after the temp file is written, before the rename", lambda b: {}, judge_kill,
             lambda r: f"previous report intact: {r.extra['intact']}; left behind: "
                       f"{', '.join(r.extra['temps']) or 'nothing'}", run_kill),
        Case("output", "Ctrl-C (SIGINT) while documents are read", lambda b: {}, judge_ctrl_c, shows_ctrl_c, run_ctrl_c),
        Case("hostile", "HTML/JS, Markdown, ANSI, bidi in text and file name: HTML report", hostile("html"),
             judge_hostile, shows_hostile),
        Case("hostile", "… SARIF", hostile("sarif"), judge_hostile, shows_hostile),
        Case("hostile", "… terminal summary (`check`)", hostile("terminal"), judge_hostile, shows_hostile),
        Case("hostile", "… GitHub annotations (`--format github`)", hostile("github"), judge_hostile, shows_hostile),
        Case("hostile", "… Markdown (`diff --markdown`)", hostile("markdown"), judge_hostile, shows_hostile),
        Case("hostile", "… `factcheck diff` on the terminal", hostile("diff"), judge_hostile, shows_hostile),
        Case("hostile", "… `factcheck claims` table", hostile("claims"), judge_hostile, shows_hostile),
        Case("hostile", "… `factcheck inspect`", hostile("inspect"), judge_hostile, shows_hostile),
    ]


# --- the table --------------------------------------------------------------------------

def visible(text: str) -> str:
    """Control and bidi characters made visible, so the Markdown file itself stays inert."""
    out = []
    for c in text:
        if unsafe(c):
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def cell(text: str, code: bool = False) -> str:
    text = visible(text).replace("\n", " ")
    if len(text) > 400:
        text = text[:400] + "…"
    if code:
        text = text.replace("`", "'")
        return "`" + text.replace("|", "\\|") + "`"
    return text.replace("|", "\\|")


def run_case(case: Case) -> tuple[Case, Result, str, str, str]:
    base = Path(tempfile.mkdtemp(prefix="fc-bad-"))
    try:
        opts = case.build(base)
        res = case.runner(base, opts) if case.runner else run_factcheck(base, opts)
        res.extra.update({k: v for k, v in opts.items() if k not in ("args", "env", "timeout")})
        verdict, note = case.judge(res)
        shows = case.shows(res) if case.shows else shows_default(res, opts.get("name"))
        return case, res, verdict, note, shows
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "bad-input.md")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--only", default="", help="run only cases whose title contains this")
    args = ap.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="fc-seed-"))
    corpus_with(base)
    ref = run_factcheck(base, {"args": check_args(fmt="none")})
    SEED_CLAIMS[:] = seed_claims(ref)
    shutil.rmtree(base, ignore_errors=True)
    if not SEED_CLAIMS:
        sys.stderr.write("the seed document gave no claims; is the spaCy model installed?\n" + ref.stderr)
        return 2

    cases = doc_cases() + other_cases() + rule_cases()
    if args.only:
        cases = [c for c in cases if args.only.lower() in c.title.lower()]
    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run_case, cases))
    counts: dict[str, int] = {}
    rows = []
    for i, (case, res, verdict, note, shows) in enumerate(results, 1):
        counts[verdict] = counts.get(verdict, 0) + 1
        exit_code = "hang" if res.timed_out else str(res.returncode)
        rows.append(f"| {i} | {case.group} | {cell(case.title)} | {exit_code} | {cell(shows, code=True)} | "
                    f"**{verdict}** {cell(note)} |")
        sys.stderr.write(f"{i:3} {verdict:5} {case.title}\n")
    summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
    text = HEADER.format(n=len(rows), summary=summary, seed=SEED.name, seed_claims=len(SEED_CLAIMS)) + \
        "| # | kind | bad input | exit | what the user sees | verdict |\n|---|---|---|---|---|---|\n" + \
        "\n".join(rows) + "\n" + FOOTER
    if args.only:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {args.out} ({len(rows)} cases: {summary}) in {time.monotonic() - t0:.0f} s\n")
    return 0


HEADER = """\
# Bad input, faults and hostile content: what the user sees

Generated by `python bench/bad_inputs_table.py` (re-run it after a fix); every
row is a real run of `python -m factcheck` in a temporary folder, with
relative paths, `COLUMNS=1000` so that nothing wraps. The bad files are in
`tests/data/bad/`; big files, symlinks, FIFOs, deep folders and hostile file
names are made at run time. The same cases are asserted in
`tests/test_bad_input.py`, `tests/test_atomic.py` and
`tests/engine/test_spec.py` (known bugs as `xfail(strict=True)`).

- *what the user sees*: for a document, the line of the terminal summary's
  "Input problems" block (the same code, path and message are in
  `findings.json` "problems" and in SARIF `toolExecutionNotifications`); for
  a rule, config or output error, the `error: [E...]` line on stderr; for a
  crash, the last line of the traceback. Control characters are shown here
  as `\\x1b`, `\\u202e`.
- *verdict*: **ok**; **BUG**: a traceback, a hang, a wrong exit code, a lost
  document, raw control characters reaching a viewer, code executed;
  **minor**: it works, but the message or the position is off. Document rows
  put the seed document `{seed}` ({seed_claims} claims) next to the bad one;
  "ok" includes "its claims are exactly those of a clean run".

{n} cases: {summary}.

"""

FOOTER = """
Simulated faults: "unreadable" rows patch `open()`/`os.scandir` to raise
EACCES (the table is generated as root, who can read any file); "disk full"
patches `os.fsync` to raise ENOSPC; the SIGKILL row pauses a writer right
after `fsync` and kills it. The Ctrl-C row runs on a pseudo-terminal so the
progress lines show when documents are being read, then sends SIGINT.
"""


if __name__ == "__main__":
    raise SystemExit(main())
