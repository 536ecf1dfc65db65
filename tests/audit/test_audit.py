"""factcheck audit: manuscripts we write, citing the bundled corpus's papers.

Each manuscript holds a figure the cited source states (supported), one it
misquotes (contradicted), one the source never gives (not_found), one
attributed to a work not in the corpus (source_missing) and one with no
citation (uncited), in author-year, numbered and Word form.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.audit.judge import entries
from factcheck.audit.works import Profile, Work, fold, link_works, parse_entry
from factcheck.ingest.corpus import document_from_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
P002, P003 = "002_c59ff3a5fbf1d2f8.txt", "003_fe4cccf1a412bc07.txt"

REFERENCES_APA = """## References

Demircioğlu, F., & Deniş, H. E. (2024). The use of soft power by Russia and China in Central Asia: The case of Kazakhstan. International Malatya Scientific Research Congress.
Naizabayeva, G. A., & Masalimova, A. R. (2019). China's soft power along the New Silk Road. Bulletin journal.
Okonkwo, T. (2017). Scholarships and their students on the steppe. Harbour Books.
"""

AUTHOR_YEAR = """# A short review of cultural diplomacy

Naizabayeva and Masalimova (2019) report that the first Confucius Institute in Kazakhstan was opened in 2002.
In one survey, 75 percent held a favorable opinion of Russia (Demircioğlu & Deniş, 2024).
Those institutes counted more than 480 establishments worldwide as of 2019 (Demircioğlu & Deniş, 2024).
The country hosts 17 Chinese cultural centres (Demircioğlu & Deniş, 2024).
Okonkwo (2017) puts the share of students who favoured Russian universities at 74 percent.
There were 9 such centres in the capital in 2021.

""" + REFERENCES_APA

NUMBERED = """# A short review, numbered

The first Confucius Institute in Kazakhstan was opened in 2002 [2].
In one survey, 75 percent held a favorable opinion of Russia [1].
Those institutes counted more than 480 establishments worldwide as of 2019 [1, 2].
The country hosts 17 Chinese cultural centres [1].
The share of students who favoured Russian universities was 74 percent [3].
There were 9 such centres in the capital in 2021.

## References

