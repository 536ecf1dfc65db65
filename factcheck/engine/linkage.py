"""Are two claims about the same quantity or event? Record linkage over frames.

Two statements are compared only when a score says they speak about the
same thing. The design follows probabilistic record linkage (splink):

1. **Blocking.** Claims are indexed by (unit dimension, measured concept):
   only claims that share a concept of what is measured ("death",
   "gross", "member") and a comparable unit are ever scored, so the work
   stays near-linear in the number of claims.
2. **Comparisons with levels.** Each pair is scored by small named
   comparisons, each with ordered levels and a weight: the measured
   concept, the entities (stated in the sentence or inherited from the
   document's topic), the sentence context, the documents' relation, the
   time. The weights add up to a score.
3. **Hard guards** that no score overrides: different roles (per share vs
   total, change vs level, age, part of a total), two numbers of one
   sentence, documents about unrelated stories, disjoint places.

Every match carries its levels, so a finding can show why the two
statements were judged to be about the same thing, and its severity
follows the score.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Iterator

from factcheck.extract.frame import table
from factcheck.model import Claim
from factcheck.normalize.units import comparable, dimension


@dataclass(frozen=True, slots=True)
class Level:
    comparison: str
    level: str
    weight: float

    def to_dict(self) -> dict:
        return {"comparison": self.comparison, "level": self.level, "weight": round(self.weight, 2)}


@dataclass(frozen=True, slots=True)
class Match:
    """Why two claims were judged to be about the same thing."""

    score: float
    levels: tuple[Level, ...]
    measure: tuple[str, ...]
    entities: tuple[str, ...]

    def explain(self) -> str:
        parts = [f"{lv.comparison} {lv.level} ({lv.weight:+.1f})" for lv in self.levels if lv.weight]
        return "; ".join(parts) + f" = {self.score:.1f}"

    def to_dict(self) -> dict:
        return {"score": round(self.score, 2), "levels": [lv.to_dict() for lv in self.levels],
                "shared_measure": list(self.measure), "shared_entities": list(self.entities),
                "explanation": self.explain()}


# weights: a match needs MATCH_THRESHOLD; CONFIDENT keeps the rule's severity
MATCH_THRESHOLD = 4.0
WEAK_ENTITY_THRESHOLD = 5.0  # when no specific entity is named on both sides
CONFIDENT = 6.0
COHESIVE_MATCH = 4.0  # across documents of a corpus about one subject, with an entity in common
CORPUS_SUBJECT_WEIGHT = 1.0
COHESIVE_UNDATED = 5.0  # ... in a corpus about one subject (Linker.cohesive)
COHESIVE_NAMED = 4.5  # ... and with a named measured concept in common ("deaths", "rivets"; not "people")
CORPUS_SUBJECT_SHARE = 0.5  # a name this share of a cohesive corpus's documents use is its subject
UNDATED = 6.0  # two undated figures of two documents are compared only at this score or more (as warnings)
# Blocking: a block of this many claims or fewer is compared pair by pair (the usual case); a
# bigger one only within documents and related documents, each claim with its WINDOW neighbours
# where one document or pair holds many (see Linker._big_block_pairs).
ALL_PAIRS = 300
WINDOW = 10
INDEX_WORDS = 80  # the heaviest words of each text, indexed to find the related texts of a big block
MAX_POSTING = 200  # a heavy word of more texts than this is the corpus topic: it finds no pair the other words miss
# Whole-text similarity of two documents (cosine of word vectors weighted by how rare each
# word is in English, so the weights don't depend on the corpus). Measured on ECB+ (982 news
# articles, bench/dev_eval.py): 99% of pairs from unrelated stories score below 0.075, half of
# the pairs about one event score above 0.35.
UNRELATED_TEXT = 0.06
RELATED_TEXT = 0.15
SAME_REPORT = 0.6  # two texts this alike are one report of one occasion (a game, a round of talks), retold
MIN_TEXT_WORDS = 25  # distinct content words each text needs before its similarity counts
# Two short texts (below MIN_TEXT_WORDS) at this similarity or more tell one story. Measured on the
# authored pairs (bench/data/pairs): 80% of pairs about one fact score above 0.4.
SHORT_RELATED = 0.4
COHESIVE_SHARE = 0.5  # share of related document pairs that makes a corpus about one subject
TOPIC_SHARE_WEIGHT = 0.6  # the weight of an entity every document names (see Linker._entity_weight)


@functools.lru_cache(maxsize=200_000)
def _rarity(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.0, 6.5 - zipf_frequency(word, "en"))


def _neighbour_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of a few claims; of many, each with its WINDOW neighbours in value order."""
    if len(claims) * (len(claims) - 1) // 2 <= ALL_PAIRS * 4:
        yield from combinations(claims, 2)
        return
    ordered = sorted(claims, key=lambda c: (c.value.low if c.value is not None and c.value.low is not None else
                                            float(c.time.year_span[0]) if c.time is not None and c.time.start else 0.0,
                                            c.doc, c.start))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:i + 1 + WINDOW]:
            yield a, b


