"""The frame of a claim: what is measured, of what, in which role.

A number alone says nothing about what it counts. The frame records, from
the parse of the claim's sentence:

- ``measure``: concept ids of what is measured: the counted noun and its
  modifiers, the governing verb ("killed", "grossed"), the noun a money
  amount is the subject or object of. Lemmas are mapped through the word
  classes of ``data/concepts.yaml`` so that "killed", "deaths" and "death
  toll" are one concept;
- ``entities``: the named things of the sentence (organisations, people,
  works, places, events), as normalized keys;
- ``context``: the sentence's content lemmas, for a similarity score;
- ``role``: role qualifiers (per unit, change, part, age) that make two
  numbers incomparable however alike their words are.

Matching claims on frames is done in :mod:`factcheck.engine.linkage`.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from importlib import resources

from ruamel.yaml import YAML

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP", "LAW")
# labels that name one specific thing (a different one of these on each side means a different story)
SPECIFIC_LABELS = ("PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "PROPN")


@functools.cache
def table() -> dict:
    text = resources.files("factcheck.data").joinpath("concepts.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    class_of: dict[str, set] = {}
    for cls, ws in data["concepts"].items():
        for w in ws:
            class_of.setdefault(w, set()).add(cls)
    data["class_of"] = {w: tuple(sorted(c)) for w, c in class_of.items()}
    data["weak"] = frozenset(data["weak_measures"])
    data["person_events"] = frozenset(data.get("person_events", ()))
    data["light"] = frozenset(data["light_verbs"])
    data["light_phrasal"] = frozenset(data.get("light_phrasal", ()))
    data["event_light"] = frozenset(data.get("event_light_verbs", ()))
    data["announcing"] = frozenset(data.get("announcing_verbs", ()))
    data["in_not_measure"] = frozenset(data.get("in_not_measure", ()))
    data["generic_set"] = frozenset(data["generic"])
    data["one_time"] = frozenset(data["one_time_events"])
    data["label_nouns"] = frozenset(data["label_nouns"])
    data["event_nouns"] = frozenset(data["event_nouns"])
    data["recurring"] = frozenset(data.get("recurring_events", ()))
    data["episodic"] = frozenset(data.get("episodic_measures", ()))
    data["occurrence"] = frozenset(data.get("occurrence_verbs", ()))
    data["price_for"] = frozenset(data.get("price_for_verbs", ()))
    data["scale_set"] = frozenset(data.get("scale_names", ()))
    data["process_set"] = frozenset(data.get("process_nouns", ()))
    data["one_time"] = data["one_time"] | {c for w in data["event_nouns"] for c in data["class_of"].get(w, (w,))}
    roles = data["roles"]
    data["change_set"] = frozenset(roles["change_lemmas"])
    data["change_share_set"] = frozenset(roles.get("change_lemmas_share", ()))
    data["per_after_re"] = re.compile(r"^\W{0,2}(?:" + "|".join(re.escape(x) for x in sorted(roles["per_unit_after"], key=len, reverse=True)) + r")\b", re.I)
    data["phrasal_up"] = frozenset(roles.get("phrasal_up", ()))
    data["change_before_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in sorted(roles["change_before"], key=len, reverse=True)) + r")\s*$", re.I)
    data["addition_before_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in sorted(roles.get("addition_before", ()), key=len, reverse=True)) + r")\s*$", re.I) \
        if roles.get("addition_before") else re.compile(r"(?!x)x")
    data["part_before_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in sorted(roles["part_before"], key=len, reverse=True)) + r")\s*$", re.I)
    data["age_after_re"] = re.compile(r"^\s*(?:" + "|".join(re.escape(x) for x in roles["age_after"]) + r")", re.I)
    data["age_before_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in roles["age_before"]) + r")\s*$", re.I)
    data["statistic_res"] = {name: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
                             for name, words in roles.get("statistics", {}).items()}
    data["capacity_set"] = frozenset(roles.get("capacity_verbs", ()))
    data["capacity_nouns"] = frozenset(roles.get("capacity_nouns", ()))
    data["capacity_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in roles.get("capacity_before", ())) + r")\s*[,:]?\s*(?:of\s+)?(?:about\s+|up to\s+|nearly\s+|some\s+)?$", re.I)
    data["cumulative_re"] = re.compile(r"\b(?:" + "|".join(re.escape(x) for x in roles["cumulative"]) + r")\b", re.I)
    return data


def concepts_of(lemma: str) -> tuple[str, ...]:
    """The concept ids of a lemma (its word classes, else the lemma itself)."""
    return table()["class_of"].get(lemma, (lemma,))


def concept(lemma: str) -> str:
    """The first concept id of a lemma (for context words)."""
    return concepts_of(lemma)[0]


def entity_key(text: str) -> str:
    """A normalized entity name: lower case, no article, no possessive, single spaces."""
    t = unicodedata.normalize("NFKC", text).casefold()  # case first: "İ".lower() adds a combining dot
    prev = None
    while t != prev:  # a removed mark can expose another article or possessive: clean to a fixed point
        prev = t
        t = re.sub(r"[’']s\b", "", t.strip())
        t = re.sub(r"[^\w\s&.-]", " ", t)
        t = re.sub(r"\s+", " ", t).strip(" .-")
        t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return t


def _usable(tok) -> bool:
    t = table()
    lemma = tok.lemma_.lower()
    if lemma in t["weak"]:
        return False
    return (tok.is_alpha and len(lemma) > 1 and not tok.is_stop and lemma not in t["generic_set"]
            and tok.like_num is False)


_UNIT_HEADS = frozenset({"percent", "%", "per", "cent", "thousand", "million", "billion", "trillion", "hundred", "$",
                         "dollar", "euro", "pound", "yen", "times"})


def measured_noun(root, span=None):
    """The noun a number is attached to, by the parse ("652,723 members", "a membership of 652,723").

    Returns None when the number hangs on a verb ("killed 6"); the verb is
    then what is measured.
    """
    inside = (lambda t: span is not None and span.start <= t.i < span.end)
    if is_label(root, span):
        return None
    tok = root
    for _ in range(3):
        head = tok.head
        if head == tok:
            return None
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos", "det", "npadvmod") and head.pos_ in ("NOUN", "PROPN") and not inside(head):
            if head.lower_ in _UNIT_HEADS:
                tok = head
                continue
            if head.lemma_.lower() in table()["generic_set"]:
                obj = of_object(head)
                return obj if obj is not None else head
            return head
        if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "NOUN" and not inside(head.head) \
                and head.head.lemma_.lower() in table()["capacity_nouns"]:
            return head.head  # "the lifeboats' capacity for 1,178", "room for 300"
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and not inside(head.head):
            noun = head.head  # "a membership of 652,723", "a death toll of 23,000"
            if noun.lemma_.lower() in table()["generic_set"] and noun.head.pos_ in ("NOUN", "PROPN", "VERB"):
                tok = noun
                continue
            return noun
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _UNIT_HEADS:
            obj = of_object(tok)
            if obj is not None:
                return obj  # "45 percent of voters"
        return None
    return None


_OWN_COUNT = re.compile(r"^\s+(?:known|confirmed|identified|recorded|officially|official|estimated|registered|reported|"
                        r"missing|injured|dead|killed|recovered|unaccounted)\b", re.I)


def is_restatement(sentence: str, s: int, e: int | None = None) -> bool:
    """A figure in parentheses right after another figure restates it ("one knot (1.2 mph)", "6.5 m (21 ft)").

    "2,000 (1,950 known)" is a second count with its own qualifier, not a conversion."""
    if e is not None and _OWN_COUNT.match(sentence[e:e + 20]):
        return False
    open_ = sentence.rfind("(", 0, s)
    if open_ < 0 or sentence.find(")", open_, s) >= 0:
        return False
    inside = sentence[open_ + 1:s]
    if not re.fullmatch(r"[\sA-Za-z.,~≈-]{0,25}|.*\bor\s+", inside):
        return False
    lead = sentence[max(0, open_ - 40):open_]
    return bool(re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b", lead, re.I))


def ents_of(sdoc) -> tuple:
    """The model's entities of a parsed sentence, built once (``sdoc.ents`` makes new spans at each call)."""
    ents = sdoc.user_data.get("fc_ents")
    if ents is None:
        # (a one-word "entity" that is an adverb or a pronoun is the model's slip on a capital letter:
        # "Amazingly, it has over 1.2 million rivets")
        sdoc.user_data["fc_ents"] = ents = tuple(e for e in sdoc.ents if not _slip(e))
    return ents


