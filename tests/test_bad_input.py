"""Bad documents, faults and hostile content, end to end.

factcheck reads documents other people wrote. Whatever a document holds,
the run goes on: each problem is a coded warning naming the file (W1xx),
that document is skipped or partly read, every other document is still
checked, and the report's "problems" list says what was skipped and why.

The committed bad corpus is tests/data/bad/ (small files, one problem
each). Big files, symlinks, FIFOs, deep folders, unreadable files and
hostile file names are made at run time. Two seed documents from
./corpus are checked next to the bad ones: their claims and findings must
be exactly those of a clean run.

Known bugs are xfail(strict=True) tests whose reason starts with "BUG".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factcheck
from factcheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
BAD = ROOT / "tests" / "data" / "bad"
SEEDS = [ROOT / "corpus" / "001_45fd513b6608deaf.txt", ROOT / "corpus" / "002_c59ff3a5fbf1d2f8.txt"]
DOC_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HUGE = 200 * 1024 * 1024

# A claim no document in the corpus makes: if it shows up, a symlink was followed out of the corpus.
OUTSIDE_TEXT = "Outside\n\nIn 2015 there were 31337 robotics clubs in Atlantis, and more of them every year.\n"
SMALL_DOC = "Robotics clubs in Freedonia\n\nIn 2015 there were {n} robotics clubs in Freedonia. They met every week.\n"


# --- helpers ----------------------------------------------------------------

def is_unsafe(ch: str) -> bool:
    """A character a viewer must not receive raw: C0/C1 controls, bidi controls, line separators."""
    if ch in "\n\t":
        return False
    return unicodedata.category(ch) == "Cc" or ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
        "\u2066\u2067\u2068\u2069\u2028\u2029"


def raw_unsafe(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if is_unsafe(c)})


# The wrapper reports how many bytes the run read (/proc/self/io rchar), so a
# test can show that a 200 MB document was refused without being read.
_WRAPPER = """
import atexit, runpy, sys
def _report():
    try:
        with open('/proc/self/io') as fh:
            io = dict(line.split(': ') for line in fh.read().splitlines())
        sys.stderr.write('FACTCHECK_TEST_RCHAR=' + io['rchar'].strip() + '\\n')
    except OSError:
        pass
atexit.register(_report)
sys.argv = ['factcheck'] + sys.argv[1:]
runpy.run_module('factcheck', run_name='__main__')
"""


class Run:
    def __init__(self, proc: subprocess.CompletedProcess, json_path: Path):
        self.base = json_path.parent.parent
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        m = re.search(r"^FACTCHECK_TEST_RCHAR=(\d+)\n", proc.stderr, re.M)
        self.rchar = int(m.group(1)) if m else None
        self.stderr = re.sub(r"^FACTCHECK_TEST_RCHAR=\d+\n", "", proc.stderr, flags=re.M)
        self.report = json.loads(json_path.read_text(encoding="utf-8")) if json_path.exists() else None

    def problems(self, path: str) -> list[dict]:
        return [p for p in self.report["problems"] if p["path"] == path]

    def doc_ids(self) -> set[str]:
        return {d["id"] for d in self.report["documents"]}

    def claims(self, doc: str) -> list[dict]:
        return [c for c in self.report["claims"] if c["doc"] == doc]


def run_check(cwd: Path, corpus: str = "corpus", *extra: str, out: str = "out", env: dict | None = None,
              timeout: float = 300) -> Run:
    """`python -m factcheck check` in a subprocess, run from cwd with a relative corpus path."""
    json_path = cwd / out / "findings.json"
    args = [sys.executable, "-c", _WRAPPER, "check", corpus, "--rules", str(RULES), "--json", str(json_path),
            "--html", str(cwd / out / "report.html"), "--no-cache", *extra]
    if "--format" not in extra:
        args += ["--format", "none"]
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "400", **(env or {})})
    return Run(proc, json_path)


def run_main(monkeypatch, capsys, argv: list[str]) -> tuple[int, str, str]:
    """factcheck's console entry point in-process (the spaCy model loads once per session)."""
    from factcheck.cli import main

    monkeypatch.setattr(sys, "argv", ["factcheck", *argv])
    with pytest.raises(SystemExit) as info:
        main()
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def without_ids(items: list[dict]) -> list[str]:
    """Claims or findings compared across runs: ids are renumbered, everything else must match."""
    out = []
    for item in items:
        item = {k: v for k, v in item.items() if k not in ("id", "claims", "claim", "cluster")}
        if "evidence" in item:  # paths are shown relative to the working directory, which differs
            item["evidence"] = [{k: v for k, v in e.items() if k not in ("claim", "path")} for e in item["evidence"]]
        out.append(json.dumps(item, sort_keys=True))
    return sorted(out)


