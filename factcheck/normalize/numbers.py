"""Numbers as people write them: digits, number words, scale words, fractions.

``parse_number("13.2 thousand") == 13200``; ``parse_number("ten and a half")
== 10.5``; ``parse_number("fifty one") == 51``. Cardinal words go through
text2num; fractions and scale words are handled here because text2num
leaves them alone.
"""

from __future__ import annotations

import re

from text_to_num import text2num

UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mln": 1e6, "bln": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6, "b": 1e9, "tn": 1e12,
          "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "cr": 1e7}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25, "a third": 1 / 3,
             "third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "three quarters": 0.75,
             "three-quarters": 0.75, "one third": 1 / 3, "one-third": 1 / 3, "one quarter": 0.25,
             "one-quarter": 0.25, "one fifth": 0.2, "one-fifth": 0.2, "a fifth": 0.2, "one tenth": 0.1,
             "one-tenth": 0.1, "a tenth": 0.1, "one half": 0.5, "one-half": 0.5, "a dozen": 12, "dozen": 12, "a couple": 2}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
    "hundredth": 100,
}

_CARD = "|".join(UNITS_WORDS[1:] + TENS_WORDS)
# "ten", "twenty-five", "fifty one", "two hundred", "ten and a half"
# "half a million", "a quarter of a million", "three-quarters of a billion"
_FRACTION_OF_SCALE = (r"(?:half|a\squarter|three[- ]quarters|a\sthird|two[- ]thirds)(?:\sof)?\s(?:a|an)\s(?:hundred|thousand|million|billion|dozen)"
                      r"|(?:two|three|four|five|six|seven|eight|nine|ten)\sdozen")
WORD_NUMBER = (
    rf"(?:{_FRACTION_OF_SCALE}|(?:{_CARD})(?:[- ](?:{'|'.join(UNITS_WORDS[1:10])}))?"
    rf"(?:\s(?:hundred|thousand|million|billion))?(?:\sand\sa\s(?:half|quarter))?(?:\s(?:thousand|million|billion))?|a\sdozen|a\shundred|a\sthousand|a\smillion|a\sbillion|a\squarter|a\sthird|half|a\shalf)"
)
# 1,234,567 / Indian grouping 12,34,567 / thin or plain spaces between groups (15 468, 41 000) / 1234
DIGIT_NUMBER = (r"(?:\d{1,2}(?:,\d\d){1,4},\d{3}(?!\d)|\d{1,3}(?:,\d{3}){1,8}|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3}){1,4}(?!\d|[.,]\d)|(?<!\d\s)\d{1,3} \d{3}(?!\d|[.,]\d|\s\d)|\d{1,20})"
                r"(?:\.\d{1,12})?")
SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|bln|bn|crores?|lakhs?|lacs?)"
SHORT_SCALE = r"(?:m|mn|bn|b|k|tn|cr)"  # written onto the number: "£14.2m", "$2.3bn", "$10k"
NUMBER = rf"(?:{DIGIT_NUMBER}(?:\s?{SCALE})?|{WORD_NUMBER})"


def parse_number(text: str) -> float | None:
    """The value of a number expression, or None when it is not one."""
    t = text.strip().lower().replace("\u2009", "").replace("\u00a0", " ").replace("\u202f", " ")
    if not t:
        return None
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", t)  # "15 468": a space between groups of digits
    if t in FRACTIONS:
        return float(FRACTIONS[t])
    m = re.fullmatch(rf"({DIGIT_NUMBER})\s?({SCALE}|{SHORT_SCALE})?", t)
    if m:
        base = float(m.group(1).replace(",", ""))
        return base * SCALES[m.group(2)] if m.group(2) else base
    m = re.fullmatch(r"(two|three|four|five|six|seven|eight|nine|ten) dozen", t)
    if m:  # "two dozen"
        return 12.0 * text2num(m.group(1), "en")
    m = re.fullmatch(r"(half|a quarter|three[- ]quarters|a third|two[- ]thirds)(?: of)? an? (hundred|thousand|million|billion|dozen)", t)
    if m:  # "half a million"
        part = {"half": 0.5, "a quarter": 0.25, "a third": 1 / 3}.get(m.group(1), 0.75 if "quarter" in m.group(1) else 2 / 3)
        return part * (12.0 if m.group(2) == "dozen" else SCALES[m.group(2)])
    extra = 0.0
    m = re.fullmatch(r"(.+?)\s+and\s+(a half|a quarter|half)\s+(thousand|million|billion|trillion)", t)
    if m:  # "two and a half billion"
        base = parse_number(m.group(1))
        return None if base is None else (base + FRACTIONS[m.group(2)]) * SCALES[m.group(3)]
    m = re.fullmatch(r"(.+?)\s+and\s+(a half|a quarter|half)", t)
    if m:
        t, extra = m.group(1), FRACTIONS[m.group(2)]
    scale = 1.0
    m = re.fullmatch(r"(.+?)\s(million|billion|trillion|crores?|lakhs?)", t)
    if m and m.group(1) not in ("a",):
        t, scale = m.group(1), SCALES[m.group(2)]
    if t in ("a", "an"):
        return scale + extra if scale > 1 else None
    m = re.fullmatch(rf"({DIGIT_NUMBER})", t)
    if m:
        return float(m.group(1).replace(",", "")) * scale + extra
    if t.startswith("a ") and t[2:] in ("hundred", "thousand", "million", "billion"):
        return SCALES[t[2:]] + extra
    try:
        value = text2num(t.replace("-", " "), "en")
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None
    return float(value) * scale + extra


def parse_ordinal(text: str) -> int | None:
    """'first' -> 1, '21st' -> 21, 'third-largest' -> 3, 'number one' -> 1."""
    t = text.strip().lower()
    m = re.match(r"(\d+)(?:st|nd|rd|th)\b", t)
    if m:
        return int(m.group(1))
    if t.startswith("number "):
        n = parse_number(t[7:])
        return int(n) if n is not None else None
    if t.startswith("top "):
        n = parse_number(t[4:])
        return int(n) if n is not None else None
    word = re.split(r"[- ]", t)[0]
    return ORDINALS.get(word)


def format_number(x: float) -> str:
    """Compact, stable rendering of a magnitude for messages ("13,200", "2.1 million")."""
    if x is None:
        return "?"
    ax = abs(x)
    for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if ax >= scale:
            return f"{x / scale:,.4g} {name}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4g}"
