"""``python -m report_lint`` runs the CLI."""

from .cli import run

run()
