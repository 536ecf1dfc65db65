"""Views of the findings JSON: SARIF, GitHub annotations, terminal, HTML.

The findings JSON (docs/findings-json.md) is the source of truth. Every module
here is a pure function of that report dict: it renders, it never decides,
and it never writes files (the CLI writes them atomically).
"""
