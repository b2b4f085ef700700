"""report-lint: lint Chinese government information-disclosure annual reports.

Kept import-free on purpose: ``report-lint --version`` must start as fast as a bare
click program, so nothing heavy is imported at package level.
"""

__version__ = "0.1.0"