[1] Demircioğlu, F., & Deniş, H. E. (2024). The use of soft power by Russia and China in Central Asia: The case of Kazakhstan. International Malatya Scientific Research Congress.
[2] Naizabayeva, G. A., & Masalimova, A. R. (2019). China's soft power along the New Silk Road. Bulletin journal.
[3] Okonkwo, T. (2017). Scholarships and their students on the steppe. Harbour Books.
"""

EXPECTED = {"2002": ("supported", [P002]), "75 percent": ("contradicted", [P003]),
            "more than 480": ("supported", [P003]), "17": ("not_found", [P003]),
            "74 percent": ("source_missing", []), "9": ("uncited", [])}


def run_audit(tmp_path: Path, manuscript: Path, *extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "audit", str(manuscript), "--sources", str(CORPUS),
                           "--no-cache", "--json", str(out / "audit.json"), "--html", str(out / "audit.html"),
                           "--sarif", str(out / "audit.sarif"), *extra],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads((out / "audit.json").read_text(encoding="utf-8"))


def statuses(report: dict) -> dict[str, tuple[str, list[str]]]:
    return {it["quote"]: (it["status"], it["sources"]) for it in report["items"] if it["quote"] in EXPECTED}


@pytest.fixture(scope="module")
def author_year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ay")
    (tmp / "review.md").write_text(AUTHOR_YEAR, encoding="utf-8")
    return run_audit(tmp, tmp / "review.md")


pytestmark = pytest.mark.model


def test_author_year_manuscript_gets_each_figures_status(author_year):
    proc, report = author_year
    assert statuses(report) == EXPECTED
    assert proc.returncode == 1, "a contradicted figure fails the run at --fail-on error"
    by_status = report["summary"]["by_status"]
    assert by_status["contradicted"] == 1 and by_status["source_missing"] == 1 and by_status["uncited"] >= 1
    assert report["summary"]["references"] == 3 and report["summary"]["references_linked"] == 2
    assert report["summary"]["references_unmatched"] == ["ref:3"]


def test_a_contradiction_shows_both_values_and_the_source_quote(author_year):
    _proc, report = author_year
    [item] = [it for it in report["items"] if it["quote"] == "75 percent"]
    [ev] = item["evidence"]
    assert (ev["doc"], ev["quote"], ev["role"]) == (P003, "68 percent", "contradicts")
    assert ev["line"] == 314 and "favorable opinion of Russia" in ev["sentence"]
    assert "68%" in item["reason"] and "75%" in item["reason"] and "same quantity because" in item["reason"]
    assert item["severity"] in ("error", "warning") and item["match"]["score"] >= 5.0


def test_a_supported_figure_that_other_papers_dispute_says_so(author_year):
    _proc, report = author_year
    [item] = [it for it in report["items"] if it["quote"] == "2002"]
    assert item["evidence"][0]["quote"] == "2002" and item["evidence"][0]["doc"] == P002
    assert any("2007" in d["message"] for d in item["disputed"]), item["disputed"]


def test_citation_years_are_not_audited(author_year):
    _proc, report = author_year
    assert not [it for it in report["items"] if it["quote"] in ("2019", "2024", "2017") and "(" in it["sentence"]
                and it["sentence"][it["sentence"].index(it["quote"]) - 2:].startswith(("ş, ", "9)"))]
    assert all(it["quote"] != "2024" for it in report["items"])


def test_numbered_citations_give_the_same_statuses(tmp_path):
    (tmp_path / "review.md").write_text(NUMBERED, encoding="utf-8")
    proc, report = run_audit(tmp_path, tmp_path / "review.md", "--fail-on", "never")
    assert proc.returncode == 0
    assert statuses(report) == {**EXPECTED, "more than 480": ("supported", [P003, P002])}  # "[1, 2]": both works
    refs = {w["number"]: w["source"] for w in report["references"] if w["key"].startswith("ref:")}
    assert refs == {1: P003, 2: P002, 3: None}


def test_a_word_manuscript_is_audited_like_text(tmp_path):
    import docx

    d = docx.Document()
    for para in AUTHOR_YEAR.split("\n\n"):
        for line in para.strip().splitlines():
            d.add_paragraph(line.lstrip("# "))
    d.save(str(tmp_path / "review.docx"))
    _proc, report = run_audit(tmp_path, tmp_path / "review.docx", "--fail-on", "never")
    assert report["manuscript"]["format"] == "docx"
    assert statuses(report) == EXPECTED


def test_html_sarif_and_terminal_views(author_year, tmp_path_factory):
    proc, report = author_year
    assert "CONTRADICTED" in proc.stdout and "68 percent" in proc.stdout
    html_path = next(Path(p) for p in [*(tmp_path_factory.getbasetemp().glob("ay*/out/audit.html"))])
    html = html_path.read_text(encoding="utf-8")
    assert 'class="mark st-contradicted"' in html and "not among the sources" in html
    sarif = json.loads((html_path.parent / "audit.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"FA101", "FA102", "FA103"}
    [contra] = [r for r in results if r["ruleId"] == "FA101"]
    assert contra["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(P003)
    assert all(":" in r["partialFingerprints"]["factcheck-audit/v1"] for r in results)


def test_markup_in_a_manuscript_is_shown_as_text(tmp_path):
    text = AUTHOR_YEAR.replace("In one survey,", "In one <script>alert('x')</script> survey,")
    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    _proc, report = run_audit(tmp_path, tmp_path / "review.md", "--fail-on", "never")
    html = (tmp_path / "out" / "audit.html").read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "script-src 'none'" in html.replace("&#39;", "'")


def test_a_missing_manuscript_is_a_coded_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "audit", "nope.md", "--sources", str(CORPUS)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 2 and "E106" in proc.stderr


# ---------------------------------------------------------------- reference lists (no model)


def test_reference_lines_reflowed_into_one_paragraph_are_split_again():
    text = ("[1] Arda, K. (2020). First title. Press. [2] Brandt, L., & Chu, M. (2021). Second title. "
            "Journal 4(2), 1-9.\n[3] Third page. Site.")
    got = [text[a:b].strip() for a, b in entries(text, 0, len(text))]
    assert [g[:3] for g in got] == ["[1]", "[2]", "[3]"]


def test_an_apa_entry_is_parsed_with_authors_year_and_title():
    w = parse_entry("Brandt, L., & Chu, M. (2021). Harbour lights and their keepers. Coastal Review, 4(2), 1-9.", "ref:1")
    assert (w.authors, w.year, w.title) == (("Brandt", "Chu"), 2021, "Harbour lights and their keepers")


def test_a_numbered_web_entry_keeps_its_number_and_title():
    w = parse_entry("[7] The harbour lights of Port Elden. Elden Herald.", "ref:7")
    assert (w.number, w.title) == (7, "The harbour lights of Port Elden")


def test_a_work_links_to_the_document_with_its_title_and_not_to_a_lookalike():
    docs = [document_from_text("a.txt", "Harbour lights and their keepers\n\nBy Lena Brandt and Min Chu, 2021.\n\nText.",
                               meta={"title": "Harbour lights and their keepers"}),
            document_from_text("b.txt", "Lighthouses of the north\n\nBy Ole Nord, 2019.\n\nText.",
                               meta={"title": "Lighthouses of the north"})]
    profiles = [Profile.of(d) for d in docs]
    works = [parse_entry("Brandt, L., & Chu, M. (2021). Harbour lights and their keepers. Coastal Review.", "ref:1"),
             parse_entry("Quist, A. (2015). Fishing fleets of the south. Sea Press.", "ref:2")]
    link_works(works, profiles)
    assert [w.source for w in works] == ["a.txt", None]
    assert "title" in works[0].why and "author Brandt" in works[0].why


def test_fold_removes_accents_and_case():
    assert fold("Demircioğlu & Deniş") == "demircioglu denis"


def test_the_audit_json_is_the_same_for_any_number_of_processes(tmp_path):
    (tmp_path / "review.md").write_text(AUTHOR_YEAR, encoding="utf-8")
    one = run_audit(tmp_path, tmp_path / "review.md", "--jobs", "1", "--fail-on", "never")[1]
    first = (tmp_path / "out" / "audit.json").read_bytes()
    run_audit(tmp_path, tmp_path / "review.md", "--jobs", "2", "--fail-on", "never")
    assert (tmp_path / "out" / "audit.json").read_bytes() == first
    # fingerprints hold no line numbers: lines added above leave them as they were
    (tmp_path / "review.md").write_text("Draft of 3 May.\n\n\n" + AUTHOR_YEAR, encoding="utf-8")
    moved = run_audit(tmp_path, tmp_path / "review.md", "--fail-on", "never")[1]
    before = {it["quote"]: (it["line"], it["fingerprint"]) for it in one["items"]}
    after = {it["quote"]: (it["line"], it["fingerprint"]) for it in moved["items"]}
    assert all(after[q][0] > before[q][0] and after[q][1] == before[q][1] for q in EXPECTED)


def test_only_particular_figures_support_on_their_value_alone():
    from factcheck.audit.judge import _distinctive
    from factcheck.model import Claim, Time, Value

    def q(mag, unit="count", approx=False):
        return Claim("m", 0, 1, "x", "x", 0, "quantity", Value(mag, unit, mag, mag, approx), None, None, None)

    def d(gran):
        return Claim("m", 0, 1, "x", "x", 0, "date", None, Time("1917", "1917-12-06", "1917-12-06", gran), None, None)

    assert _distinctive(q(1963)) and _distinctive(q(544, "time_of_day")) and _distinctive(d("day"))
    assert not _distinctive(q(2000)) and not _distinctive(q(540, "time_of_day")) and not _distinctive(d("year"))
    assert not _distinctive(q(1963, approx=True))


def test_a_pdf_manuscript_is_audited_and_its_items_name_their_page(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "review.pdf"), pagesize=A4)
    c.setFont("Helvetica", 8)
    pages = [["A short review of cultural diplomacy", "",
              "Naizabayeva and Masalimova (2019) report that the first Confucius Institute in Kazakhstan was opened in 2002."],
             ["In one survey, 75 percent held a favorable opinion of Russia (Demircioğlu & Deniş, 2024).", "",
              "References", "",
              "Demircioğlu, F., & Deniş, H. E. (2024). The use of soft power by Russia and China in Central Asia.",
              "Naizabayeva, G. A., & Masalimova, A. R. (2019). China's soft power along the New Silk Road."]]
    for lines in pages:
        y = 780
        for line in lines:
            c.drawString(40, y, line)
            y -= 14
        c.showPage()
    c.save()
    _proc, report = run_audit(tmp_path, tmp_path / "review.pdf", "--fail-on", "never")
    assert report["manuscript"]["format"] == "pdf" and report["manuscript"]["pages"] == 2
    got = {it["quote"]: (it["status"], it.get("page")) for it in report["items"]}
    assert got["2002"] == ("supported", 1)
    assert got["75 percent"] == ("contradicted", 2)
