"""The status of each figure of a manuscript against the sources it cites."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass

import regex as re

from factcheck.audit.works import Cite, Profile, Work, find_cites, link_author_year, link_title, link_works, parse_entry
from factcheck.checks.conflict import ConflictParams, compatible, time_relation
from factcheck.engine.context import describe
from factcheck.engine.linkage import Level, _closeness, cosine, entities_agree, qualifiers, text_vector, unit_class
from factcheck.engine.runner import _page
from factcheck.model import Claim, Document

SEVERITY = {"contradicted": "error", "source_missing": "warning", "not_found": "info"}
# a source figure is the manuscript's figure at SUPPORT or more; it contradicts it only at CONTRADICTION
SUPPORT = 3.5
CONTRADICTION = 4.5
# the very figure, stated by a cited source in a sentence about something alike, supports at a lower
# score, and forbids calling the figure contradicted ("68 percent" / "68 percent held a favorable opinion")
SAME_FIGURE = 2.0
CLEAR_MARGIN = 1.5  # a figure that fits this much better than the next one is the cited one
CONFIDENT_CONTRADICTION = 6.5  # an error at this score, else a warning


_ENTRY_START = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|[-•*]\s|\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+){0,6},?\s(?:\p{Lu}\.|\(|\d{4}|and\s|&))")


_JOINED = re.compile(r"(?<=[.)]\s)(?=\[\d{1,3}\]\s|\p{Lu}[\p{L}'’\-]+,\s(?:\p{Lu}\.\s?)+(?:,|\(|&|and\s))")


def entries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The entries of a reference-list paragraph: one per line when its lines start as entries do
    ("[3] ...", "3. ...", "Surname, A. ..."), else the paragraph is one entry with wrapped lines."""
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        # entries that reflowing joined on one line: "... Congress. [2] Naizabayeva, G. A. ..." or
        # "... Congress. Naizabayeva, G. A., & Masalimova, A. R. (2019) ..."
        cuts = [0] + [m.start() for m in _JOINED.finditer(line)] + [len(line)]
        for a, b in zip(cuts, cuts[1:]):
            lines.append((pos + a, pos + b))
        pos += len(line) + 1
    lines = [(a, b) for a, b in lines if text[a:b].strip()]
    if len(lines) < 2 or sum(1 for a, b in lines if _ENTRY_START.match(text[a:b])) < 2:
        return [(start, end)]
    out: list[list[int]] = []
    for a, b in lines:
        if not out or _ENTRY_START.match(text[a:b]):
            out.append([a, b])
        else:
            out[-1][1] = b  # a wrapped line of the entry before
    return [(a, b) for a, b in out]


def manuscript_works(mdoc: Document) -> tuple[list[Work], list[Cite]]:
    """The reference list and footnotes as works; every in-text citation with the works it names."""
    text = mdoc.text
    works: list[Work] = []
    for s in mdoc.segments:
        if s.label == "references":
            for a, b in entries(text, s.start, s.end):
                line = mdoc.textmap.location(a, b)[0]
                w = parse_entry(text[a:b], f"ref:{len(works) + 1}", line)
                if w:
                    works.append(w)
    numbered = [w for w in works if w.number is not None]
    by_number = {w.number: w.key for w in numbered} if numbered else {i: w.key for i, w in enumerate(works, 1)}
    notes: dict[int, str] = {}
    for s in mdoc.segments:
        if s.label in ("note", "footnote"):
            para = text[s.start:s.end]
            m = re.match(r"\s*(\d{1,3})\s*", para)
            if m:
                line = mdoc.textmap.location(s.start, s.end)[0]
                w = parse_entry(para[m.end():], f"note:{m.group(1)}", line)
                if w:
                    w.number = int(m.group(1))
                    works.append(w)
                    notes[int(m.group(1))] = w.key
    cites: list[Cite] = []
    for c in mdoc.citations:
        cites.append(Cite(c.start, c.end, text[c.start:c.end], author=c.author, year=c.year))
    for s in mdoc.segments:
        if s.label in ("body", "footnote"):
            cites.extend(find_cites(text[s.start:s.end], s.start))
    for ms, me, n in mdoc.markers:
        if n in notes:
            cites.append(Cite(ms, me, text[ms:me], [notes[n]]))
    for cite in cites:
        cite.works = [by_number.get(int(k[2:]), k) if k.startswith("n:") else k for k in cite.works]
    cites.sort(key=lambda c: (c.start, c.end))
    # a corporate citation that is also read as author-year ("Endowment (2024)") is one citation
    out: list[Cite] = []
    for c in cites:
        if out and c.start < out[-1].end and not c.works and not out[-1].works:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return works, out


