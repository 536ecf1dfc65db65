"""Built-in rules, a project's configuration found like a linter's, project rules that add or override, `init`.

Every text here is ours: invented libraries, towns and figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.api import _alias_paths, rule_set
from factcheck.config import Settings, find_config, load_settings
from factcheck.engine.spec import BUILTIN_RULES, load_rules
from factcheck.errors import FactcheckError
from factcheck.normalize.aliases import load_aliases

BUILTIN_CODES = [r.code for r in load_rules(None)]

A = "In 2015 the Port Vell library held 12,400 books.\n"
B = "In 2015 the Port Vell library held 19,800 books.\n"


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def _corpus(root: Path) -> Path:
    papers = root / "papers"
    papers.mkdir(parents=True)
    (papers / "a.txt").write_text(A, encoding="utf-8")
    (papers / "b.txt").write_text(B, encoding="utf-8")
    return papers


# ---------------------------------------------------------------- built-in rules


def test_the_rules_ship_inside_the_package():
    assert BUILTIN_RULES.is_dir() and BUILTIN_RULES.parent.name == "factcheck"
    assert {"FC101", "FC102", "FC202", "FC301"} <= set(BUILTIN_CODES)
    assert all(r.origin == "built-in" and Path(r.path).parent == BUILTIN_RULES for r in load_rules(None))


def test_a_project_rule_with_a_new_code_adds_a_rule(tmp_path):
    (tmp_path / "extra.yaml").write_text(
        "rules:\n  - code: XY901\n    name: my-check\n    kind: value-conflict\n    severity: info\n"
        "    message: '{property}: {a_value} vs {b_value}'\n    description: Mine.\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert [r.code for r in rules] == sorted(BUILTIN_CODES + ["XY901"])
    mine = next(r for r in rules if r.code == "XY901")
    assert mine.origin == "project" and mine.path == str(tmp_path / "extra.yaml") and mine.line == 2


def test_a_project_rule_with_a_built_in_code_overrides_only_the_keys_it_gives(tmp_path):
    builtin = next(r for r in load_rules(None) if r.code == "FC101")
    (tmp_path / "overrides.yaml").write_text(
        "rules:\n  - {code: FC101, severity: info, params: {approx_tolerance: 0.2}}\n", encoding="utf-8")
    fc101 = next(r for r in load_rules(tmp_path) if r.code == "FC101")
    assert fc101.severity == "info" and fc101.origin == "project (overrides built-in)"
    assert fc101.params.approx_tolerance == 0.2
    # what the override leaves out is the built-in's: the message and the other parameters
    assert fc101.message == builtin.message and fc101.kind == builtin.kind
    assert fc101.params.rel_tolerance == builtin.params.rel_tolerance


def test_a_project_rule_can_switch_a_built_in_off(tmp_path):
    (tmp_path / "off.yaml").write_text("rules:\n  - {code: FC504, enabled: false}\n", encoding="utf-8")
    assert "FC504" not in [r.code for r in load_rules(tmp_path)]
    assert "FC504" in BUILTIN_CODES


def test_a_bad_override_points_at_the_project_file(tmp_path):
    (tmp_path / "bad.yaml").write_text("rules:\n  - {code: FC101, severity: fatal}\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        load_rules(tmp_path)
    assert info.value.code == "E203" and info.value.path == str(tmp_path / "bad.yaml") and info.value.line == 2


def test_a_code_twice_in_the_project_is_an_error_even_when_it_is_a_built_in_code(tmp_path):
    (tmp_path / "a.yaml").write_text("rules:\n  - {code: FC101, severity: info}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("rules:\n  - {code: FC101, severity: warning}\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        load_rules(tmp_path)
    assert info.value.code == "E204"


def test_builtin_rules_off_loads_the_project_rules_alone(tmp_path):
    (tmp_path / "off.yaml").write_text("rules: []\n", encoding="utf-8")
    assert load_rules(tmp_path, builtin=False) == []
    assert rule_set(tmp_path, Settings(builtin_rules=False)) == []


# ---------------------------------------------------------------- the configuration is found like a linter's


def test_factcheck_toml_in_the_corpus_folder_is_found(tmp_path):
    papers = _corpus(tmp_path)
    (papers / "factcheck.toml").write_text('aliases = ["names.yaml"]\nmax_doc_mb = 2\n', encoding="utf-8")
    s = load_settings(papers)
    assert s.source == str(papers / "factcheck.toml")
    assert s.aliases == (str(papers / "names.yaml"),)  # relative to the file that names it
    assert s.max_doc_bytes == 2 * 1024 * 1024


def test_pyproject_above_the_corpus_is_found_and_one_without_a_table_is_passed_over(tmp_path):
    papers = _corpus(tmp_path / "project")
    (tmp_path / "project" / "pyproject.toml").write_text('[tool.factcheck]\nrules = "checks"\n', encoding="utf-8")
    (papers / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.factcheck]
    s = load_settings(papers)
    assert s.source == str(tmp_path / "project" / "pyproject.toml")
    assert s.rules == str(tmp_path / "project" / "checks")


def test_factcheck_toml_wins_over_a_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nmodel = "a"\n', encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('[tool.factcheck]\nmodel = "b"\n', encoding="utf-8")
    assert load_settings(tmp_path).model == "b"


def test_no_configuration_means_built_in_rules_only(tmp_path):
    assert find_config(tmp_path) is None or not str(find_config(tmp_path)[0]).startswith(str(tmp_path))
    s = Settings()
    assert [r.code for r in rule_set(None, s)] == BUILTIN_CODES
    assert _alias_paths(None, s)[0].name == "aliases.yaml" and len(_alias_paths(None, s)) == 1


@pytest.mark.parametrize("text, code, words", [
    ("modle = 'x'\n", "E221", "did you mean 'model'"),
    ("max_doc_mb = -1\n", "E222", "positive number"),
    ("aliases = 3\n", "E222", "file path"),
    ("builtin_rules = 'no'\n", "E222", "true or false"),
    ("rules = [\n", "E220", "not valid TOML"),
])
def test_a_bad_configuration_is_one_coded_error(tmp_path, text, code, words):
    (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        load_settings(tmp_path)
    assert info.value.code == code and words in str(info.value)
    assert info.value.path == str(tmp_path / "factcheck.toml")


# ---------------------------------------------------------------- aliases: built-in, then the project's


def test_a_project_alias_file_extends_a_built_in_entity(tmp_path):
    (tmp_path / "aliases.yaml").write_text(
        "entities:\n  china:\n    variants: [Zhongguo]\n  port_vell:\n    type: place\n    part_of: china\n"
        "    variants: [Port Vell]\n", encoding="utf-8")
    table = load_aliases(_alias_paths(tmp_path, Settings()))
    assert table.lookup("Zhongguo") == "china" and table.lookup("PRC") == "china"  # built-in variants kept
    assert table.type_of("china") == "place"  # the project did not give a type: the built-in's stays
    assert table.broadest("port_vell") == "china"


def test_a_configured_alias_file_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(FactcheckError) as info:
        _alias_paths(None, Settings(aliases=(str(tmp_path / "nope.yaml"),), source="factcheck.toml"))
    assert info.value.code == "E210"


# ---------------------------------------------------------------- the command line from any folder


@pytest.mark.model
def test_check_works_from_a_folder_without_rules(tmp_path):
    _corpus(tmp_path)
    proc = _cli(["check", "papers", "--no-cache", "--json", "out.json", "--html", "out.html", "--format", "none",
                 "--fail-on", "never"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in report["findings"]] == ["FC101"]
    assert "E200" not in proc.stderr


@pytest.mark.model
def test_a_project_override_found_from_the_corpus_changes_the_run(tmp_path):
    papers = _corpus(tmp_path)
    (papers / "factcheck.toml").write_text('rules = "my-rules"\n', encoding="utf-8")
    (papers / "my-rules").mkdir()
    (papers / "my-rules" / "o.yaml").write_text("rules:\n  - {code: FC101, enabled: false}\n", encoding="utf-8")
    proc = _cli(["check", "papers", "--no-cache", "--json", "out.json", "--html", "out.html", "--format", "none"],
                tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["findings"] == []
    assert "FC101" not in [r["code"] for r in report["rules"]]


def test_rules_command_says_where_each_rule_comes_from(tmp_path):
    (tmp_path / "factcheck.toml").write_text('rules = "r"\n', encoding="utf-8")
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "o.yaml").write_text("rules:\n  - {code: FC102, severity: info}\n", encoding="utf-8")
    proc = _cli(["rules"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "built-in" in out and "overrides" in out
    assert "configuration: " + str(tmp_path / "factcheck.toml") in out.replace("│", "")
    proc = _cli(["rules", "--explain", "FC102"], tmp_path)
    explained = "".join(proc.stdout.split())  # the terminal may wrap a long path anywhere
    assert "(project(overridesbuilt-in))" in explained
    assert "Definedin" + str(tmp_path / "r" / "o.yaml") in explained


def test_an_explicit_rules_folder_that_is_missing_is_e200(tmp_path):
    proc = _cli(["rules", "--rules", "nope"], tmp_path)
    assert proc.returncode == 2 and "[E200]" in proc.stderr and "Traceback" not in proc.stderr


# ---------------------------------------------------------------- init


def test_init_writes_a_working_starter_configuration(tmp_path):
    papers = _corpus(tmp_path)
    proc = _cli(["init", "papers"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    config, aliases = papers / "factcheck.toml", papers / "aliases.yaml"
    assert config.read_text(encoding="utf-8").startswith("# factcheck's configuration")
    s = load_settings(papers)  # what init writes is read back without error
    assert s.source == str(config) and s.aliases == (str(aliases),)
    assert load_aliases([aliases]).entities == {}
    assert "# entities:" in aliases.read_text(encoding="utf-8")  # the format is explained in comments


def test_init_does_not_overwrite_without_force(tmp_path):
    papers = _corpus(tmp_path)
    (papers / "aliases.yaml").write_text("entities: {}\n# mine\n", encoding="utf-8")
    proc = _cli(["init", "papers"], tmp_path)
    assert proc.returncode == 2 and "[E223]" in proc.stderr
    assert (papers / "aliases.yaml").read_text(encoding="utf-8").endswith("# mine\n")
    assert not (papers / "factcheck.toml").exists()  # nothing written at all
    assert _cli(["init", "papers", "--force"], tmp_path).returncode == 0
    assert "# mine" not in (papers / "aliases.yaml").read_text(encoding="utf-8")