def _slip(ent) -> bool:
    """A one-word "entity" that is an adverb or a pronoun: the model's slip on a capital letter
    ("• Amazingly, it has over 1.2 million rivets")."""
    words = [t for t in ent if t.is_alpha]
    if len(words) != 1:
        return False
    w = words[0]
    # (not a verb: a title the tagger reads as one is still a name, "the book «Bound to Lead»"; and an
    # adverb only when its stem is a common word: "Amazingly" is "amazing" + "ly", "Sicily" is no adverb)
    return w.pos_ in ("ADV", "PRON", "AUX", "DET", "INTJ", "SCONJ", "CCONJ") or (
        bool(re.fullmatch(r"[A-Z][a-z]{3,}ly", w.text)) and _common_stem(w.lower_))


@functools.lru_cache(maxsize=4096)
def _common_stem(adverb: str) -> bool:
    """Whether an -ly word is an adverb of a common English word ("amazingly", "happily")."""
    from wordfreq import zipf_frequency

    stem = adverb[:-2]
    return max(zipf_frequency(stem, "en"), zipf_frequency(stem[:-1] + "y", "en") if stem.endswith("i") else 0.0) >= 3.0


def _token_starts(sdoc) -> list[int]:
    starts = sdoc.user_data.get("fc_starts")
    if starts is None:
        sdoc.user_data["fc_starts"] = starts = [t.idx for t in sdoc]
    return starts