def text_vector(text: str) -> dict[str, float]:
    """A unit-length bag of words: log term frequency times English rarity, stop words dropped."""
    from spacy.lang.en.stop_words import STOP_WORDS

    counts = Counter(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)
    vec = {w: (1.0 + math.log(n)) * _rarity(w) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {w: x / norm for w, x in vec.items() if x}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_NAME_GLUE = frozenset({"the", "of", "and", "for", "de", "la", "le", "von", "van", "al", "el", "&"})


def _told_of_people(counted: set, verbs: set, other: set) -> bool:
    """"11 men were killed" / "12 deaths": people counted by what happened to them are a count of
    that happening, when it is one that happens to people (a death, an injury, an evacuation); "four
    shops attacked" is no count of attacks."""
    told = verbs & table()["person_events"]
    return bool(told) and other <= told and len(counted) == 1


def _compound_same(xs: set[str], ys: set[str]) -> bool:
    """"gun cotton" / "guncotton", "death toll" / "death-toll": one compound written two ways."""
    joined_x = {x + y for x in xs for y in xs if x != y} | xs
    joined_y = {x + y for x in ys for y in ys if x != y} | ys
    return bool(joined_x & joined_y)


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*(?:\s+(?:of\s+|the\s+|de\s+|&\s+)?[A-Z][\w'’.-]*)*")


def recurring_names(text: str, min_count: int = 2) -> Counter:
    """Capitalized word runs that a text uses at least ``min_count`` times (names), as entity keys.

    Leading or trailing stop words ("The", "In") and month or weekday names are dropped from a run.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from factcheck.extract.frame import _CALENDAR, entity_key

    counts: Counter = Counter()
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        while words and (words[0].lower() in STOP_WORDS or words[0].lower() in _CALENDAR):
            words = words[1:]
        while words and (words[-1].lower() in STOP_WORDS or words[-1].lower() in _CALENDAR):
            words = words[:-1]
        if not words:
            continue
        key = entity_key(" ".join(words))
        if len(key) > 2 and not key.isdigit():
            counts[key] += 1
    return Counter({k: n for k, n in counts.items() if n >= min_count})


def unit_class(c: Claim) -> str | None:
    """The comparable dimension of a claim's value (count, percent, currency, pint dimension)."""
    if c.kind == "date":
        return "date"
    v = c.value
    if v is None or v.unit == "ordinal":
        return None
    if v.unit in ("count", "percent", "times"):  # (a multiplier compares with multipliers: "seven times the area")
        return v.unit
    dim = dimension(v.unit)
    return "dim:" + dim if dim is not None else "unit:" + v.unit  # an unknown unit compares only with itself


def _entity_match(x: str, y: str) -> bool:
    """Same entity under name variants: equal, or one name's words inside the other's ("Halloran" / "RMS Halloran")."""
    if x == y:
        return True
    wx, wy = set(x.split()), set(y.split())
    small, big = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    if not small or not small <= big:
        return False
    return any(len(w) > 3 for w in small)


_GLUE = ("of", "and", "the", "for", "de", "&")


def _acronym(x: str, y: str) -> bool:
    """"nasa" / "national aeronautics and space administration"; "jfk stadium" / "john f. kennedy stadium"
    (an acronym of the leading words, the rest of the name the same)."""
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if len(short) < 2:
        return False
    if " " not in short:
        initials = "".join(w[0] for w in long_.split() if w not in _GLUE)
        return short.replace(".", "") == initials
    head, _, rest = short.partition(" ")
    head = head.replace(".", "")
    words = long_.split()
    if len(head) < 2 or not rest or not long_.endswith(" " + rest):
        return False
    lead = [w for w in words[: len(words) - len(rest.split())] if w not in _GLUE]
    return len(lead) == len(head) >= 2 and "".join(w[0] for w in lead) == head


def _swapped_iy(x: str, y: str) -> bool:
    """One name transliterated two ways by swapping an i and a y ("Prypiat" / "Pripyat"); a single
    substitution is another name ("Smith" / "Smyth", "Sydney" / "Sidney")."""
    if len(x) != len(y):
        return False
    diff = [(a, b) for a, b in zip(x, y) if a != b]
    return len(diff) == 2 and all({a, b} == {"i", "y"} for a, b in diff) and diff[0] != diff[1]


@functools.lru_cache(maxsize=1 << 18)
def _agree_pair(x: str, y: str) -> bool:
    if _entity_match(x, y) or _acronym(x, y):
        return True
    # one name spelt two ways (single words of five letters or more: short names fold together too easily)
    return " " not in x and " " not in y and min(len(x), len(y)) >= 5 and _swapped_iy(x, y)


def entities_agree(xs: Iterable[str], ys: Iterable[str]) -> list[str]:
    shared = []
    ys = tuple(ys)
    for x in xs:
        for y in ys:
            if _agree_pair(x, y):
                shared.append(x if len(x) >= len(y) else y)
    return sorted(set(shared))


@functools.cache
def _contrast_res() -> tuple[tuple[str, str, re.Pattern], ...]:
    out = []
    for group, members in sorted(table().get("contrasts", {}).items()):
        for member, words in sorted(members.items()):
            alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            out.append((group, member, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)))
    return tuple(out)


@functools.cache
def _any_contrast_re() -> re.Pattern:
    """Any word of any contrast qualifier: most sentences name none, and one search tells."""
    words = {w for members in table().get("contrasts", {}).values() for ws in members.values() for w in ws}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


_ANOTHER_FIGURE = re.compile(r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands))"
                             r"\s+(?:[a-z-]+\s+){0,2}$", re.I)


def _qualifier_matches(sentence: str) -> Iterator[tuple[str, str, re.Match]]:
    """(group, member, match) of every contrast qualifier the sentence names, words of names left out."""
    if _any_contrast_re().search(sentence) is None:
        return
    for group, member, rx in _contrast_res():
        for m in rx.finditer(sentence):
            if m.group()[:1].isupper() and sentence[:m.start()].strip() and sentence[:m.start()].rstrip()[-1:] not in ".!?:;\"'“‘(":
                continue  # a word of a name ("the International Cartographic Society"), not a qualifier
            yield group, member, m


@functools.lru_cache(maxsize=65536)
def _own_qualifiers(sentence: str, s: int, e: int) -> dict[str, frozenset[str]]:
    """The contrast qualifiers of the figure at sentence[s:e], less those that another figure counts
    ("including about 17,000 children": the children are that figure's, not this one's)."""
    out: dict[str, set[str]] = {}
    for group, member, m in _qualifier_matches(sentence):
        if member in out.get(group, ()):
            continue
        lead = _ANOTHER_FIGURE.search(sentence[max(0, m.start() - 40):m.start()])
        if lead is not None and not (s <= max(0, m.start() - 40) + lead.start() < e):
            continue  # counted by another figure of the sentence
        out.setdefault(group, set()).add(member)
    return {g: frozenset(v) for g, v in out.items()}


@functools.lru_cache(maxsize=65536)
def qualifiers(sentence: str) -> dict[str, frozenset[str]]:
    """The contrast qualifiers a sentence names, by group ({"market": {"domestic"}})."""
    out: dict[str, set[str]] = {}
    for group, member, _m in _qualifier_matches(sentence):
        out.setdefault(group, set()).add(member)
    return {g: frozenset(m) for g, m in out.items()}


def contrasting(a: Claim, b: Claim, parted: frozenset[str] = frozenset()) -> str:
    """The qualifiers that set two statements apart ("domestic / international"), or "".

    ``parted``: the groups of ``contrasts_partitive`` whose members the corpus names together in one
    sentence ("1,512 passengers and crew died"): there, one member alone is a part of the whole."""
    qa, qb = qualifiers(a.sentence), qualifiers(b.sentence)
    for group in sorted(set(qa) & set(qb)):
        if not (qa[group] & qb[group]):
            return f"{'/'.join(sorted(qa[group]))} vs {'/'.join(sorted(qb[group]))}"
    # one-sided qualifiers are the figure's own: "49,360 people, including about 17,000 children" counts
    # everyone; "children" is the other figure's
    measures = set(a.quals.get("measure", ())) | set(b.quals.get("measure", ()))
    for entry in table().get("contrasts_one_sided", ()):
        group, _, member = entry.partition(".")
        if (group in qa) == (group in qb):
            continue
        oa = _own_qualifiers(a.sentence, a.start - a.sent_start, a.end - a.sent_start)
        ob = _own_qualifiers(b.sentence, b.start - b.sent_start, b.end - b.sent_start)
        if (group in oa) == (group in ob):
            continue
        if measures & set((table().get("contrasts_not_for") or {}).get(group, ())):
            continue  # "150 countries worldwide": the count ranges over the group's own scope
        side = qa.get(group) or qb.get(group)
        if not member or member in side:
            return f"{'/'.join(sorted(side))} on one side only: a part and its whole"
    for entry in table().get("contrasts_partitive", ()):
        group, _, member = entry.partition(".")
        if group in qa and group in qb:
            if {member} in (qa[group], qb[group]) and qa[group] != qb[group]:
                return f"{member} alone on one side, more on the other (\"passengers and crew\"): a part and its whole"
            continue
        if group not in qa and group not in qb:
            continue
        side = a.sentence if group in qa else b.sentence
        if _partitive_re(group, member).search(side):
            return f"{member} on one side only, as a part (\"N of the {member}\"): a part and its whole"
        if group in parted and (qa.get(group) or qb.get(group)) == {member}:
            return f"{member} on one side only, and the corpus names the {member} as a part of a whole: a part and its whole"
    return ""


