"""Extraction on a Dask cluster: the same report as a local run, and clear errors.

Runs a dask.distributed LocalCluster of two worker processes on the bundled corpus.
"""

from __future__ import annotations

import json
import sys

import pytest

from factcheck.api import check, prepare
from factcheck.errors import FactcheckError
from tests.conftest import CORPUS, RULES

pytest.importorskip("distributed")


def _dump(report: dict) -> str:
    return json.dumps(report, sort_keys=True)


def test_a_local_cluster_gives_the_report_of_a_local_run():
    local = check([CORPUS], RULES, jobs=1)
    clustered = check([CORPUS], RULES, jobs=2, scheduler="local")
    assert _dump(clustered) == _dump(local)
    assert clustered["findings"], "the bundled corpus has findings to compare"


def test_the_cache_serves_a_cluster_run(tmp_path):
    cache = tmp_path / "cache"
    first = prepare([CORPUS], RULES, cache_dir=cache, jobs=2, scheduler="local")
    assert first.stats["cache_misses"] == len(first.documents) and first.stats["cache_hits"] == 0
    # every document is in the cache now: no cluster is started at all
    again = prepare([CORPUS], RULES, cache_dir=cache, scheduler="tcp://127.0.0.1:9")
    assert again.stats["cache_hits"] == len(first.documents) and again.stats["cache_misses"] == 0
    assert [c.id for c in again.claims] == [c.id for c in first.claims]


def test_an_unreachable_scheduler_is_a_coded_error(monkeypatch):
    import factcheck.cluster as cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(FactcheckError) as err:
        prepare([CORPUS], RULES, jobs=1, scheduler="tcp://127.0.0.1:9")
    assert err.value.code == "E504" and "127.0.0.1:9" in str(err.value)


def test_without_the_dask_extra_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(FactcheckError) as err:
        prepare([CORPUS], RULES, jobs=1, scheduler="local")
    assert err.value.code == "E503" and "factcheck[dask]" in str(err.value)