def is_clock(sentence: str, s: int, e: int) -> bool:
    """Digits of a clock time ("9:04:35 am") are not counts."""
    return (s > 0 and sentence[s - 1] == ":" and sentence[s - 2:s - 1].isdigit()) or \
        bool(re.match(r":\d", sentence[e:e + 2]))


def of_object_after(sdoc, end_char: int):
    """The noun of an "of" phrase right after a measure ("40 tons of copper" -> copper)."""
    starts = _token_starts(sdoc)
    for i in range(bisect.bisect_left(starts, end_char - 3), bisect.bisect_right(starts, end_char + 2)):
        tok = sdoc[i]
        if tok.lower_ == "of":
            return next((c for c in tok.children if c.dep_ == "pobj"), None)
    return None


def is_label(root, span=None) -> bool:
    """A number that names rather than counts: "Cohort 2", "Arm B 1", "Intervention 1:", "Route 66"."""
    first = span[0] if span is not None else root
    if first.i == 0 or not first.like_num or "." in first.text or "," in first.text:
        return False
    prev = first.doc[first.i - 1]
    nxt = first.doc[span[-1].i + 1] if span is not None and span[-1].i + 1 < len(first.doc) else None
    if prev.pos_ not in ("NOUN", "PROPN") or not prev.is_alpha:
        return False
    if nxt is not None and nxt.pos_ in ("NOUN",) and nxt.dep_ != "ROOT":
        return False  # "the group 12 members" is odd but "cohort 2 patients" is a label too; keep counting nouns
    return prev.is_title or prev.is_upper or prev.lemma_.lower() in table()["label_nouns"]


def of_object(tok):
    """The object of an "of" phrase hanging on a token ("45 percent of voters" -> voters)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


@functools.cache
def _unit_words() -> frozenset[str]:
    from factcheck.normalize.units import unit_table

    t = unit_table()
    words = {w.lower() for key in ("measures", "currency_words", "currency_fractions") for w in t[key] if " " not in w}
    return frozenset(words | {"kilogram", "gram", "pound", "metre", "meter", "kilometre", "kilometer", "mile", "foot", "inch", "ton", "tonne"})


def _lemma(tok) -> str:
    """The lower-case lemma; the tagger leaves plural proper nouns as written ("Institutes")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_:
        lemma = re.sub(r"(?<=[^aeiou])ies$", "y", lemma)
        lemma = re.sub(r"([sxz]|ch|sh)es$", r"\1", lemma) if re.search(r"(?:[sxz]|ch|sh)es$", lemma) else re.sub(r"(?<!s)s$", "", lemma)
    return lemma


