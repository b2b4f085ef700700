"""Which ruleset and which rules apply to each file.

In order: the command line (``--ruleset``, ``--select``, ``--ignore``), the per-file
entries of the nearest config file, that config file's settings, and finally the
report itself: a report on the 2019 trial format for 2019 or 2020 gets
``national-2019``, every other report ``national-2021``.
"""

from __future__ import annotations

import os

from .config import Config, discover, load_config


class FileSettings:
    """What applies to one file (a plain class: dataclasses cost start-up time)."""

    __slots__ = ("ruleset", "select", "ignore", "suppressions", "config", "origins")

    def __init__(self, ruleset, select: set[str] | None = None, ignore: set[str] | None = None,
                 suppressions: bool = True, config: Config | None = None, origins: dict[str, str] | None = None):
        self.ruleset, self.select, self.ignore = ruleset, select, ignore
        self.suppressions, self.config, self.origins = suppressions, config, origins or {}


class Resolver:
    def __init__(self, registry, *, ruleset: str | None = None, select: set[str] | None = None,
                 ignore: set[str] | None = None, config_path: str | None = None, isolated: bool = False):
        self.registry = registry
        self.cli_ruleset, self.cli_select, self.cli_ignore = ruleset, select or set(), ignore or set()
        self.isolated = isolated
        self.forced = load_config(config_path) if config_path else None
        self._configs: dict[str, Config | None] = {}
        self._rulesets: dict[str, object] = {}

    # -- configuration --------------------------------------------------------------------
    def config_for(self, path: str) -> Config | None:
        if self.forced is not None:
            return self.forced
        if self.isolated or "://" in path:
            return None
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._configs:
            found = discover(folder)
            self._configs[folder] = load_config(found) if found else None
        return self._configs[folder]

    def global_setting(self, name: str, start: str = "."):
        """A run-wide setting (fail-on, lang, exclude) from the config of ``start``: the
        config that applies to a file in that folder, found and read once."""
        config = self.config_for(os.path.join(os.path.abspath(start), "report"))
        return None if config is None else config.settings.get(name)

    # -- rulesets -----------------------------------------------------------------------------
    def ruleset(self, ref: str):
        if ref not in self._rulesets:
            from .ruleset import resolve

            self._rulesets[ref] = resolve(self.registry, ref)
        return self._rulesets[ref]

    def explicit_ruleset(self, path: str) -> tuple[str | None, str]:
        """The ruleset named for ``path`` (and where), or None when the report decides."""
        if self.cli_ruleset:
            return self.cli_ruleset, "--ruleset"
        config = self.config_for(path)
        if config is not None:
            for entry, where in reversed(config.per_file(path)):
                if entry.get("ruleset"):
                    return entry["ruleset"], where
            if config.ruleset_ref():
                return config.ruleset_ref(), config.origins.get("ruleset", "")
        return None, ""

    @staticmethod
    def by_template(report) -> str:
        if report is not None and report.template_version == "2019" and (report.year is None or report.year <= 2020):
            return "national-2019"
        return "national-2021"

    # -- per file -------------------------------------------------------------------------------
    def settings_for(self, path: str, report=None) -> FileSettings:
        config = self.config_for(path)
        ref, where = self.explicit_ruleset(path)
        if ref is None:
            ref, where = self.by_template(report), "(template)"
        ruleset = self.ruleset(ref)
        select = set(self.cli_select)
        ignore = set(self.cli_ignore)
        origins = {"ruleset": where}
        if config is not None:
            if not self.cli_select and config.settings.get("select"):
                select = set(config.settings["select"])
                origins["select"] = config.origins.get("select", "")
            if not self.cli_ignore and config.settings.get("ignore"):
                ignore = set(config.settings["ignore"])
                origins["ignore"] = config.origins.get("ignore", "")
            for entry, entry_where in config.per_file(path):
                if entry.get("select"):
                    select = set(entry["select"])
                    origins["select"] = entry_where
                if entry.get("ignore"):
                    ignore |= set(entry["ignore"])
                    origins["ignore"] = entry_where
        suppressions = True if config is None else bool(config.settings.get("suppressions", True))
        return FileSettings(ruleset, select or None, ignore or None, suppressions, config, origins)

    def __call__(self, report) -> FileSettings:
        return self.settings_for(report.source_path, report)
