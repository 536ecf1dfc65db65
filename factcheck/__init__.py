"""factcheck: claim-level fact-checking and contradiction detection for corpora.

Public API::

    import factcheck
    report = factcheck.check(["corpus"])              # the findings report (dict)
    df = factcheck.claims_dataframe(["corpus"])       # every claim, one row each
    rules = factcheck.load_rules("rules")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check", "claims_dataframe", "load_rules"]


def __getattr__(name: str):
    if name in ("check", "claims_dataframe"):
        from factcheck import api

        return getattr(api, name)
    if name == "load_rules":
        from factcheck.engine.spec import load_rules

        return load_rules
    raise AttributeError(name)
