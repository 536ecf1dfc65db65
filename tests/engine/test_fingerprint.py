"""Fingerprints survive unrelated edits and contain no positions."""

from __future__ import annotations

import shutil

import pytest

import factcheck
from factcheck.engine.fingerprint import base_key, fingerprint, normalize_text
from factcheck.model import Evidence
from tests.conftest import CORPUS, RULES


def test_fingerprint_ignores_positions_and_whitespace():
    a = (Evidence("d.txt", 10, 14, "2002", "It opened in  2002.", "2002"),)
    b = (Evidence("d.txt", 900, 904, "2002", "It opened in 2002.", "2002"),)
    assert fingerprint(base_key("FC201", a), 0) == fingerprint(base_key("FC201", b), 0)
    assert fingerprint(base_key("FC201", a), 0) != fingerprint(base_key("FC201", a), 1)
    assert fingerprint(base_key("FC201", a), 0) != fingerprint(base_key("FC101", a), 0)
    assert normalize_text("Over  $28.6\nbillion") == "over $28.6 billion"


@pytest.mark.model
def test_unrelated_edit_keeps_every_fingerprint(tmp_path, corpus_report):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    doc = corpus / "004_2c8e4678485d9308.txt"
    text = doc.read_text(encoding="utf-8")
    # insert an unrelated paragraph near the top: every line number below it shifts
    marker = "1 Introduction"
    assert marker in text
    text = text.replace(marker, "An editor's note that adds a paragraph without any figures.\n\n" + marker, 1)
    doc.write_text(text, encoding="utf-8")
    # and edit an unrelated paragraph of another document
    doc2 = corpus / "003_fe4cccf1a412bc07.txt"
    t2 = doc2.read_text(encoding="utf-8")
    t2 = t2.replace("Regarding soft power, Nye is well-known", "Regarding soft power, Joseph Nye is well-known", 1)
    doc2.write_text(t2, encoding="utf-8")
    edited = factcheck.check([corpus], RULES)
    before = {f["fingerprint"] for f in corpus_report["findings"]}
    after = {f["fingerprint"] for f in edited["findings"]}
    assert before == after
    assert before
