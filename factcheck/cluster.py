"""Extraction on a Dask cluster (``factcheck check --scheduler ADDRESS``, or ``local``).

Documents the cache does not hold are sent to the cluster in small tasks (a few documents
each, the biggest first); every worker process loads the spaCy pipeline and the alias table
once and keeps them for all its tasks. Documents and claims come back to the client, which
keeps the cache, runs the rules and writes the reports, so a cluster run gives the same
report as a local one. Needs the optional extra: ``pip install 'factcheck[dask]'``.

Workers read the rule folder's alias files by the paths the client gives: on several
machines, install factcheck in the same environment everywhere and give the workers the
project at the same path (a shared file system or the same checkout). See docs/cluster.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from factcheck.config import Settings
from factcheck.errors import FactcheckError

_ALIASES: dict = {}  # per worker process: the alias table of the run's alias files
CONNECT_TIMEOUT = "30s"  # to reach a remote scheduler


def _client(scheduler: str, workers: int | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FactcheckError("E503", "--scheduler needs Dask's distributed scheduler, which is not installed",
                             hint="pip install 'factcheck[dask]'") from None
    if scheduler == "local":
        from factcheck.api import available_cores

        cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise FactcheckError("E504", f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                             hint="start one with `dask scheduler` (and `dask worker ADDRESS` on each machine), "
                                  "or use --scheduler local") from None


def extract_task(items: list[tuple[int, tuple]], settings: Settings, alias_paths: list[str]) -> list:
    """One task, run on a worker: (index, (document, claims)) of each of its documents."""
    from factcheck.api import _extract_many, _nlp
    from factcheck.normalize.aliases import load_aliases

    paths = [Path(p) for p in alias_paths]
    key = tuple(alias_paths)
    if key not in _ALIASES:
        _ALIASES.clear()
        _ALIASES[key] = load_aliases(paths)
    return list(_extract_many(items, _nlp(settings, paths), _ALIASES[key], settings.batch_size))


def extract_on_cluster(items: list[tuple[int, tuple]], scheduler: str, settings: Settings, alias_paths: list[Path],
                       workers: int | None = None, progress: Callable[[str], None] | None = None
                       ) -> Iterator[tuple[int, tuple]]:
    """(index, (document, claims)) for every item, extracted on the cluster, in the order tasks finish
    (the caller places each by its index)."""
    from factcheck.api import DOCS_PER_TASK

    client, cluster = _client(scheduler, workers)
    from distributed import as_completed

    try:
        order = sorted(items, key=lambda t: (-len(t[1][1]), t[0]))  # the biggest documents first
        tasks = [order[k:k + DOCS_PER_TASK] for k in range(0, len(order), DOCS_PER_TASK)]
        futures = client.map(extract_task, tasks, settings=settings, alias_paths=[str(p) for p in alias_paths],
                             pure=False)
        for future in as_completed(futures):
            for index, result in future.result():
                if progress:
                    progress(result[0].id)
                yield index, result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
