"""From mentions to claims: keys, time, modality, via a spaCy parse.

Only sentences that hold a mention are parsed (the cheap pre-filter: the
regex cascade in :mod:`factcheck.extract.mentions` runs on every paragraph
first), in ``nlp.pipe`` batches. Each mention becomes a :class:`Claim` with:

- ``property``: what is measured (the counted noun, canonicalized through
  the alias table: "Robotics Institutions" -> the same id as "Robotics
  Institutes"), or for a date the event class of its verb ("inaugurated" ->
  "establish");
- ``subject``: whose property it is (origin/place entity for a quantity, the
  thing the event happened to for a date);
- qualifiers: origin, places, first/only, rate, the time it refers to;
- modality and negation from the dependency path to the mention.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from factcheck.extract.frame import of_object as _of_object
from factcheck.extract.mentions import Mention, find_mentions
from factcheck.ingest.segment import CLAIM_LABELS, NOTE_MARKS
from factcheck.model import Claim, Document, Time
from factcheck.normalize.units import dimension
from factcheck.normalize import dates as D
from factcheck.normalize.aliases import AliasTable, learn_acronyms


@functools.cache
def lexicon() -> dict:
    text = resources.files("factcheck.data").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    pred = {}
    for cls, lemmas in data["predicates"].items():
        for lemma in lemmas:
            pred[lemma] = cls
    data["predicate_of"] = pred
    data["modal_of"] = {w: m for m, ws in data["modality"].items() for w in ws}
    data["deal_verbs"] = frozenset(data.get("deal_verbs", ()))
    data["modal_phrase_res"] = [
        (m, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")\b[^.;:]*$", re.I))
        for m, ws in (data.get("modality_phrases") or {}).items()]
    return data


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Assoc|Assist|Inc|Ltd|Co|Corp|Jr|Sr|St|vs|etc|e\.g|i\.e|cf|al|approx|No|Nos|Vol|pp|p|Fig|Eq|Art|Sec|Ch|Dept|Univ|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$"
)


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Cheap rule-based sentence spans (abbreviation- and initial-aware)."""
    spans = []
    start = 0
    # (a footnote mark after the stop, "the war ended.12 Next", but never a decimal: "magnitude 7.4 Izvora")
    for m in re.finditer(r"(?:(?<!\d)[.!?…][\"”’»)\]]*\d{1,3}(?=\s+[A-Z])|[.!?…][\"”’»)\]]*)(?=\s+[\"“«(\[]?[A-Z0-9])", text):
        end = m.end()
        if _ABBREV.search(text[max(start, end - 8):end]):
            continue
        spans.append((base + start, base + end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((base + start, base + len(text)))
    return [piece for span in spans for piece in _bounded(text, base, span)]


MAX_SENTENCE = 2000


def _bounded(text: str, base: int, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" (a table, a line without punctuation) at spaces.

    Keeps every parse small: a 10 MB line must not reach spaCy whole.
    """
    s, e = span
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s - base, s - base + MAX_SENTENCE)
        cut = cut + base if cut > s - base else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


@dataclass(slots=True)
class _Pending:
    mention: Mention
    sent: tuple[int, int]
    para: tuple[int, int]


@functools.cache
def _present_re() -> re.Pattern:
    cues = sorted(lexicon()["present_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.I)


@functools.lru_cache(maxsize=256)  # a sentence's figures ask in turn
def _present_cue(sentence: str) -> bool:
    return _present_re().search(sentence) is not None


def extract_document(doc: Document, nlp, aliases: AliasTable, batch_size: int = 64) -> list[Claim]:
    """All claims of one document, sorted by position."""
    return next(extract_documents([doc], nlp, aliases, batch_size))


# sentences parsed in one nlp.pipe stream: the documents of a chunk share its batches
CHUNK_SENTENCES = 256


def extract_documents(docs, nlp, aliases: AliasTable, batch_size: int = 64) -> Iterator[list[Claim]]:
    """The claims of each document, in order: the sentences of several documents go through the
    parser in one stream (full batches, not a few sentences a document), at most about
    CHUNK_SENTENCES sentences held parsed at a time."""
    chunk: list[_Plan] = []
    size = 0
    for doc in docs:
        plan = _plan(doc, aliases)
        chunk.append(plan)
        size += len(plan.sents)
        if size >= CHUNK_SENTENCES:
            yield from _finish_chunk(chunk, nlp, aliases, batch_size)
            chunk, size = [], 0
    if chunk:
        yield from _finish_chunk(chunk, nlp, aliases, batch_size)


def _finish_chunk(chunk: list[_Plan], nlp, aliases: AliasTable, batch_size: int) -> Iterator[list[Claim]]:
    texts = (plan.parse_text[s:e] for plan in chunk for s, e in plan.sents)
    parsed = iter(nlp.pipe(texts, batch_size=batch_size))
    plans = [(plan, {sent: next(parsed) for sent in plan.sents}) for plan in chunk]
    for plan, sdocs in plans:
        yield _claims_of(plan, sdocs, aliases)


@dataclass(slots=True)
class _Plan:
    """A document's mentions and the sentences that hold them, before the parse."""

    doc: Document
    acronyms: dict[str, str]
    note_years: dict[int, int]
    pending: list[_Pending]
    sents: list[tuple[int, int]]
    parse_text: str


def _plan(doc: Document, aliases: AliasTable) -> _Plan:
    text = doc.text
    acronyms = learn_acronyms(text, aliases)
    taken = [(c.start, c.end) for c in doc.citations] + [(s, e) for s, e, _ in doc.markers]
    note_years = _note_years(doc)
    pending: list[_Pending] = []
    for seg in doc.segments:
        if seg.label not in CLAIM_LABELS:
            continue
        para = text[seg.start:seg.end]
        mentions = find_mentions(para, seg.start, [t for t in taken if seg.start <= t[0] < seg.end])
        if not mentions:
            continue
        sents = split_sentences(para, seg.start)
        starts = [s[0] for s in sents]
        for m in mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            sent = sents[i] if i >= 0 and sents[i][0] <= m.start < sents[i][1] else (seg.start, seg.end)
            j = i
            while m.end > sent[1] and j + 1 < len(sents):  # "at 3:33 a.m. GMT": the splitter cut after "a.m."
                j += 1
                sent = (sent[0], sents[j][1])
            pending.append(_Pending(m, sent, (seg.start, seg.end)))
    unique_sents = sorted({p.sent for p in pending})
    # footnote markers glued to words ("billion.8") confuse the tokenizer: blank them
    # (same length, so offsets hold) in the text the parser sees
    # and so do web pages' note marks ("injured.[3]", "[citation needed]"), which glue to the word before
    parse_text = text
    blanks = [(ms, me) for ms, me, _n in doc.markers] + [(x.start(), x.end()) for x in NOTE_MARKS.finditer(text)]
    if blanks:
        chars = list(text)
        for ms, me in blanks:
            chars[ms:me] = " " * (me - ms)
        parse_text = "".join(chars)
    return _Plan(doc, acronyms, note_years, pending, unique_sents, parse_text)


def _claims_of(plan: _Plan, parsed: dict, aliases: AliasTable) -> list[Claim]:
    doc, acronyms, note_years, pending = plan.doc, plan.acronyms, plan.note_years, plan.pending
    text = doc.text
    claims: list[Claim] = []
    # indexes, so that each claim looks only at its sentence and at earlier dates of its paragraph
    by_sent: dict[tuple[int, int], list[Mention]] = {}
    para_dates: dict[tuple[int, int], list[Mention]] = {}
    for p in pending:
        by_sent.setdefault(p.sent, []).append(p.mention)
        t = p.mention.time
        if p.mention.kind == "date" and t is not None and not t.relative and t.granularity in _POINT_GRANULARITIES:
            para_dates.setdefault(p.para, []).append(p.mention)
    # dates in headings ("1918", "December 1979-February 1980") are not claims, but they anchor the narrative under them
    heading_dates = [m for seg in doc.segments if seg.label in ("heading", "page_header")
                     for m in find_mentions(text[seg.start:seg.end], seg.start) if m.kind == "date"]
    _anchor_dates(doc, pending, heading_dates)
    for p in pending:
        sdoc = parsed[p.sent]
        claim = _build_claim(doc, p, sdoc, aliases, acronyms, by_sent[p.sent], para_dates.get(p.para, []), note_years)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    return _resolve_pronouns(claims)


_FUTURE = re.compile(r"\b(?:will|shall|next|coming|upcoming|scheduled|expected\s+to|plans?\s+to|planned|is\s+to|are\s+to|due\s+to|set\s+to)\b", re.I)


def _doc_day(doc: Document) -> tuple[dt.date | None, str]:
    """The document's own date as an anchor, when the file states it (never a lower bound)."""
    if not doc.published or doc.published_source == "text-lower-bound":
        return None, ""
    iso = doc.published
    try:
        day = dt.date.fromisoformat(iso if len(iso) == 10 else (iso + "-15" if len(iso) == 7 else iso + "-07-01"))
    except ValueError:
        return None, ""
    return day, f"document date {iso} ({doc.published_source})"


LEADING_YEAR_CHARS = 12  # a year this close to its sentence's start leads it ("In late 1975,", "By 1976 the")


def _anchor_dates(doc: Document, pending: list[_Pending], heading_dates: list[Mention] = ()) -> None:
    """Give partial dates ("September 17", "in early October") and deictic ones ("Saturday", "yesterday") a value.

    A partial date takes its year from the latest full date earlier in its
    paragraph; else from the document's date (the nearest such day); else from
    the latest full date earlier in the document (a narrative). A deictic date
    needs the document's day. Without an anchor the date stays unresolved:
    a date claim with no value, never a guess and never a count.
    """
    day, day_desc = _doc_day(doc)
    explicit: list[Mention] = []
    explicit_para: list[tuple[int, int]] = []
    explicit_moves: list[bool] = []
    days: list[Mention] = []  # day dates told so far, for "two days later"
    items = [(m.start, 0, None, m) for m in heading_dates] + [(p.mention.start, 1, p, p.mention) for p in pending]
    for _start, _order, p, m in sorted(items, key=lambda x: (x[0], x[1])):
        if m.kind != "date" or m.time is None:
            continue
        if not m.time.relative and m.time.start and m.time.granularity in ("year", "month", "day", "season", "half", "quarter"):
            explicit.append(m)
            explicit_para.append(p.para if p is not None else (-1, -1))
            explicit_moves.append(m.time.granularity != "year" or p is None
                                  or len(doc.text[p.sent[0]:m.start].strip()) <= LEADING_YEAR_CHARS)
            if m.time.granularity == "day" and m.time.start == m.time.end:
                days.append(m)
            continue
        if p is None:
            continue
        n = m.flags.get("anaphoric")
        if n is not None:
            if days and m.start - days[-1].end < 3000:
                a = days[-1]
                t = D.day_time(dt.date.fromisoformat(a.time.start) + dt.timedelta(days=n))
                m.time = replace(t, anchor=f"{n:+d} days from {a.text!r}")
                days.append(m)
            continue
        dom = m.flags.get("day_of_month")
        if dom is not None:
            # "On the 5th": the latest day or month told before it, within a few paragraphs
            month = next((a for a in reversed(explicit) if a.time.granularity in ("day", "month")), None)
            if month is not None and m.start - month.end < 3000:
                try:
                    t = D.day_time(dt.date(int(month.time.start[:4]), int(month.time.start[5:7]), dom))
                except ValueError:
                    t = None
                if t is not None:
                    m.time = replace(t, anchor=f"month of {month.text!r} earlier in the text")
                    days.append(m)
            continue
        spec = m.flags.get("partial")
        if spec:
            t = None
            # explicit dates are collected in text order, so they all precede this mention
            # the latest date that moves the narrative: a day or a month, or a year that leads its
            # sentence ("In 1976, ..."); a year told in passing ("for a planned campaign in 1976") does not
            lead = next((i for i in range(len(explicit) - 1, -1, -1) if explicit_moves[i]), None)
            last = len(explicit) - 1 if explicit else None
            pick = lead if lead is not None and explicit[lead].time.start[:4] != explicit[last].time.start[:4] else last
            same_para = explicit[pick] if pick is not None and explicit_para[pick] == p.para else None
            if same_para is None and explicit and explicit_para[-1] == p.para:
                same_para = explicit[-1]
            if same_para is not None:
                a = same_para
                t = D.resolve_partial(spec, int(a.time.start[:4]), f"year of {a.text!r} earlier in the paragraph")
            elif day is not None and len(doc.published) >= 7:
                t = D.resolve_partial(spec, D.nearest_year(spec, day), day_desc)
            elif explicit and m.start - explicit[pick].end < 20000:
                a = explicit[pick]
                t = D.resolve_partial(spec, int(a.time.start[:4]), f"year of {a.text!r} earlier in the text")
            if t is not None:
                m.time = t
                if t.granularity == "day" and t.start == t.end:
                    days.append(m)
            continue
        spec = m.flags.get("deictic")
        if spec and day is not None and len(doc.published) == 10:
            sentence = doc.text[p.sent[0]:p.sent[1]]
            t = D.resolve_deictic(spec, day, bool(_FUTURE.search(sentence)), day_desc)
            if t is not None:
                m.time = t
                if t.granularity == "day":
                    days.append(m)


def _resolve_pronouns(claims: list[Claim]) -> list[Claim]:
    """"... $25.68 billion, in 2017 they had gone up to $28.6 billion": inherit the property."""
    out = []
    last: dict[tuple[int, str], Claim] = {}
    last_event: Claim | None = None
    for c in claims:
        q = c.quals
        if c.kind == "date":
            if q.get("pronoun_subject") and last_event is not None and 0 < c.sent_start - last_event.sent_start <= 400:
                # "The term was suggested ... a century ago. It was first mentioned in 1990": "it" is the term
                quals = {k: v for k, v in q.items() if k != "pronoun_subject"}
                if "subject_name" in last_event.quals:
                    quals["subject_name"] = last_event.quals["subject_name"]
                c = replace(c, subject=last_event.subject, qualifiers=tuple(sorted(quals.items())))
            if c.subject:
                last_event = c
        if c.kind == "quantity" and c.value is not None:
            key = (c.sent_start, c.value.unit)
            if q.get("pronoun") and c.property is None:
                prev = last.get(key)
                if prev is not None and prev.property:
                    quals = {k: v for k, v in q.items() if k != "pronoun"}
                    for k in ("known_property", "origin", "scope"):
                        if k in prev.quals:
                            quals[k] = prev.quals[k]
                    c = replace(c, property=prev.property, subject=prev.subject, qualifiers=tuple(sorted(quals.items())))
            if c.property:
                last[key] = c
        out.append(c)
    return out


def _note_years(doc: Document) -> dict[int, int]:
    """Footnote number -> the year its source is about ("Report for 2016")."""
    out = {}
    for seg in doc.segments:
        if seg.label not in ("note", "footnote"):
            continue
        t = doc.text[seg.start:seg.end]
        m = re.match(r"(\d{1,3})", t)
        if not m:
            continue
        # drop access dates ("3 October, 2017") and URLs; keep "for 2016"-style years
        body = re.sub(r"https?://\S+|\[[^\]]*\]", " ", t[m.end():])
        body = re.sub(rf"\d{{1,2}}\s+{D.MONTH_RE},?\s+\d{{4}}", " ", body)
        years = re.findall(r"\b(?:for|in|of)\s+((?:19|20)\d\d)\b", body)
        if years:
            out[int(m.group(1))] = int(years[0])
    return out


def _token_for(sdoc, start: int, end: int):
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    root = span.root
    if root.head == root and len(span) > 1:
        # the parser cut the sentence inside the mention ("lifted off at 6:03 a.m. | UTC."): the part
        # of the mention that hangs on the rest of the sentence says what it is
        attached = [t for t in span if t.head != t and not (span.start <= t.head.i < span.end)]
        if attached:
            root = attached[0]
    return span, root


_MONEY_UNITS = ("USD", "EUR", "CNY", "KZT", "RUB", "GBP", "TRY")
_POINT_GRANULARITIES = ("year", "month", "day", "season", "half", "quarter")
_SCOPE_IGNORE = {"more", "other", "many", "several", "new", "total", "such", "same", "current", "annual", "local", "main"}
_QUANT_NOUNS = {"number", "amount", "total", "volume", "share", "percentage", "proportion", "level", "figure", "count", "size", "value"}


def _noun_phrase(tok) -> str:
    """The noun with its compound/adjective modifiers ("trade turnover indicator")."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return " ".join([*(t.text for t in words), tok.text])


def _counted_noun(root):
    """The noun a quantity counts ("over 3,000 Chinese students" -> students)."""
    tok = root
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("nummod",) and tok.lower_ not in ("percent", "%", "thousand", "million", "billion", "times"):
        if tok.lower_ in _QUANT_NOUNS:
            return _of_object(tok) or tok
        return tok
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "appos") and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        if head.lower_ in ("percent", "%"):
            return _of_object(head) or _clause_subject(head)
        if head.lower_ in _QUANT_NOUNS:
            return _of_object(head) or head
        return head
    if tok.lower_ in ("percent", "%") or tok.text.endswith("%"):
        return _of_object(tok) or _clause_subject(tok)
    return _clause_subject(tok)


def _clause_subject(tok):
    """The subject of the clause the token sits in ("the trade indicator is growing 10%")."""
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            for c in anc.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    if c.lower_ in _QUANT_NOUNS:
                        return _of_object(c) or c
                    return c
            if anc.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                break
    return None


def _entity_at(sdoc, tok) -> str | None:
    for span in sdoc.spans.get("fc_entities", []):
        if span.start <= tok.i < span.end:
            return span.label_
    return None


def _entities(sdoc, acronyms: dict[str, str], aliases: AliasTable | None = None) -> list[tuple[int, str]]:
    """Named entities of a sentence; demonyms ("Chinese") name an origin, not a place, and are left out."""
    key = ("fc_entities", id(acronyms), id(aliases))  # once per sentence, not once per figure in it
    cached = sdoc.user_data.get(key)
    if cached is not None:
        return cached
    found = [(s.start_char, s.label_) for s in sdoc.spans.get("fc_entities", [])
             if aliases is None or s.label_.startswith("gpe:") or aliases.lookup(s.text) is not None]
    if acronyms:
        for tok in sdoc:
            if tok.text in acronyms:
                found.append((tok.idx, acronyms[tok.text]))
    sdoc.user_data[key] = found = sorted(found)
    return found


_SPEECH_VERBS = frozenset({"say", "announce", "tell", "confirm", "state", "report", "add", "warn", "promise", "pledge"})


def _modality(root, sentence: str) -> tuple[str, bool]:
    lex = lexicon()["modal_of"]
    chain = [root, *root.ancestors]
    modality = "asserted"
    negated = False
    for t in chain:
        for c in t.children:
            if c.dep_ == "neg":
                negated = True
            if c.dep_ in ("aux", "mark") and c.lemma_.lower() in lex and modality == "asserted":
                modality = lex[c.lemma_.lower()]
                if c.lower_ == "would" and t.dep_ == "ccomp" and t.head.lemma_.lower() in _SPEECH_VERBS:
                    modality = "projected"  # "the firm said it would cut 540 jobs": a reported plan, not a supposition
        counted = t is root.head and root.dep_ in ("nummod", "quantmod", "compound", "amod") and t.pos_ == "NOUN"
        deal = t.lemma_.lower() in ("agree", "agreement") and any(x.lemma_.lower() in lexicon()["deal_verbs"] for x in chain)
        if t.lemma_.lower() in lex and t.pos_ in ("VERB", "NOUN", "AUX", "ADJ") and modality == "asserted" and not counted \
                and not deal:
            modality = lex[t.lemma_.lower()]  # ("seven league goals" counts goals; it states no goal)
        if t.pos_ in ("VERB", "AUX") and modality == "asserted":
            # "an agreement was reached to open ...", "the plan is to build ..."
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.lemma_.lower() in lex and c.pos_ == "NOUN":
                    modality = lex[c.lemma_.lower()]
    if modality == "asserted":
        # "the drive set out to collect 10,000 bicycles": a cue phrase earlier in the figure's clause
        before = sentence[max(0, root.idx - 80):root.idx]
        before = re.split(r",\s+(?:but|and|while|whereas|yet)\s+|\b(?:but|however|eventually|finally|in the end|ultimately)\b", before)[-1]
        for m, rx in lexicon()["modal_phrase_res"]:
            if rx.search(before):
                modality = m
                break
    return modality, negated


def _event_verb(root):
    """The head of the clause a token sits in (a verb, or a copula heading a clause)."""
    for anc in [root, *root.ancestors]:
        if anc.pos_ == "VERB" or (anc.pos_ == "AUX" and anc.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp")):
            return anc
    return None


_OWN_LABELS = ("PERSON", "ORG", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")


def _named(sdoc, tok) -> str | None:
    """The entity key of a proper noun the model labelled as a name ("Ilse Varga", "the Treaty of Varnholm")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in _OWN_LABELS:
        return None
    from factcheck.extract.frame import ents_of, entity_key

    ent = next((e for e in ents_of(sdoc) if e.start <= tok.i < e.end), None)
    if ent is None:
        return None

    # the whole run of proper nouns when the model's entity is shorter ("Edda [Lund Varga]")
    chain = [t for t in tok.subtree if t.i <= tok.i and t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    text = " ".join(t.text for t in chain) if len(chain) > len(ent) else ent.text
    return entity_key(text) or None


def _subject_entity(verb, sdoc, aliases: AliasTable, acronyms, context: str) -> tuple[str | None, Any]:
    """The thing an event happened to: the (passive) subject of its verb.

    "Established in 1878, Carrow Brewing is ...": a participle's subject is its clause's. "The poet
    Ilse Varga died": the name in apposition. "Passenger service on the Halden Line began": the
    thing the subject is of, unless the subject is a process ("construction on the bridge began"
    is the construction's start). "The duchies concluded the Treaty of Varnholm": a named object
    when the subject names nothing.
    """
    from factcheck.extract.frame import table

    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subjects and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]  # "the treaty signed in 1712"
    if not subjects:
        return None, None
    # "The painter Odile Marchetti died" can parse with two subjects: the named one is whose event it is
    subj = next((c for c in subjects if c.pos_ == "PROPN" and c.ent_type_), subjects[0])
    process = subj.lemma_.lower() in table()["process_set"]
    eid = _entity_at(sdoc, subj) or acronyms.get(subj.text)
    if eid is None and not process:
        for t in subj.subtree:
            eid = _entity_at(sdoc, t) or acronyms.get(t.text)
            if eid and aliases.type_of(eid) != "place" and not eid.startswith("gpe:"):
                break
            eid = None
    if eid is None and any(c.lower_ in ("such", "this", "that", "these") for c in subj.children):
        # "the first such institute": the most recent earlier entity with the same head word
        head = subj.lemma_.lower()
        for eid2 in reversed(_context_entities(context, aliases, acronyms)):
            ent = aliases.entities.get(eid2)
            names = ent.variants if ent else []
            if any(n.lower().split()[-1].startswith(head) for n in names):
                eid = eid2
                break
    if eid is None:
        eid = _named(sdoc, subj)
    if eid is None and subj.pos_ == "NOUN":
        for c in subj.children:
            if c.dep_ in ("appos", "compound") and (eid := _named(sdoc, c)):
                break  # "the poet Ilse Varga"
        if eid is None and not process:
            for c in subj.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "on", "at", "for", "to", "in"):
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    cands = [t for g in pobjs for t in (g, *(x for x in g.children if x.dep_ == "compound"))]
                    if (eid := next((n for t in cands for n in [_named(sdoc, t)] if n), None)):
                        break  # "passenger service on the Halden Line extension"
    if eid is None and subj.pos_ in ("NOUN", "PRON"):
        for c in verb.children:
            if c.dep_ == "dobj" and c.pos_ == "PROPN":
                eid = _named(sdoc, c) or _noun_phrase(c)
                break  # "the duchies concluded the Treaty of Varnholm"
    if eid is None and subj.pos_ in ("NOUN", "PROPN"):
        eid = _noun_phrase(subj)  # an unknown thing: its noun phrase ("robotics academy")
    return eid, subj


def _noun_phrase(tok) -> str:
    """A noun's lemma with its compound and adjective modifiers, minus ordinals and determiners."""
    words = [t.lemma_.lower() for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN")]
    return " ".join([*words, tok.lemma_.lower()])


def _context_entities(context: str, aliases: AliasTable, acronyms) -> list[str]:
    out = []
    low = context.lower()
    for name, eid in aliases.by_name.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", low):
            out.append((m.start(), eid))
    for ac, eid in acronyms.items():
        for m in re.finditer(rf"\b{re.escape(ac)}\b", context):
            out.append((m.start(), eid))
    return [e for _, e in sorted(out)]


def _build_claim(doc: Document, p: _Pending, sdoc, aliases: AliasTable, acronyms, sent_mentions: list[Mention],
                 para_dates: list[Mention], note_years: dict[int, int]) -> Claim | None:
    m = p.mention
    s0 = p.sent[0]
    sentence = doc.text[p.sent[0]:p.sent[1]]
    span, root = _token_for(sdoc, m.start - s0, m.end - s0)
    if root is None:
        return None
    lex = lexicon()
    ents = _entities(sdoc, acronyms, aliases)
    places = sorted({aliases.broadest(e) for _, e in ents if aliases.type_of(e) == "place" or e.startswith("gpe:")})
    modality, negated = _modality(root, sentence)
    quals: dict[str, Any] = {}
    if places:
        quals["places"] = places
    confidence = 0.9
    subject = prop = None
    time: Time | None = None
    kind = m.kind
    value = m.value
    noun = None

    if m.kind == "quantity":
        unit = m.value.unit
        noun = None
        money = unit in _MONEY_UNITS
        direct = True
        if unit in ("count", "percent", "ordinal", "times") or money:
            noun = _counted_noun(root)
            direct = noun is not None and (noun.head == root or root.head == noun or noun == root
                                           or (root.head.head == noun) or _of_object(root.head) == noun or _of_object(root) == noun)
        if money and (noun is None or noun.i in range(span.start, span.end)):
            noun = _clause_subject(root)
        if money:
            direct = True  # what money measures is named by its clause ("trade reached $5 billion")
        if noun is not None and span.start <= noun.i < span.end and unit == "count":
            noun = None
        if noun is not None:
            phrase = _noun_phrase(noun)
            if noun.lemma_.lower() in lex["ignore_nouns"] and not (
                    noun.dep_ in ("nsubj", "nsubjpass") and root.head != noun and noun.lemma_.lower() == "figure"):
                return None  # "Figure 3", "12 pages" (but "the figure was higher than 2,000" is a claim)
            eid = _entity_at(sdoc, noun) or acronyms.get(noun.text)
            if eid and aliases.type_of(eid) == "place":
                eid = None
            known = eid or aliases.property_of(phrase) or aliases.property_of(noun.lemma_)
            if known and not (eid and eid.startswith("local:")):
                quals["known_property"] = True
            prop = known or noun.lemma_.lower()
            if prop in ("percent", "%", "thousand", "million", "billion", "time", "times"):
                prop = None
            origin = None
            for c in noun.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss"):
                    toks = [c]
                elif c.dep_ == "prep" and c.lower_ == "from":
                    toks = list(c.subtree)[1:]  # any place inside "from ...", even when mis-parsed
                else:
                    continue
                for tok in toks:
                    e = _entity_at(sdoc, tok) or aliases.lookup(tok.text, demonyms=True)
                    if e and aliases.type_of(e) == "place":
                        origin = aliases.broadest(e)
                        break
            if origin is None and noun.dep_ in ("nsubj", "nsubjpass"):
                # "students from X study ...": the "from" phrase often hangs on the verb
                for c in noun.head.children:
                    if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i:
                        tok = next((g for g in c.children if g.dep_ == "pobj"), None)
                        e = tok is not None and (_entity_at(sdoc, tok) or aliases.lookup(tok.text, demonyms=True))
                        if e and aliases.type_of(e) == "place":
                            origin = aliases.broadest(e)
            if origin:
                quals["origin"] = origin
            if noun.pos_ == "PRON":
                quals["pronoun"] = True
                prop = None
            if not direct:
                confidence = 0.45  # the counted thing was inferred from the clause, not attached to the number
            scope = sorted({c.lemma_.lower() for c in noun.children
                            if (c.dep_ in ("amod", "compound") and not (_entity_at(sdoc, c) or aliases.lookup(c.text, demonyms=True))
                                and c.pos_ in ("ADJ", "NOUN") and c.lemma_.lower() not in _SCOPE_IGNORE)
                            or c.dep_ in ("relcl", "acl")})
            if scope:
                quals["scope"] = tuple(scope)
            subject = origin or (places[0] if len(places) == 1 else None)
        else:
            confidence = 0.5
        if m.flags.get("rate"):
            quals["rate"] = m.flags["rate"]
        if m.flags.get("clock"):
            quals["half_day_known"] = bool(m.flags.get("half_day_known"))
            if m.flags.get("tz"):
                quals["tz"] = m.flags["tz"]
        if m.flags.get("first"):
            quals["first"] = True
        if unit == "ordinal":
            confidence = min(confidence, 0.6)
        # the time the quantity refers to
        time = _quantity_time(doc, m, p, sent_mentions, sentence, note_years, sdoc, root)
    else:
        t = m.time
        if t is not None and t.relative:
            t = _resolve_relative(doc, m, para_dates)
        if t is None:
            return None
        time = t
        spec = m.flags.get("partial")
        if t.relative and not t.start and spec and spec[0] in ("day", "days", "dayspan", "month"):
            # "on 12 October", with no year anywhere to take: its month and day are still known (a leap
            # year holds every day), and a one-time event's other date can disagree with them
            ref = D.resolve_partial(spec, D.YEARLESS_YEAR, "")
            if ref is not None and ref.start[5:] <= ref.end[5:]:  # (not a span over New Year: "28 December - 3 January")
                quals["yearless"] = (ref.start[5:], ref.end[5:])
        verb = _event_verb(root)
        if verb is not None:
            prop = lex["predicate_of"].get(verb.lemma_.lower(), verb.lemma_.lower())
            if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ in ("VBD", "VBZ", "VBP") and a.dep_ in ("aux", "auxpass") for a in verb.children)):
                quals["past"] = True
            subject, subj_tok = _subject_entity(verb, sdoc, aliases, acronyms, doc.text[max(0, p.sent[0] - 1500):p.sent[0]])
            if subj_tok is not None and subj_tok.pos_ == "PRON" and subj_tok.lower_ in ("it", "they", "this"):
                quals["pronoun_subject"] = True
                subject = None
            elif subj_tok is not None and subj_tok.pos_ == "PRON" and subj_tok.lower_ in ("he", "she"):
                # "Liu Zhi first fled to ... He died in Taiwan in 1972": the person the text last named as a subject
                name = antecedent_person(doc.text[max(0, p.sent[0] - 1500):p.sent[0]])
                if name:
                    from factcheck.extract.frame import entity_key

                    subject = entity_key(name)
                    quals["antecedent"] = subject
            first = any(x.flags.get("first") for x in sent_mentions)
            if first:
                ftoks = [t for t in sdoc if t.lower_ == "first"]
                if any(ft.head == verb or (subj_tok is not None and ft.head == subj_tok) for ft in ftoks):
                    quals["first"] = True
        else:
            confidence = 0.6
        if re.search(r"\bas of\s*$", sentence[: m.start - s0].lower()[-8:]):
            quals["as_of"] = True
        life = _life_date(sentence, m.start - s0, m.end - s0)
        who = _name_before(sdoc, sentence.rfind("(", 0, m.start - s0)) if life else None
        if who:
            # "Ilse Varga (3 May 1931 – 9 June 1994) was a poet": the dates of a life after a person's name
            prop, subject, confidence = life, who, 0.9
            quals.pop("tense", None)
    _add_frame(quals, sdoc, span, root, noun, m, s0, sentence, kind, prop)
    if "event_owner" in quals:
        subject = quals.pop("event_owner") or None  # the event of a noun is its owner's ("Hoover's death in 1972")
        if subject is None:
            quals["ownerless"] = True
    if quals.get("antecedent"):
        # the pronoun's person is who the sentence is about, as if it named them
        who = quals["antecedent"]
        quals["entities"] = tuple(sorted({*quals.get("entities", ()), who}))
        quals["specific"] = tuple(sorted({*quals.get("specific", ()), who}))
        quals.setdefault("nearest", who)
    if quals.pop("attached", False) and confidence < 0.9:
        confidence = 0.8  # the parse attaches the number to what it counts
    elif kind == "quantity" and quals.get("measure") and confidence < 0.6:
        confidence = 0.6  # the frame names what is measured; the linker decides what it is compared with
    for role, eid in (("subject_name", subject), ("property_name", prop)):
        ent = aliases.entities.get(eid or "")
        if ent is not None and ent.variants:
            quals[role] = ent.variants[0]
    return Claim(
        doc=doc.id,
        start=m.start,
        end=m.end,
        quote=m.text,
        sentence=sentence,
        sent_start=s0,
        kind=kind,
        value=value,
        time=time,
        subject=subject,
        property=prop,
        qualifiers=tuple(sorted(quals.items())),
        modality=modality,
        negated=negated,
        confidence=confidence,
    )


# a name of two to four capitalized words that opens a sentence and is followed by a verb-like word:
# the subject a later "he" or "she" most likely refers to
_SUBJECT_NAME = re.compile(
    r"(?:^|[.!?]\s+|\n)(?P<name>[A-Z][a-z’'-]+(?:\s+(?:de|del|da|van|von|al|bin|ibn|le|la)?\s*[A-Z][a-z’'-]+){1,3})"
    r"(?:\s*\([^()]{0,60}\))?,?\s+(?:was|is|had|has|first|later|then|also|became|returned|moved|left|joined|served|"
    r"worked|studied|married|died|lived|[a-z]{3,}ed)\b")
_NOT_PERSON_START = frozenset({"The", "In", "On", "At", "After", "Before", "During", "When", "While", "His", "Her", "This",
                               "That", "It", "A", "An", "From", "By", "For", "With", "As", "Since", "Until"})


def antecedent_person(before: str) -> str | None:
    """The last sentence-opening name in ``before`` ("Liu Zhi first fled ..."), for a later "he" or "she".

    Returns None when the text names none. Only names that open a sentence and come before a verb
    count: a name inside a sentence is more often an object or a bystander."""
    names = [m.group("name") for m in _SUBJECT_NAME.finditer(before) if m.group("name").split()[0] not in _NOT_PERSON_START]
    if not names:
        return None
    return names[-1]


_LIFE_OPEN = re.compile(r"\(\s*(?:born\s+|b\.\s*)?$", re.I)
_LIFE_DIED = re.compile(r"\(\s*(?:died\s+|d\.\s*)$", re.I)
_LIFE_TAIL = re.compile(r"^\s*[–—-]\s*[^()]{4,40}\)")
_LIFE_HEAD = re.compile(r"\([^()]{4,40}?\s*[–—-]\s*$")


def _life_date(sentence: str, s: int, e: int) -> str | None:
    """"born" or "die" for the dates of a life in parentheses: "(3 May 1931 – 9 June 1994)",
    "(born 3 May 1931)", "(b. 1931)", "(died 1994)"; None otherwise."""
    before, after = sentence[max(0, s - 48):s], sentence[e:e + 48]
    if _LIFE_OPEN.search(before) and (_LIFE_TAIL.match(after) or (re.search(r"(?:born|b\.)\s*$", before, re.I)
                                                                   and re.match(r"^\s*[),;]", after))):
        return "born"
    if (_LIFE_HEAD.search(before) and re.match(r"^\s*\)", after)) or (_LIFE_DIED.search(before) and re.match(r"^\s*[),;]", after)):
        return "die"
    return None


def _name_before(sdoc, paren: int) -> str | None:
    """The first person named in the sentence before a parenthesis (whose life dates it gives)."""
    from factcheck.extract.frame import ents_of, entity_key

    if paren < 0:
        return None
    for ent in ents_of(sdoc):
        if ent.end_char <= paren and ent.label_ == "PERSON":
            return entity_key(ent.text) or None
    return None


def _label_lemma(tok) -> str:
    """The lexicon form of an event label word ("Died" -> "die", "Opened" -> "open")."""
    from factcheck.extract import frame as F

    one_time = F.table()["one_time"]
    low = tok.lower_
    for cand in (tok.lemma_.lower(), low, low[:-1] if low.endswith("d") else "", low[:-2] if low.endswith("ed") else "",
                 low[:-3] if low.endswith("ied") else ""):
        if cand and cand in one_time:
            return cand
    return low


def _event_label(sdoc, start: int):
    """The word that labels a date in a fact line ("Born 21 August 1968", "Opened: 1937", "(died 3 May 1990"),
    when it names a one-time event; else None."""
    prev = [t for t in sdoc if t.idx + len(t) <= start]
    while prev and prev[-1].is_punct:
        prev.pop()
    if not prev:
        return None
    tok = prev[-1]
    if start - (tok.idx + len(tok)) > 4:
        return None
    low = _label_lemma(tok)
    from factcheck.extract import frame as F

    return tok if low in F.table()["one_time"] and (tok.pos_ != "VERB" or tok.dep_ in ("ROOT", "acl", "amod")) else None


def _tense(verb) -> str | None:
    """"present" or "past", from the finite verb of the clause ("has 510 beds", "had 220 beds")."""
    verb = _clause_head(verb)
    if verb is None:
        return None
    for tok in (*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb):
        if tok.tag_ == "VBD":
            return "past"
        if tok.tag_ in ("VBZ", "VBP"):
            return "present"
        if tok.tag_ == "MD":
            return None
    return None


def _add_frame(quals: dict, sdoc, span, root, noun, m: Mention, s0: int, sentence: str, kind: str,
               prop: str | None) -> None:
    """The claim's frame (see :mod:`factcheck.extract.frame`): measure, entities, context, role."""
    from factcheck.extract import frame as F

    verb = _event_verb(root)
    inside = (m.start - s0, m.end - s0)
    tense = _tense(verb)
    if tense:
        quals["tense"] = tense
    if noun is not None and span is not None and span.start <= noun.i < span.end:
        noun = None
    if kind == "quantity" and F.is_clock(sentence, *inside):
        quals["label"] = True  # "9:04:35 am": part of a time of day
        return
    row = _row_label(sdoc, sentence)  # a fact-box row's label, or None
    if kind == "quantity" and span is not None and F.is_label(root, span) and row is None:
        quals["label"] = True  # "Cohort 2": a name, never compared
        return
    if kind == "quantity":
        attached = F.measured_noun(root, span)
        if attached is not None:
            noun = attached
            quals["attached"] = True
        if m.value is not None and m.value.unit not in ("count", "percent") and m.value.unit not in _MONEY_UNITS:
            substance = F.of_object_after(sdoc, m.end - s0)
            if substance is not None:
                noun = substance  # "40 tons of copper": what is weighed is copper
        unit = m.value.unit if m.value else ""
        if unit in _MONEY_UNITS and span is not None and not quals.get("attached"):
            # "ended up $1.3 million in debt", "$2 billion in revenue", "$40 million in damages": the
            # noun the amount is "in" is what the amount is of
            held = next((g for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                         for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_
                         and F._usable(g) and F._lemma(g) not in F.table()["in_not_measure"]), None)
            if held is not None:
                noun = held
        extra = []
        if noun is not None and noun.pos_ == "PROPN" and kind == "quantity" and m.value is not None \
                and m.value.unit not in ("count", "percent") and m.value.unit not in _MONEY_UNITS \
                and F.of_object_after(sdoc, m.end - s0) == noun:
            extra = [noun]  # "40 tons of Orlite": a named substance is what is weighed, not of what
        if noun is not None and verb is not None and noun.dep_ in ("nsubj", "nsubjpass"):
            # "1,900 people lost their lives": the verb's object says what happened to them
            extra = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if noun is None and verb is not None:
            # "the film grossed $95 million worldwide": what is measured is the verb and its object
            extra = [c for c in verb.children if c.dep_ in ("dobj", "attr") and not (span.start <= c.i < span.end)]
        if noun is None and span is not None:
            # "1.4 billion of the planet's people": the partitive says what is counted
            part = next((F.of_object(t) for t in span if F.of_object(t) is not None and t.pos_ == "NUM"), None)
            if part is not None and part.pos_ == "NOUN" and not (span.start <= part.i < span.end):
                noun = part
        if noun is None and verb is not None and span is not None and any(t.dep_ == "nsubj" and t.head == verb for t in span) \
                and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            # "60,000 fans filled the Arena, and 80,000 came to Dunmore Park": the count of the parallel clause's noun
            prior = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                          and any(g.dep_ == "nummod" for g in c.children)), None)
            if prior is not None:
                noun = prior
        if noun is not None:
            # "1,400 people who died": the relative clause says what happened to them
            extra = [*extra, *(c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB")]
            if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                extra = [*extra, noun.head.head]  # "the deaths of more than 1,500 people"
        bare_object = root is not None and verb is not None and root.dep_ == "dobj" and root.head == verb
        if verb is not None and span is not None and (
                noun is None or (bare_object and noun.dep_ in ("nsubj", "nsubjpass") and noun.head == verb)):
            # "the North Crossing lost 20 lives while the South Crossing lost only 9": the noun counted
            # by the same verb in the sentence's other clause
            for other in sdoc:
                # (the clause's own verb too: "spans 45 square kilometres": the unit's words say what is measured)
                if other.pos_ != "VERB" or other.lemma_ != verb.lemma_:
                    continue
                counted = next((c for c in other.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"
                                and any(g.dep_ == "nummod" for g in c.children)), None)
                if counted is not None:
                    noun = counted
                    break
        if verb is not None:
            # "stopped and watched": every verb of the clause says what happened
            extra = [*extra, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]  # one subject
        if root is not None and root.head.pos_ == "ADJ":
            # "6 times larger in area": what the comparison is about
            extra = [*extra, *(g for c in root.head.children if c.dep_ == "prep" and c.lower_ == "in"
                               for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN")]
        if unit == "time_of_day" and verb is not None:
            # a time of day is when something happened: the event noun and its verb both say what
            # ("the blaze started at 4am" / "the fire broke out at 2.30am")
            if noun is not None and noun.head == verb and noun.dep_ in ("nsubj", "nsubjpass"):
                extra = [*extra, verb]
            elif noun is None:
                extra = [*extra, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                                   and c.lemma_.lower() in F.table()["event_nouns"])]
        mverb = verb
        if verb is not None and verb.lemma_.lower() in F.table()["light"]:
            # "240 people were known to have died", "are believed to have attended": what is said of them
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if xcomp is not None and xcomp.lemma_.lower() not in F.table()["light"]:
                mverb = xcomp
        ids, phrase, verb_ids = F.measure_of(noun, mverb, extra, money=unit in _MONEY_UNITS)
        if unit == "time_of_day" and not ids:
            # the parse found no verb ("At 2:20 a.m. the liner Titanic sinks", "sinks" read as a noun): a time of
            # day says when something happened, so the sentence's one word for a one-time event says what
            events = {_label_lemma(t) for t in sdoc if not (span is not None and span.start <= t.i < span.end)
                      and t.is_alpha and _label_lemma(t) in F.table()["one_time"]}
            if len(events) == 1:
                ids = sorted(F.concepts_of(next(iter(events))))
                verb_ids, phrase = list(ids), next(iter(events))
        if row is not None:
            # a fact-box row ("Deaths | 1,782 (confirmed) |"): its label is what the value measures
            ids, phrase, verb_ids = row
            quals["fact_row"] = True
        # verbs of a relative clause or a shared subject ("people who died", "stopped and watched")
        # say what happened, like the clause's own verb: they are not counted things
        more = {cid for t in extra if t is not None and t.pos_ == "VERB" for cid in F.concepts_of(t.lemma_.lower())} & set(ids)
        verb_ids = sorted(set(verb_ids) | more)
        if verb_ids:
            quals["measure_verb"] = tuple(verb_ids)
        roles = F.role_of(sentence, *inside, root, unit)
        if "age" in roles:
            quals["age_at"] = F.age_event(sentence, inside[0], root)
        if unit in _MONEY_UNITS and root is not None and root.dep_ == "pobj" and root.head.lower_ == "for" \
                and root.head.head.pos_ == "VERB" and root.head.head.lemma_.lower() in F.table()["price_for"]:
            ids = sorted({*ids, *F.concepts_of("price")})  # "sells for £312,000": a price
            sold = root.head.head
            thing = sold.head if sold.dep_ == "acl" else next(
                (c for c in sold.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if thing is not None and thing.pos_ == "NOUN" and F._usable(thing):
                ids = sorted({*ids, *F.concepts_of(F._lemma(thing))})  # "bonds sold for $35 million": the bonds' price
        dim = _dimension(unit)
        if dim:
            ids = sorted({*ids, dim})  # a length is a length whatever the verb ("rises to", "stands")
            if "updated" in roles:
                roles.remove("updated")
        if quals.get("rate"):
            roles.append("per:" + str(quals["rate"]))
        if _cumulative(sentence):
            quals["cumulative"] = True
    else:
        if verb is None:
            verb = next((t for t in sdoc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
            prop = prop or (verb.lemma_.lower() if verb is not None else None)
        label = _event_label(sdoc, inside[0]) if not prop else None
        if label is not None:
            prop, verb = label.lemma_.lower() if label.lemma_.lower() in F.table()["one_time"] else _label_lemma(label), label
        pred = prop or (verb.lemma_.lower() if verb is not None else "")
        # the event's concept: "born" and "bear", "died" and "death" are one event class
        ids, phrase = (sorted(F.concepts_of(pred)) if pred else []), (verb.text.lower() if verb is not None else "")
        own = verb is not None and pred == verb.lemma_.lower()  # the verb's own lemma, no named predicate
        phrasal = F.phrasal_verb(verb) if own else None
        if phrasal:
            ids, phrase = sorted(phrasal[1]), phrasal[0]  # "passed away on 4 March": a death, not a passing
        elif own and verb.lemma_.lower() in F.table()["event_light"]:
            # "the sarcophagus was finally complete": a known state says what happened; else "the maiden
            # championship came in 2001", "the verdict was on Friday": the subject is the event
            state = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and F._lemma(c) in F.table()["class_of"]),
                         None)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                         and F._usable(c)), None)
            if state is not None:
                ids, phrase = sorted(F.concepts_of(F._lemma(state))), state.text.lower()
            elif subj is not None:
                ids, phrase = sorted(F.concepts_of(F._lemma(subj))), subj.text.lower()
        if verb is not None:
            # "the earthquake struck on ...": an event noun as subject names the event itself
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN" and c.lemma_.lower() in F.table()["event_nouns"]:
                    ids = sorted({*ids, *F.concepts_of(c.lemma_.lower())})
            lemma = verb.lemma_.lower()
            if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
                lemma = "take_place"
            if lemma in F.table()["occurrence"]:
                # "the ground breaking occurred in January 1953": the subject and its compounds are the event
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
                        words = [g for g in c.subtree if g.i < c.i and g.dep_ in ("compound", "amod") and g.pos_ in ("NOUN", "VERB")]
                        ids = sorted({*ids, *(x for t in (c, *words) for x in F.concepts_of(t.lemma_.lower()))})
        prep = root.head if root is not None and root.dep_ == "pobj" else None
        if prep is not None and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" and prep.head != verb:
            # "convicted of murder for the death of their son just before Christmas 2002": a date in a
            # phrase of a one-time event's noun is that event's date, not the clause's
            held = [x for x in F.concepts_of(F._lemma(prep.head)) if x in F.table()["one_time"]]
            if held:
                ids, phrase = sorted(held), prep.head.text.lower()
                # whose event it is: the noun's possessor or of-object ("Hoover's death", "the death of
                # Laci Peterson"), never the clause's subject
                owner = next((c for c in prep.head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if owner is None:
                    obj = F.of_object(prep.head)
                    owner = obj if obj is not None and obj.pos_ == "PROPN" else None
                quals["event_owner"] = (_named(sdoc, owner) or "") if owner is not None else ""
        if row is not None and (not ids or set(ids) <= F.table()["light"]):
            # "Completion Date: November 2016": the row's label names the event the date is of
            named = sorted(set(row[0]) - F.table()["generic_set"] - {"date", "day", "time"})
            if named:
                ids, phrase = named, row[1]
                quals["fact_row"] = True
        roles = []
    ents = F.sentence_entities(sdoc, inside)
    quals["measure"] = tuple(ids)
    if phrase:
        quals["measure_text"] = phrase
    if ents:
        quals["entities"] = tuple(k for k, _ in ents)
        specific = tuple(sorted({k for k, lab in ents if lab in F.SPECIFIC_LABELS}))
        if specific:
            quals["specific"] = specific
            near = F.nearest_specific(sdoc, inside)
            if near:
                quals["nearest"] = near
    quals["context"] = tuple(F.context_lemmas(sdoc, inside))
    if len(sentence) > RUN_ON_CHARS or len(ents) > RUN_ON_ENTITIES or len(re.findall(r"\w:\s", sentence)) >= RUN_ON_LABELS:
        quals["run_on"] = True  # a list, table or fact box read as one sentence: its frame is unreliable
    if roles:
        quals["role"] = tuple(sorted(set(roles)))


@functools.lru_cache(maxsize=256)
def _cumulative(sentence: str) -> bool:
    from factcheck.extract import frame as F

    return F.table()["cumulative_re"].search(sentence) is not None


def _row_label(sdoc, sentence: str) -> tuple[list[str], str, list[str]] | None:
    """Concept ids, phrase and (no) verb ids of a fact-box row's label, or None for any other sentence."""
    if "fc_row" not in sdoc.user_data:  # once per sentence
        sdoc.user_data["fc_row"] = _read_row_label(sdoc, sentence)
    return sdoc.user_data["fc_row"]


def _read_row_label(sdoc, sentence: str) -> tuple[list[str], str, list[str]] | None:
    from factcheck.extract import frame as F
    from factcheck.ingest.segment import fact_row

    line = sentence.strip()
    if "\n" in line:
        return None
    span = fact_row(line, bare=True)
    if span is None:
        return None
    lead = len(sentence) - len(sentence.lstrip())
    s, e = span[0] + lead, span[1] + lead
    label = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), sentence[s:e])  # "(non-fatal)" qualifies, not names
    words = [t for t in sdoc if s <= t.idx < e and label[t.idx - s:t.idx - s + len(t)].strip() and F._usable(t)]
    ids = sorted({cid for t in words for cid in F.concepts_of(F._lemma(t))})
    if not ids:
        return None
    return ids, " ".join(t.text.lower() for t in words), []


# A "sentence" longer than this, or naming more things, is a list, a table or a fact box the
# splitter could not cut: what its numbers measure, and of what, cannot be read from it.
RUN_ON_CHARS = 700
RUN_ON_ENTITIES = 14
RUN_ON_LABELS = 4  # "Launch date: ... Launch site: ... Rocket: ...": rows of a fact box run together


def _dimension(unit: str) -> str | None:
    """The physical dimension of a unit as a measure concept ("dim:[length]"), None for counts, shares, money."""
    if unit in ("count", "percent", "ordinal", "times") or unit in _MONEY_UNITS:
        return None
    dim = dimension(unit)
    return "dim:" + dim if dim and "currency" not in dim else None


def _linked(sdoc, root, d: Mention, s0: int) -> bool:
    """Is the date attached to the same clause as the quantity?"""
    _span, droot = _token_for(sdoc, d.start - s0, d.end - s0)
    if droot is None:
        return False
    qv, dv = _clause_head(_event_verb(root)), _clause_head(_event_verb(droot))
    if qv is None or dv is None:
        return qv is dv
    if qv == dv:
        return True
    # "when it opened in 1974, the hospital had 220 beds": a when-clause dates its main clause
    return dv.dep_ == "advcl" and _clause_head(dv.head) == qv and any(
        c.dep_ == "advmod" and c.lower_ in ("when", "whenever") or c.dep_ == "mark" and c.lower_ in ("when", "as")
        for c in dv.children)


def _clause_head(verb):
    """Collapse non-finite chains ("is expected to reach") to their finite head."""
    while verb is not None and verb.dep_ == "xcomp":
        verb = verb.head
    return verb


def _gap(text: str, a: Mention, b: Mention) -> int:
    """Characters between two mentions; a conjunction or comma between them counts as far."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    between = text[lo:hi]
    return len(between) + (1000 if re.search(r",|;|\band\b|\bwhile\b|\bbut\b", between) else 0)


def _offset_from(text: str, d: Mention, sent_mentions: list[Mention]) -> Time | None:
    """"twenty years after its 2003 launch": the date an offset right before a date points to."""
    for r in sent_mentions:
        if r.kind == "date" and r.time is not None and r.time.relative and r.time.offset_years is not None \
                and r.end <= d.start and d.time.start \
                and re.fullmatch(r"\s*(?:(?:its|the|their|his|her|a|an|this|that)\s+)?", text[r.end:d.start]) \
                and re.search(r"\b(?:after|before)$", r.text.lower()):
            return D.resolve_relative(r.time.offset_years, int(d.time.start[:4]), f"{r.text} {d.text}")
    return None


def _quantity_time(doc: Document, m: Mention, p: _Pending, sent_mentions: list[Mention], sentence: str,
                   note_years: dict[int, int], sdoc=None, root=None) -> Time | None:
    same = [d for d in sent_mentions if d.kind == "date" and d.time is not None and not d.time.relative]
    if same and sdoc is not None:
        linked = [d for d in same if _linked(sdoc, root, d, p.sent[0])]
        if linked:
            d = min(linked, key=lambda d: (_gap(doc.text, m, d), d.start))
            return _offset_from(doc.text, d, sent_mentions) or d.time
        # a lone date in the sentence before the figure ("In 2015, 80 percent ...")
        lead = [d for d in same if d.start < m.start and re.search(r"^\W*(?:in|as of|by|since|during)\s*$", sentence[:d.start - p.sent[0]], re.I)]
        if lead:
            return lead[0].time
    for s, e, n in doc.markers:
        if p.sent[0] <= s <= p.sent[1] + 3 and n in note_years:
            t = D.year_time(note_years[n])
            return replace(t, anchor=f"footnote {n}")
    if _present_cue(sentence) and doc.published:
        y = int(doc.published[:4])
        t = D.year_time(y)
        return replace(t, anchor=f"document date ({doc.published_source})")
    return None


def _resolve_relative(doc: Document, m: Mention, para_dates: list[Mention]) -> Time | None:
    off = m.time.offset_years
    if off is None:  # a partial or deictic date that found no anchor
        return m.time
    i = bisect.bisect_left([d.start for d in para_dates], m.start)
    earlier = para_dates[max(0, i - 1):i]
    forward = off > 0 or re.search(r"\b(?:later|after)\b", m.text.lower())
    # (back from a date of the narrative: "two years earlier", "the previous year"; "two years ago" is
    # back from the day of writing)
    if earlier and (forward or re.search(r"\b(?:previous|preceding|earlier|before)\b", m.text.lower())):
        a = earlier[-1]
        return D.resolve_relative(off, int(a.time.start[:4]), f"{a.text!r} earlier in the paragraph")
    if not forward and doc.published:
        return D.resolve_relative(off, int(doc.published[:4]), f"document date {doc.published} ({doc.published_source})")
    return m.time


def number_claims(claims: list[Claim]) -> list[Claim]:
    """Sort claims by (doc, position) and give them stable ids c0001, c0002, ..."""
    claims = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    return [replace(c, id=f"c{i:04d}") for i, c in enumerate(claims, 1)]
