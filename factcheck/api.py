"""The main job as functions: prepare a corpus, extract claims, check it.

``check()`` returns the findings report (the JSON contract as a dict);
``claims_dataframe()`` the claims of a corpus as a pandas DataFrame.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from factcheck.config import Settings, load_settings
from factcheck.errors import FactcheckError, Problem
from factcheck.model import Document


@dataclass(slots=True)
class Prepared:
    documents: list
    claims: list
    problems: list[Problem]
    stats: dict = field(default_factory=dict)


BUILTIN_ALIASES = Path(__file__).resolve().parent / "data" / "aliases.yaml"


def _alias_paths(rules_dir: Path | None, settings: Settings) -> list[Path]:
    """The built-in alias table (countries, regions), the project's aliases.yaml, the configured files."""
    paths = [BUILTIN_ALIASES]
    rules_dir = _project_rules(rules_dir, settings)
    if rules_dir is not None and (rules_dir / "aliases.yaml").is_file():
        paths.append(rules_dir / "aliases.yaml")
    for p in settings.aliases:
        if not Path(p).is_file():
            raise FactcheckError("E210", "alias file not found", str(p), hint="fix 'aliases' in " + (settings.source or "the configuration"))
        paths.append(Path(p))
    return paths


def _project_rules(rules_dir: str | Path | None, settings: Settings) -> Path | None:
    """The project's rule folder: the one given, else the configuration's, else none."""
    if rules_dir is not None:
        return Path(rules_dir)
    return Path(settings.rules) if settings.rules else None


def _settings_for(paths: list[Path], settings: Settings | None) -> Settings:
    """The given settings, else the configuration found from the corpus folder upwards (then the current folder)."""
    if settings is not None:
        return settings
    start = paths[0] if paths else None
    return load_settings(start if start is not None and start.exists() else None)


def rule_set(rules_dir: str | Path | None, settings: Settings) -> list:
    """The built-in rules with the project's (see :func:`factcheck.engine.spec.load_rules`)."""
    from factcheck.engine.spec import load_rules

    return load_rules(_project_rules(rules_dir, settings), builtin=settings.builtin_rules)


def prepare(paths: list[Path], rules_dir: Path | None = None, settings: Settings | None = None,
            cache_dir: Path | None = None, progress: Callable[[str], None] | None = None,
            jobs: int | None = 1, scheduler: str | None = None) -> Prepared:
    """Load documents and extract claims (using the cache when given).

    ``jobs`` > 1 extracts the documents the cache does not hold in that many
    processes (None: one per available core); the result is the same, in the
    same order, whatever the number. ``scheduler`` (a Dask scheduler's address,
    or "local" for a local cluster of ``jobs`` workers) extracts them on a Dask
    cluster instead (:mod:`factcheck.cluster`), with the same result.
    """
    from factcheck.engine.cache import Cache, code_version
    from factcheck.extract.claims import number_claims
    from factcheck.ingest import load as L
    from factcheck.ingest.corpus import _display, corpus_files
    from factcheck.normalize.aliases import load_aliases

    settings = _settings_for(paths, settings)
    alias_paths = _alias_paths(rules_dir, settings)
    aliases = load_aliases(alias_paths)
    for p in paths:
        if not p.exists():
            raise FactcheckError("E103", "no such file or directory", str(p),
                                 hint="give a corpus folder or document files (default ./corpus)")
    files, problems = corpus_files(paths)
    cache = None
    if cache_dir is not None:
        alias_hash = hashlib.sha256(b"".join(ap.read_bytes() for ap in alias_paths)).hexdigest()[:16]
        cache = Cache(cache_dir, f"{code_version()}:{alias_hash}:{settings.model or 'default'}")
    slots: list[tuple | None] = []  # per file, in order: (doc, claims, problems) or None (unreadable)
    todo: list[tuple[int, tuple, str | None]] = []
    for f, doc_id, meta in files:
        display = _display(f)
        raw = L.read_document(f, display, settings.max_doc_bytes)
        problems.extend(raw.problems)
        if raw.text is None:
            slots.append(None)
            continue
        key = None
        hit = None
        if cache is not None:
            import json

            key = cache.key(raw.text.encode("utf-8", "surrogatepass") + json.dumps(
                [meta, raw.meta, raw.page_starts, f.suffix.lower()], sort_keys=True, default=str).encode(), doc_id)
            hit = cache.get(key)
        if hit is not None:
            doc, doc_claims = hit
            doc.path = display
            slots.append((doc, doc_claims))
        else:
            slots.append(None)
            todo.append((len(slots) - 1, (doc_id, raw.text, display, f.suffix.lower(), meta, raw.page_starts, raw.meta,
                                          list(raw.problems)), key))
    keys = {index: key for index, _args, key in todo}
    if todo and callable(getattr(progress, "start", None)):
        progress.start(len(todo))  # a progress display that shows counts, rate and time left
    if scheduler:
        from factcheck.cluster import extract_on_cluster

        extracted = extract_on_cluster([(i, a) for i, a, _k in todo], scheduler, settings, alias_paths, jobs, progress) \
            if todo else iter(())
    else:
        extracted = _extract_all(todo, settings, alias_paths, aliases, jobs, progress)
    for index, (doc, doc_claims) in extracted:
        slots[index] = (doc, doc_claims)
        key = keys[index]
        if key is not None:
            cache.put(key, (doc, doc_claims))
    documents, claims = [], []
    for slot in slots:
        if slot is None:
            continue
        doc, doc_claims = slot
        problems.extend(document_notes(doc, len(doc_claims)))  # the same problems on a cold and a warm run
        documents.append(doc)
        claims.extend(doc_claims)
    claims = number_claims(claims)
    stats = {}
    if cache is not None:
        stats = {"cache_hits": cache.hits, "cache_misses": cache.misses, "cache_corrupt": cache.corrupt}
    return Prepared(documents, claims, problems, stats)