def _is_unit_word(tok) -> bool:
    return tok.lower_ in _unit_words() or tok.lemma_.lower() in _unit_words()


def _particle_keys(verb) -> list[tuple[str, str]]:
    """("show_up", "showed up") for each particle of a verb: the keys phrasal verbs are listed under."""
    if verb is None:
        return []
    return [(f"{verb.lemma_.lower()}_{c.lower_}", f"{verb.lower_} {c.lower_}") for c in verb.children if c.dep_ == "prt"]


def phrasal_verb(verb) -> tuple[str, tuple[str, ...]] | None:
    """A phrasal verb with a concept of its own ("show up", "turn out", "take out"): its text and concepts."""
    return next(((text, table()["class_of"][key]) for key, text in _particle_keys(verb) if key in table()["class_of"]), None)


def measure_of(noun, verb, extra=(), money: bool = False) -> tuple[list[str], str, list[str]]:
    """Concept ids, a readable phrase, and the verb's concept ids, for what a number measures.

    For money, a subject that is no measure word ("the film grossed $95
    million") says of what, not what: the verb and its object measure.
    """
    t = table()
    words: list = []
    if money and noun is not None and verb is not None and noun.head == verb and noun.dep_ in ("nsubj", "nsubjpass") \
            and noun.lemma_.lower() not in t["class_of"] and verb.lemma_.lower() not in t["light"]:
        noun = None
    if noun is not None:
        # a plural proper noun names a kind of thing that is counted ("four Varnholm Academies"), so
        # the name's modifiers say what is counted; otherwise a name says of what, not what ("Halloran passengers")
        kind = noun.pos_ == "PROPN" and noun.tag_ == "NNPS"
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and _usable(c)
                and (c.pos_ != "PROPN" or kind) and c.ent_type_ not in ("GPE", "NORP", "DATE", "CARDINAL")]
        words.extend(mods)
        if noun.pos_ != "PROPN" and (_usable(noun) or noun.lemma_.lower() in t["weak"]):
            words.append(noun)
    for tok in extra:
        if tok is not None and _usable(tok) and tok not in words:
            words.append(tok)
    phrasal = phrasal_verb(verb)
    if phrasal:
        verb = None  # "500,000 people showed up": the phrasal verb's concept, not "show"
    light_phrasal = any(key in t["light_phrasal"] for key, _text in _particle_keys(verb))
    if verb is not None and verb.lemma_.lower() not in t["light"] and not light_phrasal and _usable(verb):
        words.append(verb)
    if (not words or (light_phrasal and all(w.lemma_.lower() in t["weak"] for w in words))) and verb is not None:
        # "the purchase was valued at $340 million": the clause's subject
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        if subj is not None and subj.lemma_.lower() in t["generic_set"]:
            subj = of_object(subj)  # "the actual number of deaths totals no more than 34": deaths
        if subj is not None and _usable(subj):
            words.append(subj)
    words = [w for w in words if not _is_unit_word(w)]  # "150 kg", "500 pounds": the unit is no measured concept
    ids = sorted({cid for w in words for cid in concepts_of(_lemma(w))} | set(phrasal[1] if phrasal else ()))
    if not ids and money:
        ids = ["money"]
    verb_ids = sorted(concepts_of(verb.lemma_.lower())) if verb is not None and verb in words else \
        sorted(phrasal[1]) if phrasal else []
    phrase = " ".join(w.text.lower() for w in sorted(words, key=lambda w: w.i))
    if phrasal:
        phrase = (phrase + " " + phrasal[0]).strip()
    return ids, phrase, verb_ids


