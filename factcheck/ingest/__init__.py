"""Ingest: read files, repair text with an offset map, segment, find citations.

The entry points live in :mod:`factcheck.ingest.corpus` (``load_corpus``,
``load_document``, ``document_from_text``); they are re-exported here lazily
so that the low-level modules (offsets, repair) import without the model.
"""

from __future__ import annotations

__all__ = ["Corpus", "document_from_text", "load_corpus", "load_document"]


def __getattr__(name: str):
    if name in __all__:
        from factcheck.ingest import corpus

        return getattr(corpus, name)
    raise AttributeError(name)