@functools.cache
def _partitive_re(group: str, member: str) -> re.Pattern:
    """ "700 of the crew", "about half of its passengers": a count of a part of the named group."""
    words = table().get("contrasts", {}).get(group, {}).get(member, [])
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:\d|\b(?:half|third|quarter|most|many|some|all))[\w,.]*\s+(?:\w+\s+)?of\s+(?:the|its|her|his|their)\s+"
                      rf"(?:{alts})(?![\w-])", re.I)


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _different_times(a: Claim, b: Claim) -> bool:
    """Whether two statements are dated to different times (years, days, weekdays)."""
    ta, tb = a.time, b.time
    if ta is not None and tb is not None:
        if ta.end < tb.start or tb.end < ta.start:
            return True
    wa = {w.lower() for w in _WEEKDAY.findall(a.sentence)}
    wb = {w.lower() for w in _WEEKDAY.findall(b.sentence)}
    return bool(wa and wb and not (wa & wb))


_CLASS_NAMES = {"count": "count", "percent": "percentage", "date": "date", "unit:time_of_day": "time of day"}


SCOPE_WINDOW = 60  # characters either side of a figure within which a named place scopes it


NAME_WINDOW = 40  # characters either side of a figure within which a name says what it is of


def _named_near(c: Claim, names, window: int, written=lambda name: name) -> list[str]:
    """Those of ``names`` (keys of names in the claim's sentence; ``written`` gives each one's lower-case
    text) written within ``window`` characters of its figure, or not found as written (kept: what cannot
    be placed may be near)."""
    names = list(names)
    if not names or not c.sentence:
        return names
    low = c.sentence.lower()
    at = max(0, c.start - c.sent_start)
    lo, hi = max(0, at - window), at + (c.end - c.start) + window
    out = []
    for name in names:
        hits = [m.start() for m in re.finditer(rf"\b{re.escape(written(name))}", low)]
        if not hits or any(lo <= h <= hi for h in hits):
            out.append(name)
    return out


def scoping_places(c: Claim) -> set[str]:
    """The places of a claim's sentence that can scope its figure: named near it ("the Leeds plant
    employs 340"), not the whole world and not a place far off in the sentence ("using 1,200 buses
    from Kiev", "acts like ... Santana")."""
    places = sorted(set(c.quals.get("places", ())) - WHOLE_PLACES)
    return set(_named_near(c, places, SCOPE_WINDOW, lambda p: p.split(":", 1)[-1].replace("_", " ")))


WHOLE_PLACES = frozenset({"world", "gpe:world", "earth", "gpe:earth", "globe"})


def named_shared(qa: dict, qb: dict) -> bool:
    """Whether two frames share a named measured concept (not a vague word, not only a dimension)."""
    weak = table()["weak"]
    return any(m not in weak and not m.startswith("dim:") for m in set(qa.get("measure", ())) & set(qb.get("measure", ())))


def _closeness(a: Claim, b: Claim) -> Level | None:
    """Two exact figures a few per cent apart ("2,734" / "2,729") are one quantity told twice far more
    often than two different quantities of one measure: the nearness of the values is evidence of the
    match, and figures an order of magnitude apart are evidence against it."""
    if a.kind != "quantity" or b.kind != "quantity" or a.value is None or b.value is None:
        return None
    va, vb = a.value, b.value
    if va.magnitude is None or vb.magnitude is None or va.unit == "time_of_day" or vb.unit == "time_of_day":
        return None
    x, y = va.magnitude, vb.magnitude
    if va.unit != vb.unit:
        from factcheck.normalize.units import convert

        try:
            y = convert(y, vb.unit, va.unit)
        except Exception:
            return None
    if not x or not y or (x < 0) != (y < 0) or x == y:
        return None
    ratio = max(abs(x), abs(y)) / min(abs(x), abs(y))
    if ratio >= 20:
        return Level("values", f"{ratio:,.0f} times apart", -2.0)  # "2,400 died" / "40 died": two different tolls
    if ratio >= 5:
        return Level("values", f"{ratio:,.0f} times apart", -1.0)
    if va.low != va.high or vb.low != vb.high:
        return None  # ranges and bounds: their nearness is read by the conflict check
    if va.unit == "count" and min(abs(x), abs(y)) < 100:
        return None  # small counts are near by chance ("3" / "4")
    gap = abs(x - y) / max(abs(x), abs(y))
    if gap <= 0.03:
        return Level("values", f"within {gap:.1%} of each other", 1.5)
    if gap <= 0.10:
        return Level("values", f"within {gap:.0%} of each other", 0.75)
    return None