# A document this dense in figures (per 1,000 characters; news prose has about 5) holding this many
# is a list or a statistical dump: its figures of one measure meet their nearest in value only
DENSE_PER_1000 = 25
DENSE_MIN_CLAIMS = 1000


def document_notes(doc: Document, n_claims: int | None = None) -> list[Problem]:
    """Coded notes on what of a read document is not checked: no English body (W108), tables of bare
    numbers (W114), a document far denser in figures than prose (W115)."""
    from factcheck.engine.linkage import WINDOW

    notes = []
    chars = max(1, len(doc.text))
    if n_claims is not None and n_claims >= DENSE_MIN_CLAIMS and n_claims * 1000 / chars > DENSE_PER_1000:
        notes.append(Problem("W115", doc.path, f"{n_claims:,} figures in {chars:,} characters ({n_claims * 1000 / chars:.0f} per "
                             f"1,000; prose has about 5): figures of one measure are compared with their "
                             f"{WINDOW} nearest in value, not each with every other"))
    if not any(s.label in ("body", "footnote") for s in doc.segments):
        notes.append(Problem("W108", doc.path, "no English body text found; nothing to check"))
    tables = [doc.textmap.location(s.start, s.end) for s in doc.segments if s.label == "table"]
    if tables:
        where = ", ".join(f"{a}-{b}" if b > a else str(a) for a, _c, b, _ec in tables[:5]) + (", ..." if len(tables) > 5 else "")
        notes.append(Problem("W114", doc.path, f"{len(tables)} table{'s' if len(tables) != 1 else ''} of bare numbers "
                             f"(lines {where}) not read as claims: nothing says what the numbers measure"))
    return notes


def available_cores() -> int:
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# a process pool pays for itself from this many documents to extract (each worker forks the loaded pipeline)
MIN_DOCS_PER_JOB = 2


def _ingest(args: tuple):
    from factcheck.engine.linkage import text_vector
    from factcheck.ingest.corpus import document_from_text

    doc_id, text, display, suffix, meta, page_starts, raw_meta, raw_problems = args
    doc = document_from_text(doc_id, text, display, suffix, meta, page_starts, raw_meta)
    doc.problems.extend(raw_problems)
    doc.vector = text_vector(doc.text)
    return doc


def _extract_many(items: list[tuple[int, tuple]], nlp, aliases, batch_size: int,
                  progress: Callable[[str], None] | None = None):
    """(index, (document, claims)) of each item, in order; the documents' sentences share parser batches."""
    from factcheck.extract.claims import extract_documents

    read: list[tuple[int, object]] = []

    def documents():
        for index, args in items:
            if progress:
                progress(args[0])
            doc = _ingest(args)
            read.append((index, doc))
            yield doc

    for i, claims in enumerate(extract_documents(documents(), nlp, aliases, batch_size)):
        index, doc = read[i]
        read[i] = (index, None)  # the chunk's documents are let go as they are returned
        yield index, (doc, claims)