def copy_seeds(corpus: Path) -> None:
    for seed in SEEDS:
        shutil.copyfile(seed, corpus / seed.name)


def small_corpus(tmp_path: Path, **docs: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


# --- the bad corpus, run once ---------------------------------------------

def build_bad_corpus(base: Path) -> Path:
    """tests/data/bad + two seed documents + the inputs that cannot be committed."""
    corpus = base / "corpus"
    shutil.copytree(BAD, corpus)
    copy_seeds(corpus)
    # 200 MB, sparse: costs no disk, and reading it would show in rchar
    with open(corpus / "huge.txt", "wb") as fh:
        fh.truncate(HUGE)
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE_TEXT, encoding="utf-8")
    os.symlink(outside / "secret.txt", corpus / "outside-link.txt")
    os.symlink(outside, corpus / "outside-dir")
    os.symlink("missing.txt", corpus / "dangling.txt")
    os.symlink("crlf.txt", corpus / "inside-link.txt")
    nested = corpus.joinpath(*[f"level{i}" for i in range(10)])
    nested.mkdir(parents=True)
    (nested / "nested.txt").write_text(SMALL_DOC.format(n=400), encoding="utf-8")
    os.symlink("../..", nested / "loop")  # a directory symlink cycle
    return corpus


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> Run:
    base = tmp_path_factory.mktemp("bad")
    build_bad_corpus(base)
    return run_check(base, "corpus", "--fail-on", "never", "--sarif", str(base / "out" / "report.sarif"),
                     "--format", "terminal")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> dict:
    """The two seed documents alone, through the Python API."""
    corpus = tmp_path_factory.mktemp("seed") / "corpus"
    corpus.mkdir()
    copy_seeds(corpus)
    return factcheck.check([corpus], RULES)


def test_run_completes_without_traceback(bad_run):
    assert bad_run.returncode == ExitCode.OK, bad_run.stderr
    assert "Traceback" not in bad_run.stderr
    assert bad_run.report is not None


# (file, code, a phrase of the message)
SKIPPED = [
    ("empty.txt", "W102", "empty document"),
    ("blank.txt", "W102", "empty document"),
    ("pdf-bytes.txt", "W101", "looks like PDF, not text; skipped"),
    ("image.txt", "W101", "looks like PNG image, not text; skipped"),
    ("binary-blob.txt", "W101", "binary data"),
    ("huge.txt", "W104", "200.0 MiB is over the "),
    ("outside-link.txt", "W106", "symlink points outside the corpus; not followed"),
]


@pytest.mark.parametrize("name, code, phrase", SKIPPED)
def test_skipped_document_is_a_coded_problem(bad_run, name, code, phrase):
    path = f"corpus/{name}"
    problems = bad_run.problems(path)
    assert [p["code"] for p in problems] == [code], bad_run.report["problems"]
    assert phrase in problems[0]["message"]
    assert name not in bad_run.doc_ids()