class Linker:
    """Scores claim pairs of one corpus (document profiles are computed once)."""

    def __init__(self, claims: list[Claim], titles: dict[str, str] | None = None, texts: dict[str, str] | None = None,
                 vectors: dict[str, dict[str, float]] | None = None):
        """``vectors``: the texts' bags of words (:func:`text_vector`) where already known (the
        document cache keeps them), so that a warm run does not read every text again."""
        from factcheck.extract.frame import entity_key

        self.claims = claims
        self.texts = texts or {}
        self._vectors: dict[str, dict[str, float]] = {d: v for d, v in (vectors or {}).items() if v is not None}
        self._similarity: dict[tuple[str, str], float] = {}
        self.last_reason = ""
        self._relations: dict[tuple[str, str], tuple[float, tuple[str, ...]]] = {}
        self._compared: dict[tuple[str, str], tuple[Match | None, str]] = {}
        self._topics: dict[tuple[str, int], list[str]] = {}
        self._abouts: dict[tuple[str, str], bool] = {}
        self.n_docs = len({c.doc for c in claims})
        self.doc_entities: dict[str, Counter] = defaultdict(Counter)
        self.doc_context: dict[str, Counter] = defaultdict(Counter)
        for c in claims:
            q = c.quals
            for e in set(q.get("entities", ())):
                self.doc_entities[c.doc][e] += 1
            for w in set(q.get("context", ())):
                self.doc_context[c.doc][w] += 1
        self.doc_specific: dict[str, Counter] = defaultdict(Counter)
        for c in claims:
            for e in set(c.quals.get("specific", ())):
                self.doc_specific[c.doc][e] += 1
        self.doc_places: dict[str, set] = defaultdict(set)
        for c in claims:
            self.doc_places[c.doc].update(c.quals.get("places", ()))
        # a figure in parentheses converts the figure before it ("6.5 m (21.6 ft)") only when its unit
        # differs; "6 mg daily (2 mg three times a day)" is a breakdown, another quantity
        self.conversions: set[str] = set()
        by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            if c.kind == "quantity" and c.value is not None:
                by_sentence[(c.doc, c.sent_start)].append(c)
        for group in by_sentence.values():
            group.sort(key=lambda c: c.start)
            for prev, c in zip(group, group[1:]):
                if "restatement" in c.quals.get("role", ()) and prev.value.unit != c.value.unit \
                        and comparable(prev.value.unit, c.value.unit):
                    self.conversions.add(c.id)
        for doc, title in (titles or {}).items():
            if title:
                self.doc_entities[doc][entity_key(title)] += 2
        for doc, text in self.texts.items():
            # names the text repeats, in sentences with or without figures: what the document is about
            # (a text of a sentence or two names its subject once: every name of it counts)
            for key, n in recurring_names(text, 1 if len(self._vector(doc)) < MIN_TEXT_WORDS else 2).items():
                self.doc_entities[doc][key] += n
        self.entity_df: Counter = Counter()
        self.context_df: Counter = Counter()
        for doc in self.doc_entities:
            self.entity_df.update(self.doc_entities[doc].keys())
        for doc in self.doc_context:
            self.context_df.update(self.doc_context[doc].keys())

    # ---------------------------------------------------------------- documents

    def _idf(self, df: int) -> float:
        """1 for a term of one or two documents, falling to ~0 for a term every document has."""
        if self.n_docs < 8:
            return 1.0
        return max(0.0, min(1.0, math.log((self.n_docs + 1) / (df + 0.5)) / math.log(self.n_docs / 2 + 1)))

    def _entity_weight(self, e: str) -> float:
        """How much a shared entity says that two statements are about one thing.

        Rare entities say much (IDF). An entity that most documents name is the
        corpus's own subject ("the bridge" of a corpus about one bridge): sharing it
        says little about which statements match, but it still says that both are
        about that subject, so it keeps a weight in proportion to its share of documents.
        """
        df = self.entity_df.get(e, 1)
        return max(self._idf(df), TOPIC_SHARE_WEIGHT * df / max(1, self.n_docs))

    def topic(self, doc: str, k: int = 3) -> list[str]:
        """The document's most frequent entities: what it is about when a sentence leaves it implicit.

        In a corpus about one subject, the corpus's subject is among them where the document names it as
        often as its last topic, or where it is the document's most named specific thing ("Titanic" in a
        page about the survivors' arrival in Halifax and New York)."""
        key = (doc, k)
        if key not in self._topics:
            self._topics[key] = self._topic(doc, k)
        return self._topics[key]

    def _topic(self, doc: str, k: int) -> list[str]:
        ents = self.doc_entities.get(doc, Counter())
        top = [e for e, _n in sorted(ents.items(), key=lambda x: (-x[1], x[0]))[:k]]
        if not top or not self.corpus_subjects:
            return top
        spec = self.doc_specific.get(doc, Counter())
        first = max(sorted(spec), key=spec.get) if spec else None
        # (only where the document uses it as much as its own topics: a page on a sister ship
        # names the corpus's ship too, but less than its own)
        return top + [e for e in self.corpus_subjects if e not in top and (e == first or ents.get(e, 0) >= ents[top[-1]])]

    def shared_subject(self, d1: str, d2: str) -> str | None:
        """The corpus subject both documents are about (in their topics), if any."""
        return next((e for e in self.corpus_subjects if self._about(d1, e) and self._about(d2, e)), None)

    def _about(self, doc: str, e: str) -> bool:
        """The document names the subject, and no other named thing twice as often (a sister dam's page); memoized."""
        key = (doc, e)
        if key not in self._abouts:
            ents, spec = self.doc_entities.get(doc, Counter()), self.doc_specific.get(doc, Counter())
            n = sum(k for x, k in ents.items() if entities_agree([x], [e]))
            rival = max((ents.get(x, 0) for x in spec if not entities_agree([x], [e])), default=0)
            self._abouts[key] = n >= 1 and rival < 2 * n
        return self._abouts[key]

    @functools.cached_property
    def corpus_subjects(self) -> tuple[str, ...]:
        """The names most documents of a corpus about one subject use (its subject), most used first."""
        if not self.cohesive:
            return ()
        n = len(self.doc_entities)
        need = max(3, CORPUS_SUBJECT_SHARE * n)
        return tuple(e for e, df in sorted(self.entity_df.items(), key=lambda x: (-x[1], x[0])) if df >= need)

    def doc_relation(self, d1: str, d2: str) -> tuple[float, tuple[str, ...]]:
        """How strongly two documents share their subject: weighted shared entities and words (memoized per run)."""
        if d1 == d2:
            return 99.0, ()
        key = (d1, d2) if d1 < d2 else (d2, d1)
        if key not in self._relations:
            self._relations[key] = self._doc_relation(*key)
        return self._relations[key]

    def _vector(self, doc: str) -> dict[str, float]:
        if doc not in self._vectors:
            self._vectors[doc] = text_vector(self.texts.get(doc, ""))
        return self._vectors[doc]

    def text_similarity(self, d1: str, d2: str) -> float | None:
        """Whole-text similarity of two documents, or None when their texts are not known."""
        if d1 not in self.texts or d2 not in self.texts:
            return None
        key = (d1, d2) if d1 <= d2 else (d2, d1)
        if key not in self._similarity:
            self._similarity[key] = cosine(self._vector(key[0]), self._vector(key[1]))
        return self._similarity[key]

    def _doc_relation(self, d1: str, d2: str) -> tuple[float, tuple[str, ...]]:
        """Shared entities and words of the claims (IDF-weighted), plus whole-text similarity.

        Texts that share almost no rare word are unrelated stories, whatever their claims
        share (0); texts that share many are related even when their few claims name
        nothing in common (at least 2).
        """
        score, shared = self._claim_relation(d1, d2)
        sim = self.text_similarity(d1, d2)
        if sim is None:
            return score, shared
        if min(len(self._vectors[d1]), len(self._vectors[d2])) < MIN_TEXT_WORDS:
            # a sentence or two: too little text to call two stories unrelated, but two short texts
            # that share most of their rare words are one story told twice
            if sim >= SHORT_RELATED:
                score = max(score, 2.0 + 2.0 * (sim - SHORT_RELATED))
            return score, shared
        if sim < UNRELATED_TEXT:
            return 0.0, shared
        if sim >= RELATED_TEXT:
            score = max(score, 2.0 + 4.0 * (sim - RELATED_TEXT))
        return score, shared

    def _claim_relation(self, d1: str, d2: str) -> tuple[float, tuple[str, ...]]:
        e1, e2 = self.doc_entities.get(d1, Counter()), self.doc_entities.get(d2, Counter())
        shared = entities_agree(e1, e2)
        score = sum(self._entity_weight(e) for e in shared)
        c1, c2 = self.doc_context.get(d1, Counter()), self.doc_context.get(d2, Counter())
        words = set(c1) & set(c2)
        score += 0.3 * sum(self._idf(self.context_df.get(w, 1)) for w in words)
        return score, tuple(shared[:5])

    # ---------------------------------------------------------------- pairs

    def _short(self, doc: str) -> bool:
        return doc in self.texts and len(self._vector(doc)) < MIN_TEXT_WORDS

    @functools.cached_property
    def parted_groups(self) -> frozenset[str]:
        """Groups of ``contrasts_partitive`` (crew / passengers) whose members one sentence of the corpus
        names together: the corpus counts them as parts of one whole."""
        groups = {e.partition(".")[0] for e in table().get("contrasts_partitive", ())}
        out = set()
        for text in self.texts.values():
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                q = qualifiers(sentence)
                out.update(g for g in groups if len(q.get(g, ())) >= 2)
        return frozenset(out)

    @functools.cached_property
    def cohesive(self) -> bool:
        """Whether the corpus is about one subject: most pairs of its (long enough) documents are related texts.

        In such a corpus (a dossier on one event, one bridge, one company) two undated figures of one
        measure and one subject are far more often one quantity told twice than in a mixed corpus.
        """
        docs = sorted(d for d in self.texts if len(self._vector(d)) >= MIN_TEXT_WORDS)
        if len(docs) < 4:
            return False
        if len(docs) > 200:
            return False  # a mixed collection; and the pairwise count would cost too much
        pairs = [(x, y) for i, x in enumerate(docs) for y in docs[i + 1:]]
        related = sum(cosine(self._vector(x), self._vector(y)) >= RELATED_TEXT for x, y in pairs)
        return related >= COHESIVE_SHARE * len(pairs)

    def told_alike(self, a: Claim, b: Claim) -> bool:
        """The only figures of their kind of two texts of a sentence or two, which name one measured
        concept alike ("91% efficacy against severe disease" / "efficacy against severe illness was
        81 percent"): too few words to tell two stories, and nothing else in them to be the figure of."""
        return (a.doc != b.doc and a.id in self.sole and b.id in self.sole and self._short(a.doc) and self._short(b.doc)
                and set(a.quals.get("measure", ())) == set(b.quals.get("measure", ())) and named_shared(a.quals, b.quals))

    def one_story(self, d1: str, d2: str) -> bool:
        """Two short texts (a sentence or two each) that share most of their rare words: one story told twice."""
        if d1 == d2 or not (self._short(d1) and self._short(d2)):
            return False
        sim = self.text_similarity(d1, d2)
        return sim is not None and sim >= SHORT_RELATED

    def _sole_pair(self, a: Claim, b: Claim) -> str:
        """Why two figures are the one figure of their kind (count, money, share, measure, time of
        day, date) of two short texts that tell one story, or "".

        One story told twice names its figure with different words ("50 flights were cancelled" /
        "53 departures were scrapped", "premiered on" / "was first shown on"). What keeps two such
        figures apart: different times (two years of a series), known different measures (killed /
        injured, revenue / profit), an age (of which event), two named moments of the story for a
        time of day, two different one-time events for a date; contrast qualifiers (domestic /
        international) are checked for every pair in :meth:`compare`.
        """
        if not self.one_story(a.doc, b.doc) or not (
                (a.id in self.sole and b.id in self.sole) or (a.kind == "quantity" and self._alone(a, b))):
            return ""
        sim = self.text_similarity(a.doc, b.doc)
        uc = unit_class(a)
        if uc == "date":
            ea, eb = set(a.quals.get("measure", ())), set(b.quals.get("measure", ()))
            for x, y in table().get("opposed_events", ()):
                if (x in ea and y in eb and x not in eb) or (y in ea and x in eb and y not in eb):
                    return ""  # two different one-time events of the story (born / died)
            told = table()["announcing"]
            if bool(ea & told) != bool(eb & told):
                return ""  # the day a thing was announced is not the day it was done ("announced its takeover on")
            if a.id not in self.sole_dates or b.id not in self.sole_dates:
                return ""  # a text with a figure: its date may be the figure's time ("$310 million in 2019")
        else:
            if _different_times(a, b):
                return ""  # two years, two days: two figures of a series, or two moments of the story
            known = table()["concepts"]
            # what each figure measures, in known word classes: its own words, else its sentence's
            # ("eleven people were treated for injuries")
            ka = {m for m in a.quals.get("measure", ()) if m in known} or {m for m in a.quals.get("context", ()) if m in known}
            kb = {m for m in b.quals.get("measure", ()) if m in known} or {m for m in b.quals.get("context", ()) if m in known}
            if ka and kb and not (ka & kb):
                # words of two known different measures of one story ("14 killed" / "62 injured",
                # "revenue of $540 million" / "net profit of $62 million")
                return ""
            own_a, own_b = self._own_entities(a, b, "entities"), self._own_entities(b, a, "entities")
            if own_a and own_b:
                # each names a thing the other text never mentions: two peaks of one range, two towns
                # of one storm ("Ben Carrow rises to 1,204 m" / "Ben Tolly reaches 1,150 m")
                return ""
            if uc == "unit:time_of_day":
                weak = table()["weak"]
                wa = {m for m in a.quals.get("measure", ()) if m not in weak and not m.startswith("dim:")}
                wb = {m for m in b.quals.get("measure", ()) if m not in weak and not m.startswith("dim:")}
                # the events each sentence tells: its figure's words, and the known event words around it
                # ("the earthquake struck at 2:15" / "the quake hit at 4:40")
                events = set(table()["concepts"]) | table()["event_nouns"]
                ca = wa | (set(a.quals.get("context", ())) & events)
                cb = wb | (set(b.quals.get("context", ())) & events)
                if wa and wb and not (wa & wb) and not (wa & cb) and not (wb & ca) and not (ca & cb & table()["event_nouns"]):
                    return ""  # two moments of one story ("made landfall at 5am" / "power restored by 6pm")
        return f"the only {_CLASS_NAMES.get(uc, 'figure')} of each of two short texts that tell one story (similarity {sim:.2f})"

    @functools.cached_property
    def _short_claims(self) -> dict[tuple[str, str], list[Claim]]:
        out: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            uc = unit_class(c)
            if uc is not None and c.kind == "quantity" and self._short(c.doc):
                out[(c.doc, uc)].append(c)
        return out

    def _alone(self, a: Claim, b: Claim) -> bool:
        """Whether a and b are the only figures of their kind of two short texts that the texts do not
        both state: "1,200 staff at 4 sites" / "1,300 staff at four sites" tell the sites alike, and
        what is left on each side is the one figure they disagree on."""
        uc = unit_class(a)
        xs, ys = self._short_claims.get((a.doc, uc), []), self._short_claims.get((b.doc, uc), [])

        def same(c: Claim, d: Claim) -> bool:
            return c.value is not None and d.value is not None and (c.value.low, c.value.high, c.value.unit) == (
                d.value.low, d.value.high, d.value.unit)

        left_a = [c for c in xs if not any(same(c, d) for d in ys)]
        left_b = [d for d in ys if not any(same(c, d) for c in xs)]
        return [c.id for c in left_a] == [a.id] and [d.id for d in left_b] == [b.id]

    def _own_entities(self, a: Claim, b: Claim, field: str) -> list[str]:
        """The named things of a's sentence that b's document never mentions."""
        return [e for e in a.quals.get(field, ()) if not entities_agree([e], self.doc_entities.get(b.doc, ()))]

    @functools.cached_property
    def sole(self) -> set[str]:
        """Claims that are the only one of their unit class in a short document (a sentence or two)."""
        per: dict[tuple, list[Claim]] = defaultdict(list)
        for c in self.claims:
            uc = unit_class(c)
            if uc is not None and self._short(c.doc):
                per[(c.doc, uc)].append(c)
        return {cs[0].id for cs in per.values() if len(cs) == 1}

    @functools.cached_property
    def sole_dates(self) -> set[str]:
        """Sole date claims of short documents that state no other figure: the date of the text's event."""
        with_figures = {c.doc for c in self.claims if c.kind == "quantity" and unit_class(c) is not None}
        return {c.id for c in self.claims if c.id in self.sole and c.kind == "date" and c.doc not in with_figures}

    def candidates(self, claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """Pairs that share a unit dimension and a measured concept (blocking), each once; in short
        documents, also the one figure of each unit dimension."""
        blocks: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            uc = unit_class(c)
            if uc is None:
                continue
            for m in c.quals.get("measure", ()):
                blocks[(uc, m)].append(c)
            if c.id in self.sole:
                blocks[(uc, "<sole>")].append(c)
            elif c.kind == "quantity" and self._short(c.doc):
                blocks[(uc, "<short>")].append(c)  # perhaps alone after the figures both texts state (_alone)
        seen = set()
        for key in sorted(blocks, key=repr):
            block = blocks[key]
            for a, b in combinations(block, 2) if len(block) <= ALL_PAIRS else self._big_block_pairs(block):
                k = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if k in seen:
                    continue
                seen.add(k)
                yield (a, b) if a.id < b.id else (b, a)

    def _big_block_pairs(self, block: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """The pairs of a block too big for every pair (a concept much of the corpus uses).

        :meth:`compare` drops every pair of two long texts that share almost no rare word
        ("unrelated documents"), so only pairs of one document and of related documents are
        formed: the block costs what its related texts hold, not the square of its size. Where one
        document, or one pair of documents, holds many of the block's claims (a table, a dense
        list), each claim meets its ``WINDOW`` neighbours in value order (the sorted-neighbourhood
        method of record linkage): near values, the ones that can be one quantity told twice, meet.
        """
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in block:
            by_doc[c.doc].append(c)
        for doc in sorted(by_doc):
            yield from _neighbour_pairs(by_doc[doc])
        for d1, d2 in self.related_pairs(sorted(by_doc)):
            xs, ys = by_doc[d1], by_doc[d2]
            if len(xs) * len(ys) <= ALL_PAIRS:
                yield from ((x, y) for x in xs for y in ys)
            else:
                yield from ((x, y) for x, y in _neighbour_pairs(xs + ys) if x.doc != y.doc)

    def related_pairs(self, docs: list[str]) -> list[tuple[str, str]]:
        """Pairs of the documents that :meth:`compare` may pair claims of: not two long texts that
        share almost no rare word. Short or unknown texts pair with every document."""
        adjacent = self._related_texts
        inside = set(docs)
        loose = [d for d in docs if d not in self.texts or len(self._vector(d)) < MIN_TEXT_WORDS]
        loose_set = set(loose)
        out = {(x, y) for x in docs if x not in loose_set for y in adjacent.get(x, ()) if x < y and y in inside}
        # a short or unknown text: its similarity says too little to rule a pair out
        out.update((x, y) if x < y else (y, x) for x in loose for y in docs if y != x and (y not in loose_set or x < y))
        return sorted(out)

    @functools.cached_property
    def _related_texts(self) -> dict[str, set[str]]:
        """Each long text's related texts (similarity at least UNRELATED_TEXT), found once per run
        through an index of each text's heaviest words (``INDEX_WORDS``): the cost follows the related
        pairs, not the square of the documents. Related texts share a heavy word (their names, places,
        topic); a word of more than ``max(MAX_POSTING, 2%)`` of the texts is a topic of the whole
        corpus, which finds no pair the rarer words miss. On the 982 ECB+ articles the index finds
        99.7% of the related pairs (2026-12-04)."""
        long_docs = sorted(d for d in self.texts if len(self._vector(d)) >= MIN_TEXT_WORDS)
        postings: dict[str, list[str]] = defaultdict(list)
        for d in long_docs:
            vec = self._vector(d)
            for w in sorted(vec, key=lambda w: (-vec[w], w))[:INDEX_WORDS]:
                postings[w].append(d)
        cap = max(MAX_POSTING, len(long_docs) // 50)
        adjacent: dict[str, set[str]] = defaultdict(set)
        for members in postings.values():
            if len(members) > cap:
                continue
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    if y not in adjacent[x] and (self.text_similarity(x, y) or 0.0) >= UNRELATED_TEXT:
                        adjacent[x].add(y)
                        adjacent[y].add(x)
        return adjacent

    def _no(self, reason: str) -> None:
        self.last_reason = reason  # for `factcheck claims --explain`-style debugging and the dev benchmark
        return None

    def compare(self, a: Claim, b: Claim) -> Match | None:
        """The match of two claims, or None when a guard says they are different things.

        Memoized per run: every rule of a check type asks about the same pairs."""
        if not (a.id and b.id):
            return self._compare(a, b)  # claims built by hand, without ids
        key = (a.id, b.id)
        hit = self._compared.get(key)
        if hit is None:
            hit = self._compared[key] = (self._compare(a, b), self.last_reason)
        self.last_reason = hit[1]
        return hit[0]

    def _compare(self, a: Claim, b: Claim) -> Match | None:
        qa, qb = a.quals, b.quals
        self.last_reason = ""
        if a.doc == b.doc and a.sent_start == b.sent_start:
            return self._no("same sentence")  # two numbers of one sentence are two quantities
        if a.doc != b.doc:
            sim = self.text_similarity(a.doc, b.doc)
            if sim is not None and sim < UNRELATED_TEXT and min(len(self._vectors[a.doc]), len(self._vectors[b.doc])) >= MIN_TEXT_WORDS:
                return self._no(f"unrelated documents (text similarity {sim:.2f})")  # two stories, whatever names they share
        if qa.get("run_on") or qb.get("run_on"):
            return self._no("a run-on sentence (a list, table or fact box): what its figure is of cannot be read")
        ra, rb = "restatement" in qa.get("role", ()), "restatement" in qb.get("role", ())
        if (ra or rb) and (a.doc == b.doc or a.value is None or b.value is None or not comparable(a.value.unit, b.value.unit)
                           or (ra and a.id not in self.conversions) or (rb and b.id not in self.conversions)):
            # a conversion of its sentence's figure: across documents it is compared only in the unit
            # its writer chose ("(21.6 feet)" with "21 feet"); the figures it converts are compared too
            return self._no("a restatement in parentheses (a conversion of its sentence's figure)")
        story = self.one_story(a.doc, b.doc)
        roles_a = {r for r in qa.get("role", ()) if r != "restatement"}
        roles_b = {r for r in qb.get("role", ()) if r != "restatement"}
        if roles_a != roles_b and not (roles_a ^ roles_b == {"part"} and named_shared(qa, qb)):
            # (a part of a whole told before, "Of these, 713 survived", is the same count as an
            # unmarked one when both name the same concept: "rescued 705 survivors")
            return self._no("different roles")
        if "age" in qa.get("role", ()) and qa.get("age_at", "now") != qb.get("age_at", "now"):
            # an age holds at one time: now ("Calloway, 54,") or at an event ("was 50 when first elected")
            return self._no(f"ages at different times ({qa.get('age_at', 'now')} / {qb.get('age_at', 'now')})")
        contrast = contrasting(a, b, self.parted_groups)
        if contrast:
            return self._no(f"different qualifiers ({contrast})")  # "3,400 men" / "1,900 women"
        levels: list[Level] = []
        ma, mb = set(qa.get("measure", ())), set(qb.get("measure", ()))
        shared_m = ma & mb
        weak = table()["weak"]
        sole = self._sole_pair(a, b)
        if sole:
            # two short texts telling one story, each with one figure of this kind: that figure is what
            # both are about, whatever words each uses for it ("put the rate at 5.8%" / "stood at 6.1%");
            # when both name the same concept too ("launched at" / "lifted off at"), that is more evidence
            named = sorted(m for m in shared_m if m not in table()["weak"] and not m.startswith("dim:"))
            if named and ma == mb:
                levels.append(Level("measure", f"{sole}, and the same concept: {', '.join(named)}", 3.0))
            else:
                levels.append(Level("measure", sole, 2.0))
            shared_m = shared_m or {unit_class(a) or "figure"}
        elif not shared_m:
            return self._no("no shared measure")
        only_dims = all(m in weak or m.startswith("dim:") for m in shared_m)
        episodic = sorted((shared_m - weak) & table()["episodic"])
        if (episodic and not sole and not story and a.doc != b.doc and not (a.time and a.time.start)
                and not (b.time and b.time.start) and (self.text_similarity(a.doc, b.doc) or 0.0) < SAME_REPORT):
            # "caught five passes" / "caught 3 passes": a tally of one occasion, and neither says which
            return self._no(f"undated tallies of a recurring occasion ({episodic[0]}): which game, season or round is not said")
        if not sole and only_dims:
            common = entities_agree(qa.get("specific", ()), qb.get("specific", ()))
            if not common:
                return self._no("only a vague measure or a dimension shared, and no common specific entity")
            if self.cohesive and a.doc != b.doc and all(entities_agree([e], self.corpus_subjects) for e in common):
                # (in a corpus about one telescope, "a length of the telescope" is any of its lengths)
                return self._no("only a dimension and the corpus's own subject shared")
        if a.doc != b.doc and a.kind == "quantity":
            # (a date's own places are where its event happened: "born in Castlemilk" / "a Scottish actor")
            own_a, own_b = self._own_entities(a, b, "entities"), self._own_entities(b, a, "entities")
            placed = any(p.split(":", 1)[-1] in own for own, q in ((own_a, qa), (own_b, qb)) for p in q.get("places", ()))
            if own_a and own_b and (only_dims or placed):
                # (tried 2026-12-04: letting two sentences that name one place through found one more
                # attendance conflict in the web corpora and 4 more false pairs on ECB+)
                # each sentence names its own thing, one of them a place, or only a dimension is shared:
                # two peaks of one range, two towns of one storm ("120 mm of rain in Teviot" / "64 mm in Marden")
                return self._no(f"each names a thing the other text never mentions ({own_a[0]} / {own_b[0]})")
        if not sole and shared_m <= weak and (ma - weak) and (mb - weak):
            return self._no("different measures (only a vague word shared)")  # "14 killed" vs "62 injured"
        if sole:
            pass  # the sole level above is the measure level
        elif only_dims:
            levels.append(Level("measure", "vague shared measure: " + ", ".join(sorted(shared_m)), 1.0))
        elif ma == mb or (self.cohesive and a.doc != b.doc and ma - weak and ma - weak == mb - weak):
            # (in a corpus about one subject, "upward of 500,000 people showed up" / "400,000 fans": a vague
            # word besides is no other concept; in a mixed corpus it keeps the weaker level: tried
            # 2026-12-04, it paired "five people killed" by a quake with "three killed" in an air strike)
            levels.append(Level("measure", "same concept: " + ", ".join(sorted(shared_m - weak or shared_m)), 3.0))
        else:
            levels.append(Level("measure", "shared concept: " + ", ".join(sorted(shared_m)), 2.0))
        va, vb = set(qa.get("measure_verb", ())), set(qb.get("measure_verb", ()))
        na = {m for m in ma - va if not m.startswith("dim:") and m not in weak}
        nb = {m for m in mb - vb if not m.startswith("dim:") and m not in weak}
        if not sole and na and nb and not (na & nb) and "".join(sorted(na)) != "".join(sorted(nb)) and not _compound_same(na, nb) \
                and not _told_of_people(na, va, nb) and not _told_of_people(nb, vb, na):
            # "attacked four shops" / "attacked 2 million users": the same verb, different counted things
            return self._no("different counted things: " + ", ".join(sorted(na)) + " / " + ", ".join(sorted(nb)))
        xa, xb = na - nb, nb - na
        if not sole and na & nb and xa and xb and not _compound_same(xa, xb):
            # "bonds sold for $35 million" / "construction costs of $36.7 million": one concept, of two things
            levels.append(Level("measure", "of different things: " + ", ".join(sorted(xa)) + " / " + ", ".join(sorted(xb)), -1.0))
        if not sole and va and vb and not (va & mb) and not (vb & ma):
            levels.append(Level("measure", "different verbs: " + ", ".join(sorted(va)) + " / " + ", ".join(sorted(vb)), -1.5))
        # entities: stated in the sentence, else inherited from the document's topic
        ea, eb = qa.get("entities", ()), qb.get("entities", ())
        sa, sb = qa.get("specific", ()), qb.get("specific", ())
        shared_e = entities_agree(ea, eb)
        # what each statement is about: its own specific entities, else its document's main ones
        # what each figure is of: the specific entity nearest to it, else (in loosely related
        # documents only) its document's main one; two different ones the other document never
        # mentions are two different things ("Paper Moons ran 94 minutes" / "The Quiet Field runs 142")
        if a.doc != b.doc:
            loose = self.doc_relation(a.doc, b.doc)[0] < 1.5
            xa = qa.get("nearest") or (self.topic_specific(a.doc, 1) or [None])[0] if (qa.get("nearest") or loose) else None
            xb = qb.get("nearest") or (self.topic_specific(b.doc, 1) or [None])[0] if (qb.get("nearest") or loose) else None
            if xa and xb and not entities_agree([xa], [xb]) and (
                    (a.kind == "quantity" and qa.get("nearest") and qb.get("nearest")
                     # one story told twice names both parties of it on both sides ("Novaline buys Tessel")
                     and not (story and entities_agree([xa], self.doc_entities.get(b.doc, ()))
                              and entities_agree([xb], self.doc_entities.get(a.doc, ()))))
                    or (not entities_agree([xa], self.doc_entities.get(b.doc, ()))
                        and not entities_agree([xb], self.doc_entities.get(a.doc, ())))):
                # each figure sits next to a different named thing (one arena's crowd / another stadium's)
                return self._no(f"different specific entities ({xa} / {xb})")
        shared_specific = entities_agree(sa, sb)
        if shared_specific and a.doc != b.doc and self.texts:
            # "Jones" in one document and "Maurice Jones-Drew" in another are one person only if the
            # first document also uses the rest of that name ("Wayne" is not "Wayne State")
            kept = [e for e in shared_specific if self._same_name(a, b, e, sa, sb)]
            if not kept:
                return self._no("a short name inside a different longer name (" + ", ".join(shared_specific[:2]) + ")")
            shared_specific = kept
        if shared_specific:
            w = sum(self._entity_weight(e) for e in shared_specific)
            levels.append(Level("entity", "named in both: " + ", ".join(shared_specific[:3]), min(3.0, 1.0 + 1.5 * w)))
            shared_e = shared_specific
        elif shared_e:
            # only places (or nationalities) in common: where, not of what
            levels.append(Level("entity", "same place named: " + ", ".join(shared_e[:3]), 0.75))
            if a.kind == "quantity" and a.value is not None and a.value.unit == "percent":
                return self._no("shares with no common specific entity")  # "55% of respondents" of two surveys
            shared_e = []
        else:
            ta = ea or tuple(self.topic(a.doc))
            tb = eb or tuple(self.topic(b.doc))
            inherited = entities_agree(ta, tb)
            if inherited:
                w = sum(self._entity_weight(e) for e in inherited)
                levels.append(Level("entity", "document topic: " + ", ".join(inherited[:3]), min(2.0, 0.5 + w)))
                shared_e = inherited
            elif sa and sb and not entities_agree(sa, self.doc_entities.get(b.doc, ())) \
                    and not entities_agree(sb, self.doc_entities.get(a.doc, ())):
                return self._no("different specific entities")  # each names a thing the other never mentions
            elif a.doc != b.doc and all(all(entities_agree([n], self.corpus_subjects) for n in near)
                                        for near in (_named_near(a, sa, NAME_WINDOW), _named_near(b, sb, NAME_WINDOW))):
                # (a sentence naming another thing, "12 died when the Kelby Dam spilled", is of that thing)
                subject = self.shared_subject(a.doc, b.doc)
                if subject:
                    # a corpus about one subject, and both documents are about it: the figures are of
                    # it unless something else says otherwise
                    levels.append(Level("entity", f"corpus subject: {subject}", CORPUS_SUBJECT_WEIGHT))
                    shared_e = [subject]
        # context: shared content words, weighted by rarity in the corpus
        ca, cb = set(qa.get("context", ())) - ma, set(qb.get("context", ())) - mb
        if ca and cb:
            inter = ca & cb
            union = ca | cb
            jw = sum(self._idf(self.context_df.get(w, 1)) for w in inter) / max(1.0, sum(self._idf(self.context_df.get(w, 1)) for w in union))
            if jw > 0:
                levels.append(Level("context", f"{len(inter)} shared words ({jw:.2f})", min(2.0, 4.0 * jw)))
        close = _closeness(a, b)
        if close and not (sole and close.weight < 0):
            # (the one figure of its kind of two texts telling one story is that story's figure
            # however far apart the two are: "$3.1 billion" / "$310 million" is a scale error)
            levels.append(close)
        # documents
        same_place = any(lv.comparison == "entity" and lv.level.startswith("same place") for lv in levels)
        if a.doc == b.doc and not (ma == mb and (shared_e or same_place)
                                   and any(lv.comparison == "context" and lv.weight >= 2.0 for lv in levels)):
            return self._no("same document, not a restatement")  # only near-identical frames are compared
        if a.doc == b.doc and a.doc in self.texts:
            lo, hi = sorted((a.sent_start, b.sent_start))
            if "\n" not in self.texts[a.doc][lo:hi]:
                # figures of one paragraph with one frame are its list of groups or arms ("5 days" in one
                # arm, "3 days" in the other), not one figure told twice
                return self._no("same paragraph")
        if a.doc == b.doc:
            # one document rarely contradicts itself; different figures of one measure in it are
            # usually different sub-groups, so nothing is added for the shared document
            levels.append(Level("documents", "same document", 0.0))
        else:
            rel, _shared = self.doc_relation(a.doc, b.doc)
            same_place_same_measure = ma == mb and any(lv.level.startswith("same place") for lv in levels)
            # two texts of a sentence or two that name one measured concept alike ("efficacy against
            # severe disease" / "efficacy against severe illness") have too few words to tell two stories
            told_alike = self.told_alike(a, b)
            if ((rel < 1.0 and not shared_e) or (rel < 2.0 and not shared_specific and not same_place_same_measure)) \
                    and not told_alike:
                return self._no(f"unrelated documents ({rel:.1f})")  # unrelated stories are never paired
            if told_alike and rel < 2.0:
                levels.append(Level("documents", f"the only {_CLASS_NAMES.get(unit_class(a) or '', 'figure')} of two short "
                                                 f"texts, of one measure", 1.0))
            else:
                levels.append(Level("documents", f"related ({rel:.1f})", min(1.0, 0.5 * rel)))
        pa, pb = set(qa.get("places", ())), set(qb.get("places", ()))
        if pa and pb and not (pa & pb):
            return self._no("disjoint places")  # two places' figures
        # the time of day of one event that happens once ("sank at 2:20 a.m. ... south of Newfoundland"):
        # its place says where it happened, and scopes no part of a whole
        moment = unit_class(a) == "unit:time_of_day" and bool(ma & mb & table()["one_time"])
        for mine, other, odoc in ((scoping_places(a), pb, b.doc), (scoping_places(b), pa, a.doc)):
            if a.kind == "quantity" and mine and not other and a.doc != b.doc and not self.one_story(a.doc, b.doc) \
                    and not moment \
                    and not any(p in self.doc_places.get(odoc, ()) for p in mine):
                # "the Leeds plant employs 340" / "the firm has 1,200 employees": a place's part of a whole
                return self._no("one side is scoped to a place the other document never names")
        score = round(sum(lv.weight for lv in levels), 1)  # (as shown: the levels and the score are told to one decimal)
        threshold = MATCH_THRESHOLD if shared_specific or sole else WEAK_ENTITY_THRESHOLD
        if a.doc != b.doc and shared_e and self.cohesive and named_shared(qa, qb):
            threshold = COHESIVE_MATCH  # (a named concept in common: "deaths", "rivets", not "people" or a length)
        if score < threshold:
            return self._no(f"score {score:.1f} below {threshold}: " + "; ".join(f"{lv.comparison} {lv.level} {lv.weight:+.1f}" for lv in levels))
        return Match(score, tuple(levels), tuple(sorted(shared_m)), tuple(shared_e[:5]))

    def _same_name(self, a: Claim, b: Claim, e: str, sa, sb) -> bool:
        """Whether a shared name is one name in both documents, not a short name inside a longer one."""
        if min(len(self._vector(a.doc)), len(self._vector(b.doc))) < MIN_TEXT_WORDS:
            return True  # a sentence or two: too short to have introduced a full name
        for x in sa:
            for y in sb:
                if not entities_agree([x], [y]):
                    continue
                if x == y or not _entity_match(x, y):
                    return True  # the same name, or an acronym of it
                (short, short_doc), (long_, _long_doc) = sorted(((x, a.doc), (y, b.doc)), key=lambda t: len(t[0].split()))
                extra = [w for w in long_.split() if w not in short.split() and w not in _NAME_GLUE]
                text = self.texts.get(short_doc, "").lower()
                if not extra or any(re.search(rf"\b{re.escape(w)}\b", text) for w in extra):
                    return True
        return False

    def topic_specific(self, doc: str, k: int = 2) -> list[str]:
        """The document's most frequent specific (non-place) entities."""
        ents = self.doc_specific.get(doc, Counter())
        return [e for e, _n in sorted(ents.items(), key=lambda x: (-x[1], x[0]))[:k]]

    def specific_shared(self, a: Claim, b: Claim) -> list[str]:
        """Specific (non-place) entities both claims are about: named in both sentences, or, for a
        sentence that names none ("the institute opened in 2007"), its document's topic."""
        sa0, sb0 = a.quals.get("specific", ()), b.quals.get("specific", ())
        if sa0 and sb0:
            return entities_agree(sa0, sb0)
        sa = sa0 or tuple(e for e in self.topic(a.doc) if e not in self.doc_places.get(a.doc, ()))
        sb = b.quals.get("specific", ()) or tuple(e for e in self.topic(b.doc) if e not in self.doc_places.get(b.doc, ()))
        return entities_agree(sa, sb)