def _sentence_names(sdoc) -> tuple[list, list]:
    """Per parsed sentence, once: the entity parts and the proper-noun tokens the model left unlabelled.

    Kept in ``sdoc.user_data``, so that a sentence holding hundreds of figures (a table, a
    dense list) is walked once, not once per figure. Each entity part is
    (start, end, key, label, entity start, entity end); each name token is
    (index, start, end, text, joins the one before).
    """
    cached = sdoc.user_data.get("fc_names")
    if cached is not None:
        return cached
    parts = []
    for ent in ents_of(sdoc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        # an entity the model ran across a line break or a full stop (fact boxes, lists) is two names
        pos = ent.start_char
        for part in re.split(r"(\s*\n\s*|(?<=[a-z])\.\s+)", ent.text):
            if part and not re.fullmatch(r"\s*\n\s*|\.\s+", part):
                key = entity_key(part)
                if key and not key.isdigit() and len(key) > 1:
                    parts.append((pos, pos + len(part), key, ent.label_, ent.start_char, ent.end_char))
            pos += len(part)
    one_time = table()["one_time"]
    names = []
    prev = None
    for tok in sdoc:
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_alpha and tok.lower_ not in _CALENDAR and tok.lower_ not in one_time:
            joins = prev is not None and prev.i == tok.i - 1 and "\n" not in sdoc.text[prev.idx + len(prev):tok.idx]
            names.append((tok.i, tok.idx, tok.idx + len(tok), tok.text, joins))
            prev = tok
    sdoc.user_data["fc_names"] = cached = (parts, names)
    return cached


def entity_spans(sdoc, skip: tuple[int, int] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, key, label) of the named entities of a parsed sentence, outside the mention."""
    parts, names = _sentence_names(sdoc)
    out = [(s, e, key, lab) for s, e, key, lab, es, ee in parts if not (skip and es < skip[1] and skip[0] < ee)]
    # proper-noun runs the small model did not label ("Smith died ..."); a token of the mention breaks a run
    run: list = []
    for name in [*names, None]:
        if name is not None and not (skip and skip[0] <= name[1] < skip[1]):
            if run and not name[4]:
                _flush_run(run, out)
            run.append(name)
            continue
        _flush_run(run, out)
    scales = table()["scale_set"]
    return [x for x in out if x[2] not in scales]


def _flush_run(run: list, out: list) -> None:
    if run:
        key = entity_key(" ".join(t[3] for t in run))
        if key and len(key) > 1:
            out.append((run[0][1], run[-1][2], key, "PROPN"))
        run.clear()


def sentence_entities(sdoc, skip: tuple[int, int] | None = None) -> list[tuple[str, str]]:
    """(key, label) of the named entities of a parsed sentence, outside the mention."""
    return sorted({(k, lab) for _s, _e, k, lab in entity_spans(sdoc, skip)})


_CALENDAR = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
mr mrs ms dr prof""".split())


def nearest_specific(sdoc, skip: tuple[int, int]) -> str | None:
    """The specific (non-place) entity nearest to the number: what it most likely is a figure of.

    (Tried on the dev sets, 2026-12-04: preferring the entity named before the number in its own
    clause, or the subject of its verb, lost pairs on authored and ECB+; nearest stays.)"""
    specific = sdoc.user_data.get("fc_specific")
    if specific is None:
        specific = [(e.start_char, e.end_char, key) for e in ents_of(sdoc) if e.label_ in SPECIFIC_LABELS and (key := entity_key(e.text))]
        sdoc.user_data["fc_specific"] = specific
    best = None
    for s, e, key in specific:
        if s < skip[1] and skip[0] < e:
            continue
        dist = skip[0] - e if e <= skip[0] else s - skip[1]
        if best is None or dist < best[0]:
            best = (dist, key)
    return best[1] if best else None


def context_lemmas(sdoc, skip: tuple[int, int] | None = None) -> list[str]:
    """Content lemmas of the sentence (nouns, verbs, adjectives, names), outside the mention."""
    content = sdoc.user_data.get("fc_content")
    if content is None:  # once per sentence
        light = table()["light"]
        content = [(tok.idx, concept(tok.lemma_.lower())) for tok in sdoc
                   if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and _usable(tok) and tok.lemma_.lower() not in light]
        sdoc.user_data["fc_content"] = content
    return sorted({c for idx, c in content if not (skip and skip[0] <= idx < skip[1])})


_PERIOD = re.compile(r"\b(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])[- ]quarter|(?P<qq>q[1-4])\b|(?P<h>first|second|1st|2nd)[- ]half|(?P<y>full[- ]year|annual|yearly|fiscal year|financial year|full twelve months|for the (?:coming |next |current |past |last |whole )?year))", re.I)
_ORD = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3", "fourth": "4", "4th": "4"}