# (file, code, a phrase of the message): read, with a warning
PARTLY_READ = [
    ("latin1.txt", "W103", "not valid UTF-8 (byte 3); read as "),
    ("mostly-utf8.txt", "W103", "invalid UTF-8 byte(s)"),
    ("nul-bytes.txt", "W107", "3 NUL bytes removed"),
]


@pytest.mark.parametrize("name, code, phrase", PARTLY_READ)
def test_partly_read_document_is_a_coded_problem_and_still_checked(bad_run, name, code, phrase):
    problems = bad_run.problems(f"corpus/{name}")
    assert code in [p["code"] for p in problems]
    assert any(phrase in p["message"] for p in problems)
    assert name in bad_run.doc_ids()


@pytest.mark.parametrize("name", ["latin1.txt", "nul-bytes.txt", "crlf.txt", "cr-only.txt", "utf8-bom.txt",
                                  "utf16-bom.txt", "utf16be-bom.txt", "name with spaces üß 文.txt",
                                  "inside-link.txt", "level0/level1/level2/level3/level4/level5/level6/level7/"
                                                     "level8/level9/nested.txt"])
def test_readable_document_keeps_its_claim_at_the_right_place(bad_run, name):
    quotes = {(c["quote"], c["line"], c["column"]) for c in bad_run.claims(name)}
    assert ("400", 3, 20) in quotes


def test_utf16_without_bom_is_read_or_reported(bad_run):
    """Today it is skipped as "binary data" (no BOM, half the bytes NUL); reading it would be better."""
    read = ("400", 3, 20) in {(c["quote"], c["line"], c["column"]) for c in bad_run.claims("utf16-nobom.txt")}
    assert read or [p["code"] for p in bad_run.problems("corpus/utf16-nobom.txt")] == ["W101"]


def test_html_document_keeps_body_text_only(bad_run):
    quotes = {c["quote"] for c in bad_run.claims("page.html")}
    assert "400" in quotes
    assert not quotes & {"999", "777"}  # inside <script> and <!-- -->


def test_seed_documents_are_checked_exactly_as_alone(bad_run, seed_report):
    for seed in SEEDS:
        assert without_ids(bad_run.claims(seed.name)) == without_ids(
            [c for c in seed_report["claims"] if c["doc"] == seed.name])
    assert seed_report["findings"], "the seed pair should have a finding to compare"
    seeds = {s.name for s in SEEDS}
    bad_findings = [f for f in bad_run.report["findings"] if {e["doc"] for e in f["evidence"]} <= seeds]
    assert without_ids(bad_findings) == without_ids(seed_report["findings"])
    assert {f["fingerprint"] for f in seed_report["findings"]} <= {f["fingerprint"] for f in bad_findings}


def test_every_document_file_is_checked_or_reported(bad_run):
    """Nothing is lost silently: each document file is in "documents" or in "problems"."""
    reported = bad_run.doc_ids() | {p["path"].removeprefix("corpus/") for p in bad_run.report["problems"]}
    base = bad_run.base
    expected = set()
    for dirpath, dirnames, filenames in os.walk(base / "corpus"):  # no followlinks: as the tool
        for name in filenames:
            if name.lower().endswith(DOC_SUFFIXES):
                expected.add((Path(dirpath) / name).relative_to(base / "corpus").as_posix())
    expected.discard("dangling.txt")  # reported under its target's name: see the xfail below
    assert expected <= reported, expected - reported


def test_dangling_symlink_is_w105(bad_run):
    problems = [p for p in bad_run.report["problems"] if p["code"] == "W105"]
    assert [p["message"] for p in problems] == ["cannot stat: No such file or directory"]


def test_symlink_problem_names_the_link(bad_run):
    assert [p["code"] for p in bad_run.problems("corpus/dangling.txt")] == ["W105"]
    assert {d["path"] for d in bad_run.report["documents"] if d["id"] == "inside-link.txt"} == {
        "corpus/inside-link.txt"}