def _evidence(c: Claim, docs: dict[str, Document], role: str) -> dict:
    d = docs[c.doc]
    line, col, _el, _ec = d.textmap.location(c.start, c.end)
    return {"doc": c.doc, "path": d.path, "line": line, "column": col, **_page(d.textmap, c.start, c.end),
            "quote": c.quote, "sentence": c.sentence, "value": describe(c), "claim": c.id, "role": role}


def _date_compatible(a: Claim, b: Claim) -> bool:
    ta, tb = a.time, b.time
    if ta is None or tb is None or not ta.start or not tb.start:
        return True
    slack = ta.approx or tb.approx
    if slack:
        return int(ta.start[:4]) - 1 <= int(tb.end[:4]) and int(tb.start[:4]) - 1 <= int(ta.end[:4])
    return ta.start <= tb.end and tb.start <= ta.end


def _agrees(a: Claim, b: Claim, p: ConflictParams) -> bool:
    if a.kind == "date":
        return _date_compatible(a, b)
    return compatible(a, b, p)


_GRAIN = {"day": 0, "week": 1, "month": 1, "quarter": 2, "season": 2, "half": 2, "year": 3, "decade": 4, "century": 5}


def _coarser(a: Claim, b: Claim) -> bool:
    """Is a's date coarser than b's ("the 18th century" against "2002")? Then it dates something else."""
    return _GRAIN.get(a.time.granularity, 3) > _GRAIN.get(b.time.granularity, 3) if a.time and b.time else False


def _same_time(a: Claim, b: Claim) -> bool:
    return a.kind == "date" or time_relation(a, b, 0) in ("same", "unknown")


# a source sentence is scored against every figure of the manuscript: its vectors are made once
_text_vector = functools.lru_cache(maxsize=1 << 16)(text_vector)

_WINDOW = 110  # characters each side of a figure that describe it, in a long sentence


def _window(c: Claim) -> str:
    at = c.start - c.sent_start
    return c.sentence[max(0, at - _WINDOW): at + len(c.quote) + _WINDOW]


def _vectors(c: Claim, strip: list[tuple[int, int]]) -> tuple[dict, dict]:
    """Word vectors of a claim's sentence and of the words around its figure, citations taken out."""
    sent = c.sentence
    for s, e in sorted(strip, reverse=True):
        a, b = s - c.sent_start, e - c.sent_start
        if 0 <= a < len(sent):
            sent = sent[:a] + " " * (min(b, len(sent)) - a) + sent[min(b, len(sent)):]
    at = c.start - c.sent_start
    return text_vector(sent), text_vector(sent[max(0, at - _WINDOW): at + len(c.quote) + _WINDOW])


@dataclass(frozen=True, slots=True)
class Alignment:
    """Why a source's figure was judged to be the manuscript's figure: levels as in check's matches."""

    score: float
    levels: tuple[Level, ...]

    def explain(self) -> str:
        return "; ".join(f"{lv.comparison} {lv.level} ({lv.weight:+.1f})" for lv in self.levels if lv.weight) \
            + f" = {self.score:.1f}"

    def to_dict(self) -> dict:
        return {"score": round(self.score, 2), "levels": [lv.to_dict() for lv in self.levels],
                "explanation": self.explain()}