def _period(before: str, after: str) -> str | None:
    """The reporting period right next to a figure ("fourth-quarter revenue of", "in the first half")."""
    hits = list(_PERIOD.finditer(before))
    m = hits[-1] if hits else _PERIOD.search(after)
    if not m:
        return None
    if m.group("q"):
        return "q" + _ORD.get(m.group("q").lower(), m.group("q")[-1])
    if m.group("qq"):
        return m.group("qq").lower()
    if m.group("h"):
        return "h" + _ORD.get(m.group("h").lower(), "1")
    return "year"


def _capacity_verb(root) -> bool:
    """The number is the object of a capacity verb ("holds 52,000", "can accommodate 300 guests")."""
    capacity = table()["capacity_set"]
    tok = root
    for _ in range(3):
        head = tok.head
        if head == tok:
            return False
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in head.children):
            return False  # "the festival was held on a 600-acre farm": hosted, not holding
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            return head.lemma_.lower() in capacity and tok.dep_ in ("dobj", "nummod", "attr", "npadvmod") or (
                head.lemma_.lower() in capacity and tok.head == head)
        tok = head
    return False


def _age_number(text: str) -> bool:
    """A number that can be a person's age (a whole number up to 120)."""
    from factcheck.normalize.numbers import parse_number

    n = parse_number(text)
    return n is not None and float(n).is_integer() and 1 <= n <= 120


def age_event(sentence: str, s: int, root) -> str:
    """When an age holds: "now" (the time of the sentence: "Calloway, 54, was re-elected", "who is
    47", "the 31-year-old"), else the concept of the event it is the age at ("died aged 88",
    "was 17 when she won", "joined at 28")."""
    before = sentence[max(0, s - 40):s]
    if root is None:
        return "now"
    doc = root.doc
    # "was N when <clause>": the event of the when-clause
    for tok in doc[root.i + 1: root.i + 3]:
        if tok.lower_ == "when":
            verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else None
            if verb is not None:
                return concepts_of(verb.lemma_.lower())[0]
    if re.search(r"\b(?:at\s+the\s+age\s+of|at\s+age|aged|at)\s+$", before, re.I):
        tok = root
        for _ in range(6):
            if tok.head == tok:
                break
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in ("be", "have"):
                return concepts_of(tok.lemma_.lower())[0]
    return "now"


# a clause that opens on a partitive ("Of those questioned, ...", "Of the 1,200 on board, ...") counts a part
_PARTITIVE_LEAD = re.compile(r"^\W{0,3}(?:of|out of)\s+(?:those|these|them|the|all|its|their)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,80},\s*(?:only\s+|just\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+|more than\s+)?$", re.I)


def _name_word(sentence: str, m: re.Match) -> bool:
    """A cue word that is part of a name ("Max Yasgur", "Mean Creek"): capitalized inside the sentence, or
    followed by another capitalized word."""
    if not m.group()[:1].isupper():
        return False
    return bool(re.match(r"\s+[A-Z][a-z]", sentence[m.end():m.end() + 3])) or bool(sentence[:m.start()].strip())


@functools.lru_cache(maxsize=256)  # a sentence's figures ask in turn
def _statistics_named(sentence: str) -> tuple[tuple[str, int], ...]:
    """(statistic, end) of each statistic the sentence names ("the average depth"), names excepted."""
    return tuple((name, m.end()) for name, rx in table()["statistic_res"].items()
                 for m in rx.finditer(sentence) if not _name_word(sentence, m))


