"""report-lint: lint Chinese government information-disclosure annual reports.

Kept import-free on purpose: ``report-lint --version`` must start as fast as a bare
click program, so nothing heavy is imported at package level. The Python API
(``lint_paths``, ``lint_report``) is loaded on first use.
"""

__version__ = "0.1.0"
__all__ = ["lint_paths", "lint_report", "__version__"]


def __getattr__(name):
    if name in ("lint_paths", "lint_report"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'report_lint' has no attribute {name!r}")