def align(c: Claim, vecs: tuple[dict, dict], s: Claim, cite_names: set[str]) -> tuple[Alignment | None, str]:
    """Score a source claim as the cited statement of a manuscript claim; (None, why) when it cannot be."""
    qa_, qb_ = qualifiers(c.sentence), qualifiers(s.sentence)
    for group in sorted(set(qa_) & set(qb_)):
        if not qa_[group] & qb_[group]:
            # "domestic" / "international"; a qualifier on one side only is a paraphrase's freedom
            return None, f"different qualifiers ({'/'.join(sorted(qa_[group]))} vs {'/'.join(sorted(qb_[group]))})"
    qa, qb = c.quals, s.quals
    ra, rb = set(qa.get("role", ())) - {"restatement"}, set(qb.get("role", ())) - {"restatement"}
    role_gap = None
    if ra != rb:
        if ra and rb:  # "per share" / "in total": two roles, two quantities
            return None, f"different roles ({'/'.join(sorted(ra))} vs {'/'.join(sorted(rb))})"
        # a role on one side only ("the maximum term" / "the term"): a paraphrase may leave it out
        role_gap = Level("role", f"{'/'.join(sorted(ra | rb))} on one side only", -1.0)
    pa, pb = set(qa.get("places", ())), set(qb.get("places", ()))
    levels = [role_gap] if role_gap else []
    if pa and pb and not entities_agree(pa, pb):
        levels.append(Level("place", f"different places named: {'/'.join(sorted(pa)[:2])} vs {'/'.join(sorted(pb)[:2])}", -1.5))
    ma, mb = set(qa.get("measure", ())), set(qb.get("measure", ()))
    if ma & mb:
        levels.append(Level("measure", "same concept: " + ", ".join(sorted(ma & mb)[:3]), 2.5))
    elif ma and mb:
        levels.append(Level("measure", f"different: {'/'.join(sorted(ma)[:2])} vs {'/'.join(sorted(mb)[:2])}", -0.5))
    sent_vec, win_vec = vecs
    sim = max(cosine(sent_vec, _text_vector(s.sentence)), cosine(win_vec, _text_vector(_window(s))))
    if sim:
        levels.append(Level("context", f"wording {sim:.2f} alike", round(6.0 * sim, 2)))
    ea = [e for e in qa.get("entities", ()) if e not in cite_names]
    shared = entities_agree(ea, qb.get("entities", ()))
    if shared:
        levels.append(Level("entity", "named in both: " + ", ".join(shared[:3]), min(2.0, 1.0 * len(shared))))
    close = _closeness(c, s) if c.kind == "quantity" else None
    if c.kind == "quantity" and _same_figure(c, s):
        levels.append(Level("value", "the same figure", 1.5))
    elif close is not None and close.weight > 0:
        levels.append(close)
    score = sum(lv.weight for lv in levels)
    return Alignment(score, tuple(levels)), ""


def _same_figure(a: Claim, b: Claim) -> bool:
    va, vb = a.value, b.value
    return (va.unit, va.low, va.high) == (vb.unit, vb.low, vb.high) and va.magnitude == vb.magnitude


def _very_figure(a: Claim, b: Claim) -> bool:
    """The same stated figure: value and unit, or the same date at the same granularity."""
    if a.kind == "date":
        return bool(a.time and b.time and (a.time.start, a.time.end) == (b.time.start, b.time.end))
    return _same_figure(a, b)


def _distinctive(c: Claim) -> bool:
    """A figure too particular to recur by chance in one source: "9:04:35 a.m.", "1,963", "3 June 1917"
    (a round "2,000" or a bare year is not)."""
    if c.kind == "date":
        return c.time is not None and c.time.granularity == "day"
    v = c.value
    if v is None or v.magnitude is None or v.approx or v.low != v.high:
        return False
    if v.unit == "time_of_day":
        return v.magnitude % 5 != 0  # "9:04", not "9:00" or "9:15"
    digits = f"{abs(v.magnitude):.6g}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits) >= 3


def _alike(m: "Alignment") -> bool:
    """Wording or a named entity in common, whatever the penalties: enough for the very same figure."""
    return any((lv.comparison == "context" and lv.weight >= 1.8) or lv.comparison == "entity" for lv in m.levels)