def test_the_200mb_document_is_refused_without_being_read(bad_run):
    if bad_run.rchar is None:
        pytest.skip("/proc/self/io is not available")
    assert bad_run.rchar < HUGE, f"the run read {bad_run.rchar} bytes"


def test_symlinks_never_lead_outside_the_corpus(bad_run):
    quotes = {c["quote"] for c in bad_run.report["claims"]}
    assert "31337" not in quotes
    assert not any("outside-dir" in d for d in bad_run.doc_ids())


def test_problems_are_coded_and_sorted(bad_run):
    problems = bad_run.report["problems"]
    assert all(re.fullmatch(r"W1\d\d", p["code"]) for p in problems)
    assert problems == sorted(problems, key=lambda p: (p["path"], p["code"], p["message"]))


def test_terminal_summary_lists_every_problem(bad_run):
    for p in bad_run.report["problems"]:
        assert f"  {p['code']} {p['path']}: {p['message']}" in bad_run.stdout


def test_sarif_lists_every_problem(bad_run):
    sarif = json.loads((bad_run.base / "out" / "report.sarif").read_text(encoding="utf-8"))
    notes = [n for inv in sarif["runs"][0].get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
    assert sorted(n["descriptor"]["id"] for n in notes) == sorted(p["code"] for p in bad_run.report["problems"])


def test_the_200mb_message_says_how_to_raise_the_limit(bad_run):
    assert bad_run.problems("corpus/huge.txt")[0]["message"].endswith("; skipped (raise it with --max-doc-mb)")


def test_the_limit_is_shown_as_configured(bad_run):
    assert "over the 50 MiB limit" in bad_run.problems("corpus/huge.txt")[0]["message"]


def test_one_bad_byte_does_not_lose_the_document(bad_run):
    assert "W108" not in [p["code"] for p in bad_run.problems("corpus/mostly-utf8.txt")]
    claims = bad_run.claims("mostly-utf8.txt")
    assert ("400", 3, 20) in {(c["quote"], c["line"], c["column"]) for c in claims}


def test_utf32_document_has_right_columns(bad_run):
    quotes = {(c["quote"], c["line"], c["column"]) for c in bad_run.claims("utf32-bom.txt")}
    assert ("400", 3, 20) in quotes


def test_a_damaged_pdf_in_the_corpus_is_reported(bad_run):
    assert [p["code"] for p in bad_run.problems("corpus/paper.pdf")] == ["W113"]


def test_symlinked_directory_outside_is_reported(bad_run):
    assert [p["code"] for p in bad_run.problems("corpus/outside-dir")] == ["W106"]


@pytest.fixture(scope="module")
def plain_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The literal command line: python -m factcheck check ... --no-cache --format none."""
    base = tmp_path_factory.mktemp("plain")
    corpus = base / "corpus"
    corpus.mkdir()
    for name in ("empty.txt", "pdf-bytes.txt", "latin1.txt"):
        shutil.copyfile(BAD / name, corpus / name)
    (corpus / "a.txt").write_text(SMALL_DOC.format(n=400), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(corpus), "--rules", str(RULES),
                           "--json", str(base / "findings.json"), "--html", str(base / "report.html"),
                           "--no-cache", "--format", "none"], capture_output=True, text=True, timeout=300)
    return base, proc


def test_plain_command_line(plain_run):
    base, proc = plain_run
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    report = json.loads((base / "findings.json").read_text(encoding="utf-8"))
    assert {(p["code"], Path(p["path"]).name) for p in report["problems"]} == {
        ("W102", "empty.txt"), ("W101", "pdf-bytes.txt"), ("W103", "latin1.txt")}
    assert {d["id"] for d in report["documents"]} == {"a.txt", "latin1.txt"}
    assert "400" in {c["quote"] for c in report["claims"] if c["doc"] == "a.txt"}


def test_plain_command_line_warns_on_stderr(plain_run):
    base, proc = plain_run
    for name in ("empty.txt", "pdf-bytes.txt", "latin1.txt"):
        assert re.search(rf"W1\d\d\]? \S*{re.escape(name)}: ", proc.stderr), proc.stderr


# --- size limit -------------------------------------------------------------

def sparse(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)


def test_max_doc_mb_option_sets_the_limit(tmp_path):
    corpus = small_corpus(tmp_path)
    sparse(corpus / "big.txt", 1_500_000)
    over = run_check(tmp_path, "corpus", "--max-doc-mb", "1")
    assert over.returncode == 0, over.stderr
    problems = over.problems("corpus/big.txt")
    assert [p["code"] for p in problems] == ["W104"]
    assert re.fullmatch(r"[\d.]+ MiB is over the 1 MiB limit; skipped \(raise it with --max-doc-mb\)",
                        problems[0]["message"])
    under = run_check(tmp_path, "corpus", "--max-doc-mb", "2", out="out2")
    assert [p["code"] for p in under.problems("corpus/big.txt")] == ["W101"]  # read, and found to be NULs


def test_max_doc_mb_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nmax_doc_mb = 1\n", encoding="utf-8")
    corpus = small_corpus(tmp_path)
    sparse(corpus / "big.txt", 1_500_000)
    run = run_check(tmp_path, "corpus")
    assert [p["code"] for p in run.problems("corpus/big.txt")] == ["W104"]


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_max_doc_mb_non_finite_is_a_usage_error(tmp_path, value):
    small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400)})
    run = run_check(tmp_path, "corpus", "--max-doc-mb", value)
    assert "Traceback" not in run.stderr
    assert run.returncode == ExitCode.USAGE


def test_max_doc_mb_negative_is_a_usage_error(tmp_path):
    small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400)})
    run = run_check(tmp_path, "corpus", "--max-doc-mb", "-1")
    assert run.returncode == ExitCode.USAGE


# --- corpus paths, folders, special files ---------------------------------

def test_missing_corpus_path_is_an_input_error(tmp_path):
    run = run_check(tmp_path, "no-such-corpus")
    assert run.returncode == ExitCode.USAGE
    assert "no-such-corpus" in run.stderr


def test_deeply_nested_document_is_not_lost(tmp_path):
    corpus = small_corpus(tmp_path)
    deep = corpus.joinpath(*[f"d{i}" for i in range(40)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(SMALL_DOC.format(n=400), encoding="utf-8")
    report = factcheck.check([corpus], RULES)
    doc = "/".join(f"d{i}" for i in range(40)) + "/deep.txt"
    assert doc in {d["id"] for d in report["documents"]} or any(doc in p["path"] for p in report["problems"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_fifo_in_the_corpus_does_not_hang(tmp_path):
    from factcheck.api import prepare

    corpus = small_corpus(tmp_path)
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    result = {}
    worker = threading.Thread(target=lambda: result.update(p=prepare([corpus], RULES)), daemon=True)
    worker.start()
    worker.join(10)  # a guard against a hang, not a timing assertion
    hung = worker.is_alive()
    if hung:  # unblock the reader so the thread ends
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(30)
    assert not hung
    assert [p.code for p in result["p"].problems if p.path.endswith("pipe.txt")]


def test_unreadable_file_is_w105_and_the_rest_is_checked(tmp_path, monkeypatch):
    from factcheck.ingest import load as L

    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400), "locked.txt": SMALL_DOC.format(n=900)})
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(L, "open", guarded_open, raising=False)
    report = factcheck.check([corpus], RULES)
    assert [(p["code"], p["message"]) for p in report["problems"] if p["path"].endswith("locked.txt")] == [
        ("W105", "cannot read: Permission denied")]
    assert {d["id"] for d in report["documents"]} == {"a.txt"}
    assert "400" in {c["quote"] for c in report["claims"]}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_permissions(tmp_path):
    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400), "locked.txt": SMALL_DOC.format(n=900)})
    (corpus / "locked.txt").chmod(0)
    try:
        run = run_check(tmp_path, "corpus")
    finally:
        (corpus / "locked.txt").chmod(0o644)
    assert run.returncode == 0
    assert [p["code"] for p in run.problems("corpus/locked.txt")] == ["W105"]


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400)})
    (corpus / "locked").mkdir()
    (corpus / "locked" / "b.txt").write_text(SMALL_DOC.format(n=900), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    from factcheck.ingest.load import walk

    found, problems = walk(corpus)
    assert [f.name for f in found] == ["a.txt"]
    assert any("locked" in p.path and p.code == "W105" for p in problems)


# --- long lines ---------------------------------------------------------------

def test_very_long_line_is_w109_and_the_rest_is_read(tmp_path):
    text = SMALL_DOC.format(n=400) + "\n" + "lorem ipsum dolor sit amet " * 4000 + "\n"
    corpus = small_corpus(tmp_path, **{"long-line.txt": text})
    copy_seeds(corpus)
    report = factcheck.check([corpus], RULES)
    problems = [p for p in report["problems"] if p["path"].endswith("long-line.txt")]
    assert [p["code"] for p in problems] == ["W109"]
    assert "400" in {c["quote"] for c in report["claims"] if c["doc"] == "long-line.txt"}


def test_sentence_longer_than_the_parser_limit_is_read(tmp_path):
    """A 1 MB run-on line once reached spaCy whole (E088 ValueError, the run lost)."""
    long_line = "In 2015 there were 400 robotics clubs in Freedonia " + "and more clubs " * 70_000 + "in all.\n"
    corpus = small_corpus(tmp_path, **{"long.txt": "Clubs\n\n" + long_line, "a.txt": SMALL_DOC.format(n=900)})
    report = factcheck.check([corpus], RULES)
    assert "900" in {c["quote"] for c in report["claims"] if c["doc"] == "a.txt"}
    assert "400" in {c["quote"] for c in report["claims"] if c["doc"] == "long.txt"}


# --- corpus.yaml (metadata written by others) -------------------------------

@pytest.mark.parametrize("meta", [
    pytest.param('documents:\n  a.txt: "a title"\n', id="entry-not-a-mapping"),
    pytest.param("documents:\n  a.txt: [1, 2]\n", id="entry-a-list"),
    pytest.param('documents:\n  a.txt: {published: "yesterday"}\n', id="published-not-a-date"),
    pytest.param("documents:\n  a.txt: {published: [2015]}\n", id="published-a-list"),
])
def test_bad_corpus_metadata_is_one_coded_line(tmp_path, monkeypatch, capsys, meta):
    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400), "b.txt": SMALL_DOC.format(n=900)})
    (corpus / "corpus.yaml").write_text(meta, encoding="utf-8")
    argv = ["check", str(corpus), "--rules", str(RULES), "--json", str(tmp_path / "out" / "f.json"),
            "--html", str(tmp_path / "out" / "r.html"), "--no-cache", "--format", "none"]
    code, out, err = run_main(monkeypatch, capsys, argv)
    assert code == ExitCode.USAGE
    assert re.fullmatch(r"error: \[E2\d\d\] .*corpus\.yaml:\d+(:\d+)?: .+\n", err)


def test_corpus_metadata_syntax_error_is_one_coded_line(tmp_path):
    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400)})
    (corpus / "corpus.yaml").write_text("documents:\n  a.txt: {title: [oops}\n", encoding="utf-8")
    run = run_check(tmp_path, "corpus")
    assert run.returncode == ExitCode.USAGE
    assert re.fullmatch(r"error: \[E201\] corpus/corpus\.yaml:\d+:\d+: YAML syntax error: .+\n", run.stderr)


# --- rule templates that pass loading but crash when a finding is rendered ---

def test_template_that_fails_at_render_time_is_a_coded_error(tmp_path, monkeypatch, capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "values.yaml").write_text(
        "rules:\n  - code: FC901\n    name: test-conflict\n    kind: value-conflict\n    severity: error\n"
        '    message: "{property.nope}: {a_value} vs {b_value}"\n    description: d\n', encoding="utf-8")
    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400), "b.txt": SMALL_DOC.format(n=900)})
    argv = ["check", str(corpus), "--rules", str(rules), "--json", str(tmp_path / "out" / "f.json"),
            "--html", str(tmp_path / "out" / "r.html"), "--no-cache", "--format", "none"]
    code, out, err = run_main(monkeypatch, capsys, argv)
    assert code == ExitCode.USAGE
    assert err.startswith("error: [E207] ")


# --- volume: findings must not grow with the square of the claims ----------

def test_repeated_conflicting_claims_do_not_explode(tmp_path):
    text = "Clubs in Freedonia.\n\n" + "".join(
        f"In 2015 there were {400 if i % 2 else 900} robotics clubs in Freedonia, according to survey {i}.\n\n"
        for i in range(40))
    corpus = small_corpus(tmp_path, **{"a.txt": text})
    report = factcheck.check([corpus], RULES)
    assert len(report["findings"]) <= len(report["claims"])


# --- the cache directory is input too ----------------------------------------

class _Planted:
    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_planted_cache_entry_runs_no_code(tmp_path):
    import hashlib
    import pickle

    from factcheck.engine.cache import MAGIC

    corpus = small_corpus(tmp_path, **{"a.txt": SMALL_DOC.format(n=400)})
    cache = tmp_path / ".factcheck-cache"
    factcheck.check([corpus], RULES, cache_dir=cache)
    entries = list(cache.rglob("*.pkl"))
    assert entries
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_Planted(str(marker)))
    for entry in entries:
        entry.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
    factcheck.check([corpus], RULES, cache_dir=cache)
    assert not marker.exists()


# --- hostile text and file names: inert in every output ---------------------

HOSTILE_NAME = "b <img src=x onerror=alert(2)>\x1b]0;pwned\x07\u202e [x](javascript:alert(3)).txt"
NEWLINE_NAME = "c\n::error file=x::injected.txt"
MARKUP_NAME = "d [bold red]markup.txt"  # rich console markup; a file name cannot hold "/"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copyfile(BAD / "hostile.txt", corpus / "a.txt")
    (corpus / HOSTILE_NAME).write_text(SMALL_DOC.format(n=900), encoding="utf-8")
    (corpus / NEWLINE_NAME).write_text(SMALL_DOC.format(n=700), encoding="utf-8")
    (corpus / MARKUP_NAME).write_text(SMALL_DOC.format(n=600), encoding="utf-8")
    run = run_check(base, "corpus", "--fail-on", "never", "--sarif", str(base / "out" / "report.sarif"),
                    "--format", "terminal")
    return base, run


def test_hostile_run_finds_the_conflicts(hostile):
    base, run = hostile
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert {"a.txt", HOSTILE_NAME, NEWLINE_NAME, MARKUP_NAME} == run.doc_ids()
    docs = {tuple(sorted(e["doc"] for e in f["evidence"])) for f in run.report["findings"]}
    assert tuple(sorted(["a.txt", HOSTILE_NAME])) in docs


def test_json_keeps_hostile_text_exactly(hostile):
    """The JSON is the source of truth: nothing is dropped or altered there."""
    base, run = hostile
    sentences = " ".join(c["sentence"] for c in run.claims("a.txt"))
    for piece in ('<script>alert("xss")</script>', "[click me](javascript:alert(1))", "\u202eevil\u202c", "\x9b31m"):
        assert piece in sentences


class _HTMLAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "img", "meta", "link", "input", "hr", "wbr", "col", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not set(self.stack) & {"script", "style"}:
            self.text.append(data)


def test_html_report_is_inert(hostile):
    base, run = hostile
    audit = _HTMLAudit()
    audit.feed((base / "out" / "report.html").read_text(encoding="utf-8"))
    tags = [t for t, _ in audit.tags]
    assert not set(tags) & {"img", "iframe", "object", "embed", "frame", "applet", "base", "foreignobject"}
    for tag, attrs in audit.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") in (None, "application/json") and "src" not in attrs
        assert raw_unsafe(attrs.get("title") or "") == []
    visible = "".join(audit.text)
    assert raw_unsafe(visible) == []
    assert '<script>alert("xss")</script>' in visible  # shown as text
    assert "\\u202e" in visible  # the bidi override is made visible, not obeyed


def test_sarif_is_inert(hostile):
    base, run = hostile
    text = (base / "out" / "report.sarif").read_text(encoding="utf-8")
    sarif = json.loads(text)
    strings: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            strings.append(node)

    walk(sarif)
    assert raw_unsafe("".join(strings)) == []
    for result in sarif["runs"][0]["results"]:
        # SARIF message text may hold [text](n) links to relatedLocations; a file name's brackets are escaped
        assert not re.search(r"(?<!\\)\]\(javascript:", result["message"]["text"])


def test_terminal_summary_is_inert(hostile):
    base, run = hostile
    assert raw_unsafe(run.stdout) == []
    assert raw_unsafe(run.stderr) == []
    assert "\\x1b]0;pwned\\x07\\u202e" in run.stdout  # the file name, made visible
    assert MARKUP_NAME in run.stdout  # console markup in a name is text, not style


def test_github_annotations_are_inert(hostile):
    from factcheck.report.github import render_github

    base, run = hostile
    text = render_github(run.report)
    assert raw_unsafe(text) == []
    lines = text.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert len(lines) == len(run.report["findings"])


def test_markdown_diff_is_inert(hostile, tmp_path):
    base, run = hostile
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({**run.report, "findings": []}), encoding="utf-8")
    md = tmp_path / "diff.md"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "diff", str(empty), str(base / "out" / "findings.json"),
                           "--markdown", str(md)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == ExitCode.FINDINGS and "Traceback" not in proc.stderr
    text = md.read_text(encoding="utf-8")
    assert raw_unsafe(text) == []
    assert not re.search(r"(?<!\\)\]\(javascript:", text)
    assert not re.search(r"(?<!\\)<(?!br>)", text), "an unescaped '<' would start an HTML tag"


def test_diff_terminal_output_is_inert(hostile, tmp_path):
    base, run = hostile
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({**run.report, "findings": []}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "diff", str(empty), str(base / "out" / "findings.json")],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"})
    assert raw_unsafe(proc.stdout) == []


def test_claims_table_is_inert(hostile, monkeypatch, capsys):
    base, run = hostile
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run_main(monkeypatch, capsys, ["claims", str(base / "corpus"), "--rules", str(RULES)])
    assert code == 0
    assert raw_unsafe(out) == []


def test_claims_table_shows_markup_as_text(hostile, monkeypatch, capsys):
    base, run = hostile
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run_main(monkeypatch, capsys, ["claims", str(base / "corpus"), "--rules", str(RULES)])
    assert code == 0
    assert MARKUP_NAME in out


def test_inspect_is_inert(hostile, monkeypatch, capsys):
    base, run = hostile
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run_main(monkeypatch, capsys, ["inspect", str(base / "corpus" / HOSTILE_NAME)])
    assert code == 0
    assert raw_unsafe(out + err) == []


def test_inspect_shows_hostile_text_escaped(hostile, monkeypatch, capsys):
    base, run = hostile
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run_main(monkeypatch, capsys, ["inspect", str(base / "corpus" / "a.txt")])
    assert code == 0
    assert raw_unsafe(out + err) == []
    assert "\\u202eevil\\u202c" in out