_WORKER: dict = {}
# an invented text that takes every lazy load of extraction: dates, counts, money, shares, measures,
# a time of day, a relative date, a paragraph in another language
_WARM_UP = ("Warm-up\n\nOn 3 May 2001 the Varn Harbour Board said 1,200 people, or 12% of the town, paid $4 million "
            "for a 40 km road that opened at 10:30 a.m. two years later.\n\n"
            "Le pont a été ouvert à la circulation en 1937 après quatre années de travaux sur le détroit.\n")
# documents a worker takes at a time: enough to fill the parser's batches, few enough to share the work out
DOCS_PER_TASK = 4


def _worker_extract(items: list[tuple[int, tuple]]):
    return list(_extract_many(items, _WORKER["nlp"], _WORKER["aliases"], _WORKER["batch_size"]))


def _extract_all(todo: list, settings: Settings, alias_paths: list[Path], aliases, jobs: int | None,
                 progress: Callable[[str], None] | None):
    """(index, (document, claims)) for every document to extract, serially or in forked processes."""
    if not todo:
        return
    jobs = available_cores() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(todo) // MIN_DOCS_PER_JOB or 1)
    nlp = _nlp(settings, alias_paths)
    if jobs <= 1:
        yield from _extract_many([(i, a) for i, a, _k in todo], nlp, aliases, settings.batch_size, progress)
        return
    import multiprocessing as mp

    from concurrent.futures import ProcessPoolExecutor

    # the workers are forked from this process: the loaded pipeline is shared, not loaded again,
    # and so is everything extraction loads on first use (patterns, dateparser, unit registry, word
    # lists, language identifiers), once one small text has gone through it here
    list(_extract_many([(-1, ("warm-up.txt", _WARM_UP, "warm-up.txt", ".txt", {}, None, {}, []))], nlp, aliases,
                       settings.batch_size))
    _WORKER.update(nlp=nlp, aliases=aliases, batch_size=settings.batch_size)
    ctx = mp.get_context("fork")
    # the biggest documents first, so that no worker is left with a long one at the end
    order = [(i, a) for i, a, _k in sorted(todo, key=lambda t: (-len(t[1][1]), t[0]))]
    tasks = [order[k:k + DOCS_PER_TASK] for k in range(0, len(order), DOCS_PER_TASK)]
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_ignore_interrupts)
    try:
        for results in pool.map(_worker_extract, tasks, chunksize=1):
            for index, result in results:
                if progress:
                    progress(result[0].id)
                yield index, result
    except BaseException:
        # Ctrl-C (or an error): the tasks not begun are dropped, not waited for
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        _WORKER.clear()
    pool.shutdown()


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the run); the worker prints no traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


_NLP: dict = {}


def _nlp(settings: Settings, alias_paths: list[Path]):
    """The spaCy pipeline with the alias matcher, loaded once per model and alias files in a process."""
    import os

    from factcheck.extract.pipeline import load_nlp

    key = (settings.model, tuple(str(p) for p in alias_paths),
           tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in alias_paths))
    if key in _NLP:
        return _NLP[key]
    nlp = load_nlp(settings.model)
    if "factcheck_entities" in nlp.pipe_names:
        nlp.remove_pipe("factcheck_entities")
    nlp.add_pipe("factcheck_entities", config={"aliases_path": os.pathsep.join(str(p) for p in alias_paths) or None})
    _NLP.clear()  # one pipeline at a time: a model is ~100 MB
    _NLP[key] = nlp
    return nlp


def check(paths: list[str | Path] | None = None, rules_dir: str | Path | None = None, settings: Settings | None = None,
          cache_dir: str | Path | None = None, progress: Callable[[str], None] | None = None,
          jobs: int | None = 1, scheduler: str | None = None) -> dict:
    """Check a corpus; return the findings report (see docs/findings-json.md).

    The rules are the built-in ones plus the project's: rules_dir, else the ``rules``
    folder of the configuration found from the corpus upwards.
    """
    from factcheck.engine.runner import build_report

    paths = [Path(p) for p in (paths or ["corpus"])]
    settings = _settings_for(paths, settings)
    rules = rule_set(rules_dir, settings)
    prepared = prepare(paths, rules_dir, settings, Path(cache_dir) if cache_dir else None, progress, jobs, scheduler)
    return build_report(prepared.documents, prepared.claims, rules, prepared.problems)