def role_of(sentence: str, s: int, e: int, root, unit: str) -> list[str]:
    """Role qualifiers of the number at sentence[s:e]."""
    t = table()
    before, after = sentence[max(0, s - 40):s], sentence[e:e + 40]
    roles = []
    per = t["per_after_re"].search(after) or re.match(r"^\W{0,2}(?:per|for each|for every)\s+([a-z]+)", after, re.I)
    if per or re.match(r"^\s*/\s*[a-z]", after):
        roles.append("per:" + (per.group(0).strip().split()[-1].lower() if per else "unit"))
    period = _period(before[-45:], after[:25])
    if period:
        roles.append("period:" + period)
    if re.match(r"^\s+(?:of|out of)\s+(?:the|their|its|his|her|all)?\s*\d", after):
        roles.append("part")  # "won 7 of 12": 7 is a part of 12
    elif (re.search(r"\d\S*(?:\s+(?:thousand|million|billion|percent|per cent))?\s+(?:of|out of)\s+(?:the|their|its|his|her|all)?\s*$", before)
          or (re.search(r"\bout\s+of\s+(?:the|their|its|his|her|all)?\s*$", before) and re.search(r"\d", before[-25:]))) \
            and not re.search(r"\bage\s+of\s*$", before):
        roles.append("whole")  # ... and 12 the whole
    if re.search(r"\b(?:rose|risen|rise|rises|climbed|climb|increased|grew|grown|jumped|fell|fallen|dropped|declined|reached|revised)\s+(?:to|at)\s+(?:about\s+|nearly\s+|more than\s+|over\s+)?$", before, re.I):
        roles.append("updated")  # "the toll had risen to 31": a later state of a changing figure
    if t["age_after_re"].search(after) or (t["age_before_re"].search(before) and unit == "count"):
        roles.append("age")
    elif unit == "count" and re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"^\s*,", after):
        roles.append("age")  # "Senard, 65, said": an age in apposition
    elif unit == "count" and _age_number(sentence[s:e]) and (
            (re.search(r"\b(?:was|is|were|turned)\s+$", before) and re.match(r"^\s+when\b", after))
            or (re.search(r"\b(?:was|turned)\s+$", before) and re.match(r"^\s*(?:[.;]|$)", after)
                and re.match(r"^\s*when\b", sentence, re.I))
            or re.search(r"\bwho\s+(?:is|was)\s+$", before)
            or (re.search(r"\b(?:died|retired|joined|married|became|won|started|began|debuted|left|elected|appointed|named|made)"
                          r"\b[^,.;]{0,40}\bat\s+$", before) and re.match(r"^\s*(?:[,.;)]|$|\s+(?:and|in|when|after|before|but|while)\b)", after))):
        roles.append("age")  # "was 17 when she won", "who is 47", "became captain at 19"
    change = t["change_before_re"].search(before)
    prev = re.search(r"(?:^|\W)(\w+)\s*$", before[:change.start()]) if change else None
    if change and change.group().lower().startswith("up") and prev and prev.group(1).lower() in t["phrasal_up"]:
        change = None  # "they ended up $1.3 million in debt": a phrasal verb, not a change
    if change:
        roles.append("change")
    elif root is not None:
        head = root.head
        changes = t["change_set"] | (t["change_share_set"] if unit == "percent" else frozenset())
        if head.lower_ == "by" and head.head.lemma_.lower() in changes:
            roles.append("change")  # "rose by 5%"
        elif head is not root and head.lemma_.lower() in changes and head.lower_ not in ("to", "at", "from") \
                and root.dep_ in ("dobj", "npadvmod", "advmod", "nummod", "amod", "compound"):
            roles.append("change")  # "rose 5%", "a 5% rise"
    if t["part_before_re"].search(before) or _PARTITIVE_LEAD.match(sentence[:s]):
        roles.append("part")  # "... of whom 40 were", "Of those questioned, 620 said": a part of a whole told before
    if t["addition_before_re"].search(before) or re.match(r"^\s+(?:other|more|additional)\s+[a-z]", after, re.I):
        roles.append("addition")  # "Another four people died", "Four other people", "two more": added to a figure before
    cap = t["capacity_re"].search(before[-30:])
    if cap and re.match(r"holds?\b", cap.group(), re.I) and re.search(r"\b(?:the|its|her|his|their)\s+$", before[-30:][:cap.start()], re.I):
        cap = None  # "in the holds 2,366 tons": a ship's holds, not what something holds
    if cap or (root is not None and _capacity_verb(root)):
        roles.append("capacity")  # "the stadium holds 52,000": what fits, not who came
    if is_restatement(sentence, s, e):
        roles.append("restatement")
    stats = sorted({name for name, end in _statistics_named(sentence) if end <= s})
    if len(stats) == 1:
        roles.append("stat:" + stats[0])  # "the average depth ... is 89 m" (one statistic named before the figure)
    return sorted(set(roles))