def _candidates(c: Claim, vecs, pool: list[Claim], cite_names: set[str]) -> list[tuple[float, Claim, Alignment]]:
    out = []
    cls = unit_class(c)
    for s in pool:
        if unit_class(s) != cls or s.negated:
            continue
        if c.kind == "quantity" and (s.value is None or c.value is None):
            continue
        m, _why = align(c, vecs, s, cite_names)
        if m is not None and (s.modality == "asserted") != (c.modality == "asserted"):
            # a plan is not a measurement; a paraphrase may still turn one into the other
            # ("was to run until 2026" / "a moratorium until 2026"), so it only weighs against
            lv = Level("modality", f"{c.modality} vs {s.modality}", -1.0)
            m = Alignment(m.score - 1.0, (*m.levels, lv))
        if m is not None and (m.score >= SAME_FIGURE or _very_figure(c, s)):
            out.append((m.score, s, m))
    out.sort(key=lambda x: (-x[0], x[1].id))
    return out


def judge_all(mdoc: Document, m_claims: list[Claim], src_docs: list[Document], src_claims: list[Claim],
              docs: dict[str, Document], findings: list) -> dict:
    works, cites = manuscript_works(mdoc)
    profiles = [Profile.of(d) for d in sorted(src_docs, key=lambda d: d.id)]
    link_works(works, profiles)
    by_key = {w.key: w for w in works}
    for cite in cites:
        if not cite.works and cite.title:
            key, source = link_title(cite.title, cite.year, works, profiles)
            direct = key or f"cite:{cite.title[:40]}:{cite.year}"
            if not key:
                by_key.setdefault(direct, Work(direct, cite.text, None, (), cite.year, cite.title, 0, source, 0.0,
                                               "cited by title, no reference list entry" if source else
                                               "no reference list entry and no source document"))
            cite.works = [direct]
        if not cite.works and cite.author and cite.year:
            key, source = link_author_year(cite.author, cite.year, works, profiles)
            if key:
                cite.works = [key]
            elif source:
                direct = f"cite:{cite.author}:{cite.year}"
                by_key.setdefault(direct, Work(direct, cite.text, None, (cite.author,), cite.year, "", 0, source,
                                               0.0, "author and year, no reference list entry"))
                cite.works = [direct]
            else:
                direct = f"cite:{cite.author}:{cite.year}"
                by_key.setdefault(direct, Work(direct, cite.text, None, (cite.author,), cite.year, "", 0, None, 0.0,
                                               "no reference list entry and no source document"))
                cite.works = [direct]

    p = ConflictParams()
    disputes: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        if f.severity.name in ("ERROR", "WARNING"):
            for cid in f.claims:
                disputes[cid].append({"finding": f.id, "rule": f.rule, "message": f.message})
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in src_claims:
        by_doc[c.doc].append(c)
    spans = [(c.start, c.end) for c in cites]
    items = []
    for c in m_claims:
        if any(s <= c.start < e for s, e in spans):
            continue  # a citation's year or page, not a claim
        if c.kind not in ("quantity", "date") or (c.value is not None and c.value.unit == "ordinal"):
            continue  # "the first institute": a rank, not a figure
        s0, s1 = c.sent_start, c.sent_start + len(c.sentence)
        # a citation inside the sentence, or a parenthetical one right after its full stop
        mine = [ct for ct in cites if s0 <= ct.start < s1 or (s1 <= ct.start < s1 + 3 and ct.text.startswith(("(", "[")))]
        keys = list(dict.fromkeys(k for ct in mine for k in ct.works))
        cited = [by_key[k] for k in keys if k in by_key]
        unknown = [k for k in keys if k not in by_key]
        found_docs = list(dict.fromkeys(w.source for w in cited if w.source))
        item = _item(c, docs, [ct.text for ct in mine], keys, found_docs)
        if not mine:
            item.update(status="uncited", reason="the sentence cites no source")
        elif not found_docs:
            names = [w.text[:80] for w in cited] + [f"reference {k[2:]} (not in the reference list)" for k in unknown]
            item.update(status="source_missing",
                        reason="the cited work is not among the sources: " + "; ".join(names or [ct.text for ct in mine]))
        else:
            _judge(item, c, found_docs, by_doc, _vectors(c, spans), _names(mine), p, docs, disputes)
            missing = [w.text[:80] for w in cited if not w.source]
            if missing:
                item["reason"] += "; also cited, not among the sources: " + "; ".join(missing)
        item["severity"] = SEVERITY.get(item["status"])
        if item["status"] == "contradicted" and item["match"]["score"] < CONFIDENT_CONTRADICTION:
            item["severity"] = "warning"  # the same quantity, but with less certainty
        items.append(item)
    _dates_of_figures(items, m_claims, src_claims)
    seen: dict[str, int] = defaultdict(int)
    for i, it in enumerate(items, 1):
        it["id"] = f"A{i:04d}"
        # no line numbers: an edit elsewhere in the manuscript keeps an item's fingerprint
        base = "\x1f".join([it["status"], it["quote"], " ".join(it["sentence"].split()), ",".join(it["sources"])])
        digest = hashlib.sha256(base.encode("utf-8")).hexdigest()[:32]
        it["fingerprint"] = f"{digest}:{seen[digest]}"
        seen[digest] += 1
    summary = {s: sum(1 for it in items if it["status"] == s) for s in ("supported", "contradicted", "not_found",
                                                                      "source_missing", "uncited")}
    refs = [w for w in works if w.key.startswith(("ref:", "note:"))]
    return {
        "items": items,
        "summary": {"items": len(items), "by_status": summary,
                    "disputed": sum(1 for it in items if it.get("disputed")),
                    "references": len(refs), "references_linked": sum(1 for w in refs if w.source),
                    "references_unmatched": [w.key for w in refs if not w.source]},
        "references": [w.to_dict() for w in sorted(by_key.values(), key=lambda w: _key_order(w.key))],
        "citations": [{"text": ct.text, "line": mdoc.textmap.location(ct.start, ct.end)[0], "works": ct.works,
                       "sources": list(dict.fromkeys(by_key[k].source for k in ct.works if k in by_key and by_key[k].source))}
                      for ct in cites],
        "findings": [{"id": f.id, "rule": f.rule, "severity": str(f.severity), "message": f.message}
                     for f in findings if any(f.id == d["finding"] for ds in disputes.values() for d in ds)],
    }