def claims_dataframe(paths: list[str | Path] | None = None, rules_dir: str | Path | None = None,
                     settings: Settings | None = None):
    """The claims of a corpus as a pandas DataFrame, one row per claim."""
    import pandas as pd

    prepared = prepare([Path(p) for p in (paths or ["corpus"])], rules_dir, settings)
    return pd.DataFrame(claim_rows(prepared))


def claim_rows(prepared: Prepared) -> list[dict]:
    """Flat rows (the jsonl/csv shape of `factcheck claims`)."""
    docs = {d.id: d for d in prepared.documents}
    rows = []
    for c in prepared.claims:
        d = docs[c.doc]
        line, col, _el, _ec = d.textmap.location(c.start, c.end)
        v, t = c.value, c.time
        rows.append({
            "id": c.id, "doc": c.doc, "line": line, "column": col, "start": c.start, "end": c.end,
            "text": c.quote, "sentence": c.sentence, "kind": c.kind,
            "magnitude": v.magnitude if v else None, "unit": v.unit if v else None,
            "low": v.low if v else None, "high": v.high if v else None, "approx": (v.approx if v else (t.approx if t else False)),
            "date": t.date if t and c.kind == "date" else None, "end_date": t.end if t and c.kind == "date" else None,
            "granularity": t.granularity if t and c.kind == "date" else None,
            "relative": bool(t.relative) if t and c.kind == "date" else False,
            "time": t.date if t and c.kind == "quantity" else None,
            "subject": c.subject, "property": c.property,
            "qualifiers": {k: (list(x) if isinstance(x, tuple) else x) for k, x in c.qualifiers},
            "modality": c.modality, "negated": c.negated, "confidence": round(c.confidence, 3),
        })
    return rows


class TextChecker:
    """Check many small corpora given as text with one loaded model, rule set and alias table.

    ``check_texts`` is one use; benchmarks that run thousands of two-document
    corpora (bench/dev_eval.py) keep one checker instead of reloading all three.
    """

    def __init__(self, rules_dir: str | Path | None = None, only: list[str] | None = None,
                 settings: Settings | None = None):
        from factcheck.normalize.aliases import load_aliases

        self.settings = settings or load_settings()
        self.rules = [r for r in rule_set(rules_dir, self.settings) if only is None or r.code in only]
        alias_paths = _alias_paths(rules_dir, self.settings)
        self.aliases = load_aliases(alias_paths)
        self.nlp = _nlp(self.settings, alias_paths)

    def check(self, texts: dict[str, str | dict]) -> dict:
        """The findings report of documents given as {doc_id: text or {text, published, title}}."""
        from factcheck.engine.runner import build_report
        from factcheck.extract.claims import extract_documents, number_claims
        from factcheck.ingest.corpus import document_from_text

        documents, claims, problems = [], [], []
        for doc_id, spec in sorted(texts.items()):
            spec = {"text": spec} if isinstance(spec, str) else dict(spec)
            meta = {k: v for k, v in spec.items() if k != "text"}
            doc = document_from_text(doc_id, spec["text"], doc_id, Path(doc_id).suffix or ".txt", meta)
            documents.append(doc)
            problems.extend(p for p in document_notes(doc) if p.code != "W108")  # a snippet may be a heading alone
        for doc_claims in extract_documents(documents, self.nlp, self.aliases, self.settings.batch_size):
            claims.extend(doc_claims)
        return build_report(documents, number_claims(claims), self.rules, problems)


def check_texts(texts: dict[str, str | dict], rules_dir: str | Path | None = None, only: list[str] | None = None,
                settings: Settings | None = None) -> dict:
    """Check documents given as text ({doc_id: text or {text, published, title}}).

    Used by the rule examples (``examples.pass``/``fail`` in the rule files) and
    handy in notebooks. ``only`` restricts the run to some rule codes.
    """
    return TextChecker(rules_dir, only, settings).check(texts)
