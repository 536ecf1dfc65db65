"""Stable finding fingerprints: no line numbers, no offsets.

A fingerprint hashes the rule code, the documents involved and the
normalized text of the evidence (quote and sentence), plus an occurrence
index for identical keys. An edit elsewhere in a document changes no
fingerprint; an edit of the evidence sentence itself does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from factcheck.model import Evidence


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w%$.,-]+", " ", text)).strip()


def base_key(rule: str, evidence: tuple[Evidence, ...]) -> str:
    parts = sorted(f"{e.doc}\x1f{normalize_text(e.quote)}\x1f{normalize_text(e.sentence)}" for e in evidence)
    return rule + "\x1e" + "\x1e".join(parts)


def fingerprint(key: str, occurrence: int) -> str:
    return hashlib.sha256(f"{key}\x1d{occurrence}".encode()).hexdigest()