def _dates_of_figures(items: list[dict], m_claims: list[Claim], src_claims: list[Claim]) -> None:
    """A year that dates a supported figure of its sentence ("15,000 students in 2020") is supported
    with it when the source's figure is of that time too."""
    by_id = {c.id: c for c in [*m_claims, *src_claims]}
    for it in items:
        c = by_id[it["claim"]]
        if c.kind != "date" or it["status"] not in ("not_found", "contradicted") or c.time is None:
            continue
        for other in items:
            q = by_id[other["claim"]]
            if other["status"] != "supported" or q.kind != "quantity" or q.sent_start != c.sent_start \
                    or q.time is None or (q.time.start, q.time.end) != (c.time.start, c.time.end):
                continue
            ev = by_id.get(other["evidence"][0]["claim"]) if other["evidence"] else None
            if ev is None or ev.time is None or not (ev.time.start <= c.time.end and c.time.start <= ev.time.end):
                continue
            it.update(status="supported", severity=None, match=other["match"],
                      evidence=[{**other["evidence"][0], "role": "supports"}],
                      reason=f"the time of the supported figure '{q.quote}': {ev.doc} states {describe(ev)}")
            break


def _key_order(key: str) -> tuple:
    kind, _, rest = key.partition(":")
    return ({"ref": 0, "note": 1, "cite": 2}.get(kind, 3), int(rest) if rest.isdigit() else 0, rest)


def _item(c: Claim, docs: dict[str, Document], cite_texts: list[str], keys: list[str], found_docs: list[str]) -> dict:
    d = docs[c.doc]
    line, col, _el, _ec = d.textmap.location(c.start, c.end)
    return {"id": "", "claim": c.id, "quote": c.quote, "line": line, "column": col, **_page(d.textmap, c.start, c.end),
            "start": c.start, "end": c.end, "sentence": c.sentence, "kind": c.kind, "value": describe(c),
            "status": "", "severity": None, "citations": cite_texts, "works": keys, "sources": found_docs,
            "evidence": [], "reason": "", "match": None, "disputed": []}


def _names(cites: list[Cite]) -> set[str]:
    """Entity keys a citation's author names give a sentence ("demircioğlu & deniş"): not what it is about."""
    from factcheck.extract.frame import entity_key

    out = set()
    for ct in cites:
        inner = ct.text.strip("()[] ")
        out.add(entity_key(inner))
        for part in re.split(r"[,;&()]|\band\b|\bet al\.?", inner):
            part = part.strip()
            if part and not part.isdigit():
                out.add(entity_key(part))
    return out


_ROLE = {"supported": "supports", "contradicted": "contradicts"}


def _state(item: dict, status: str, c: Claim, s: Claim, m: Alignment, docs: dict[str, Document], relation: str) -> None:
    """Set an item's status from the source claim it rests on, with that claim as its evidence."""
    item.update(status=status, match=m.to_dict(),
                reason=f"{docs[s.doc].id} states {describe(s)} ('{s.quote}'), {relation} {describe(c)}; "
                       f"same quantity because: {m.explain()}")
    item["evidence"].append(_evidence(s, docs, _ROLE[status]))


def _judge(item: dict, c: Claim, cited_docs: list[str], by_doc: dict, vecs, cite_names: set[str], p: ConflictParams,
           docs: dict[str, Document], disputes: dict) -> None:
    pool = [s for d in cited_docs for s in by_doc.get(d, ())]
    cands = [(score, s, m) for score, s, m in _candidates(c, vecs, pool, cite_names) if _same_time(c, s)]
    support = [(score, s, m) for score, s, m in cands if _agrees(c, s, p) and
               (score >= SUPPORT or (_very_figure(c, s) and (score >= SAME_FIGURE or _alike(m) or _distinctive(c))))]
    cands = [x for x in cands if x[0] >= SUPPORT or x in support]
    cands_same_mode = [x for x in cands if (x[1].modality == "asserted") == (c.modality == "asserted")]
    against = [(score, s, m) for score, s, m in cands_same_mode if not _agrees(c, s, p) and score >= CONTRADICTION]
    if not against and not support and cands_same_mode and cands[0] is cands_same_mode[0] \
            and not _agrees(c, cands[0][1], p):
        # the one figure of the cited source that fits clearly best, though not at the contradiction
        # score: it is what the sentence reports, told otherwise
        best = cands[0][0]
        runner = cands[1][0] if len(cands) > 1 else 0.0
        if best >= SUPPORT and best - runner >= CLEAR_MARGIN:
            against = [cands[0]]
    if support:
        _, s, m = support[0]
        _state(item, "supported", c, s, m, docs, "compatible with")
        for _sc, o, _m in against:
            if o.doc != s.doc:
                item["evidence"].append(_evidence(o, docs, "disagrees"))
        if any(o.doc != s.doc for _sc, o, _m in against):
            item["reason"] += "; the cited sources disagree: " + ", ".join(
                f"{o.doc} states {describe(o)}" for _sc, o, _m in against if o.doc != s.doc)
        anchor = s
    elif against:
        _, s, m = against[0]
        _state(item, "contradicted", c, s, m, docs, "not")
        anchor = s
    else:
        item.update(status="not_found", reason="no cited source states this quantity")
        if cands:
            score, s, m = cands[0]
            item["reason"] = (f"no cited source states this quantity with confidence; nearest: {describe(s)} "
                              f"in {s.doc} ('{s.quote}', match {score:.1f} < {CONTRADICTION:.1f})")
        anchor = None
    if anchor is not None:
        item["disputed"] = disputes.get(anchor.id, [])
    # other documents of the corpus that state this quantity otherwise, though not cited for it
    others = [s for d, cl in by_doc.items() if d not in cited_docs for s in cl]
    if item["status"] in ("supported", "contradicted"):
        for score, s, m in [x for x in _candidates(c, vecs, others, cite_names) if x[0] >= SUPPORT]:
            if score >= CONFIDENT_CONTRADICTION and _same_time(c, s) and not _agrees(c, s, p) \
                    and not (c.kind == "date" and _coarser(s, c)):
                item["evidence"].append(_evidence(s, docs, "disagrees (not cited)"))
                item["disputed"] = item["disputed"] + [{"finding": None, "rule": None,
                                                       "message": f"{s.doc} (not cited here) states {describe(s)}"}]
                break
