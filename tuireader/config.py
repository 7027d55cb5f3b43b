"""The user's settings: one TOML file in the config folder (docs/config.md lists every key).

``load_config()`` never raises for a user's mistake: every unknown key or bad
value becomes a one-line warning naming the key, and that setting keeps its
default. A missing file is not a mistake; it means "all defaults".

No Textual here: the app reads ``Config`` and applies it (it checks theme
names, binding ids and key conflicts itself).
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tuireader import paths

DEFAULT_THEME = "tuireader-dark"
MEASURE_RANGE = (40, 200)

# strftime directives Python documents, plus the common glibc ones; "%-d" style flags allowed.
_STRFTIME_DIRECTIVE = re.compile(r"%([-_0^#]?)(.)", re.DOTALL)
_KNOWN_DIRECTIVES = set("aAwdbBmyYHIpMSfzZjUWcxXGuV%eDFhnrRtTCgklPs")
# Two days that differ in weekday, day, month and year: a date format must tell them apart.
_SAMPLE_DAYS = (date(2025, 8, 17), date(2024, 1, 2))
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    measure: int = 80  # reader width in columns, 40-200
    wrap: bool = True
    date_format: str = "%Y-%m-%d"


@dataclass(frozen=True, slots=True)
class HighlightConfig:
    person: bool = True
    org: bool = True
    location: bool = True
    figure: bool = True


@dataclass(frozen=True, slots=True)
class ImportConfig:
    max_file_mb: float = 20.0
    noise_patterns: tuple[str, ...] = ()  # extra regexes, on top of the built-in noise lines

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1_048_576)


def _no_keys() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Config:
    library: Path | None = None  # None: $TUIREADER_LIBRARY or the data folder default
    theme: str = DEFAULT_THEME
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    highlight: HighlightConfig = field(default_factory=HighlightConfig)
    importing: ImportConfig = field(default_factory=ImportConfig)  # the [import] table
    # Binding id ("reader.next") -> key string ("ctrl+n", "j,down"); read-only.
    keys: Mapping[str, str] = field(default_factory=_no_keys, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain data, shaped like the TOML file ([import] for ``importing``)."""
        return {
            "library": str(self.library) if self.library is not None else None,
            "theme": self.theme,
            "reader": {f.name: getattr(self.reader, f.name) for f in fields(ReaderConfig)},
            "highlight": {f.name: getattr(self.highlight, f.name) for f in fields(HighlightConfig)},
            "import": {
                "max_file_mb": self.importing.max_file_mb,
                "noise_patterns": list(self.importing.noise_patterns),
            },
            "keys": dict(self.keys),
        }


DEFAULTS = Config()


# -- loading -------------------------------------------------------------------------


def load_config(path: str | Path | None = None) -> tuple[Config, list[str]]:
    """Read the config file (default: ``paths.config_path()``): the settings and one-line warnings."""
    path = Path(path) if path is not None else paths.config_path()
    label = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return DEFAULTS, []
    except OSError as error:
        return DEFAULTS, [f"{label}: cannot be read ({error.strerror or error}); using the defaults"]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return DEFAULTS, [f"{label}: not UTF-8 text (byte {error.start}); using the defaults for every setting"]
    except tomllib.TOMLDecodeError as error:
        return DEFAULTS, [f"{label}: {_describe_toml_error(error)}; using the defaults for every setting"]
    reader = _Reader(label, path.parent)
    return reader.config(data), reader.warnings


def _describe_toml_error(error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    position = _TOML_POSITION.search(message)
    if position is None:
        return f"not valid TOML ({message})"
    what = message[: position.start()].strip()
    return f"line {position.group(1)}, column {position.group(2)}: not valid TOML ({what[:1].lower()}{what[1:]})"


class _Reader:
    """Turns parsed TOML into a Config, collecting warnings instead of raising."""

    def __init__(self, label: str, folder: Path):
        self.label = label
        self.folder = folder
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.label}: {message}")

    def bad(self, key: str, value: Any, problem: str, default: Any) -> None:
        self.warn(f"{key} = {_show(value)} {problem}; using {_show(default)}")

    def unknown(self, key: str, known: list[str], prefix: str = "") -> None:
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {prefix}{close[0]}?)" if close else ""
        self.warn(f"unknown key {prefix}{key} is ignored{hint}")

    def table(self, data: dict, name: str) -> dict:
        value = data.get(name, {})
        if isinstance(value, dict):
            return value
        self.warn(f"{name} = {_show(value)} should be a table ([{name}]); using its defaults")
        return {}

    def config(self, data: dict) -> Config:
        top = ["library", "theme", "reader", "highlight", "import", "keys"]
        for key in data:
            if key not in top:
                self.unknown(key, top)
        return Config(
            library=self.library(data.get("library")),
            theme=self.text(data, "theme", DEFAULTS.theme, "theme"),
            reader=self.reader(self.table(data, "reader")),
            highlight=self.highlight(self.table(data, "highlight")),
            importing=self.importing(self.table(data, "import")),
            keys=MappingProxyType(self.keys(self.table(data, "keys"))),
        )

    def library(self, value: Any) -> Path | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad("library", value, "is not a path in quotes", "the default library")
            return None
        if not value.strip():
            return None
        chosen = Path(value.strip()).expanduser()
        # A relative path is relative to the folder the config file is in.
        return chosen if chosen.is_absolute() else self.folder / chosen

    def text(self, table: dict, key: str, default: str, full_key: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            self.bad(full_key, value, "is not text", default)
            return default
        if not value.strip():
            self.bad(full_key, value, "is empty", default)
            return default
        return value.strip()

    def boolean(self, table: dict, key: str, default: bool, full_key: str) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.bad(full_key, value, "is not true or false", default)
            return default
        return value

    def check_unknown(self, table: dict, cls: type, section: str, extra: tuple[str, ...] = ()) -> None:
        known = [f.name for f in fields(cls) if f.name not in extra] + [e for e in extra]
        for key in table:
            if key not in known:
                self.unknown(key, known, prefix=f"{section}.")

    def reader(self, table: dict) -> ReaderConfig:
        self.check_unknown(table, ReaderConfig, "reader")
        default = ReaderConfig()
        low, high = MEASURE_RANGE
        measure = table.get("measure", default.measure)
        if isinstance(measure, bool) or not isinstance(measure, int):
            self.bad("reader.measure", measure, "is not a whole number of columns", default.measure)
            measure = default.measure
        elif not low <= measure <= high:
            self.bad("reader.measure", measure, f"is out of range ({low}–{high})", default.measure)
            measure = default.measure
        return ReaderConfig(
            measure=measure,
            wrap=self.boolean(table, "wrap", default.wrap, "reader.wrap"),
            date_format=self.date_format(table, default.date_format),
        )

    def date_format(self, table: dict, default: str) -> str:
        value = table.get("date_format", default)
        if not isinstance(value, str):
            self.bad("reader.date_format", value, "is not text", default)
            return default
        problem = date_format_problem(value)
        if problem:
            self.bad("reader.date_format", value, problem, default)
            return default
        return value

    def highlight(self, table: dict) -> HighlightConfig:
        self.check_unknown(table, HighlightConfig, "highlight")
        default = HighlightConfig()
        return HighlightConfig(**{
            f.name: self.boolean(table, f.name, getattr(default, f.name), f"highlight.{f.name}")
            for f in fields(HighlightConfig)
        })

    def importing(self, table: dict) -> ImportConfig:
        self.check_unknown(table, ImportConfig, "import")
        default = ImportConfig()
        size = table.get("max_file_mb", default.max_file_mb)
        if isinstance(size, bool) or not isinstance(size, (int, float)):
            self.bad("import.max_file_mb", size, "is not a number", default.max_file_mb)
            size = default.max_file_mb
        elif not size > 0 or size == float("inf"):
            self.bad("import.max_file_mb", size, "must be more than 0", default.max_file_mb)
            size = default.max_file_mb
        return ImportConfig(max_file_mb=float(size), noise_patterns=self.noise_patterns(table))

    def noise_patterns(self, table: dict) -> tuple[str, ...]:
        value = table.get("noise_patterns", [])
        if isinstance(value, str):
            value = [value]  # one pattern written without the brackets
        if not isinstance(value, list):
            self.bad("import.noise_patterns", value, "is not a list of patterns", [])
            return ()
        kept = []
        for index, pattern in enumerate(value):
            key = f"import.noise_patterns[{index}]"
            if not isinstance(pattern, str) or not pattern.strip():
                self.warn(f"{key} = {_show(pattern)} is not a pattern in quotes; ignoring it")
                continue
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as error:
                self.warn(f"{key} = {_show(pattern)} is not a valid regular expression ({error}); ignoring it")
                continue
            kept.append(pattern)
        return tuple(kept)

    def keys(self, table: dict, prefix: str = "") -> dict[str, str]:
        bindings: dict[str, str] = {}
        for name, value in table.items():
            binding = f"{prefix}{name}"
            if isinstance(value, dict):
                # [keys] reader.next = "j" (unquoted) is a nested table in TOML: read it as "reader.next".
                bindings.update(self.keys(value, prefix=f"{binding}."))
                continue
            keys = _key_string(value)
            if keys is None:
                self.warn(
                    f'keys."{binding}" = {_show(value)} is not a key string like "ctrl+n" or "j,down"; '
                    "keeping the built-in key"
                )
                continue
            bindings[binding] = keys
        return bindings


def _key_string(value: Any) -> str | None:
    """ "j, down" or ["j", "down"] -> "j,down"; None when it is not keys at all."""
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        parts = value
    else:
        return None
    parts = [p.strip() for p in parts]
    if not parts or any(not p or any(c.isspace() for c in p) for p in parts):
        return None
    return ",".join(parts)


def date_format_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot format a date (None when it can), checked by formatting dates."""
    if not pattern.strip():
        return "is empty"
    for match in _STRFTIME_DIRECTIVE.finditer(pattern):
        if match.group(2) not in _KNOWN_DIRECTIVES:
            return f"has %{match.group(1)}{match.group(2)}, which is not a strftime code"
    if pattern.rstrip().endswith("%") and not pattern.rstrip().endswith("%%"):
        return "ends with a lone %"
    try:
        shown = {day.strftime(pattern) for day in _SAMPLE_DAYS}
    except (ValueError, UnicodeError) as error:
        return f"cannot format a date ({error})"
    if len(shown) < 2:
        return "shows no part of the date (use codes like %Y %m %d %b)"
    return None


def show_value(value: Any, limit: int | None = 60) -> str:
    """A value the way it would be written in TOML, shortened to ``limit`` characters (None: whole)."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (str, int, float)):
        text = _toml_string(value) if isinstance(value, str) else repr(value)
    elif isinstance(value, Path):
        text = _toml_string(str(value))
    elif isinstance(value, dict):
        text = "{…}" if value else "{}"
    elif isinstance(value, list):
        text = "[" + ", ".join(show_value(v, None) for v in value) + "]"
    else:
        text = str(value)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


_show = show_value


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes; \uXXXX for control characters).
    return json.dumps(text, ensure_ascii=False)


def configured_library() -> Path | None:
    """The ``library`` setting of the user's config file (None when unset or unusable)."""
    config, _warnings = load_config()
    return config.library


# -- the file --config --init writes ---------------------------------------------------------


def default_config_text() -> str:
    """The commented config file ``tuireader config --init`` writes: every setting at its default.

    Settings are commented out (``# key = value``); uncommenting one as it stands changes nothing.
    """
    reader, highlight, importing = DEFAULTS.reader, DEFAULTS.highlight, DEFAULTS.importing
    low, high = MEASURE_RANGE
    return f"""\
# tuireader settings. Every setting below is commented out and shows its default:
# remove the "# " in front of one and change its value. A mistake never stops
# tuireader; it is reported (run `tuireader config` to see) and the default used.
# Every key: docs/config.md.

# The library to open when neither --library nor $TUIREADER_LIBRARY names one.
# A relative path is relative to this file's folder.
# library = {_toml_string(str(paths.default_library_path()))}

# Colour theme: "tuireader-dark", "tuireader-light" or one of Textual's themes
# (the command palette, ctrl+p, lists them).
# theme = {_toml_string(DEFAULTS.theme)}

[reader]
# Width of the story text, in columns ({low}-{high}).
# measure = {reader.measure}
# Wrap story lines to fit (false: long lines run on and scroll sideways).
# wrap = {_show(reader.wrap)}
# How dates are shown: a strftime pattern, e.g. "%d %b %Y" for "17 Aug 2025".
# date_format = {_toml_string(reader.date_format)}

[highlight]
# Which kinds of entity and figure the reader colours.
# person = {_show(highlight.person)}
# org = {_show(highlight.org)}
# location = {_show(highlight.location)}
# figure = {_show(highlight.figure)}

[import]
# Largest file `tuireader import` reads, in MB (its --max-size option wins).
# max_file_mb = {importing.max_file_mb:g}
# Extra noise lines to drop from imported text: regular expressions matched
# against the whole line, ignoring case. Literal strings ('...') need no escaping.
# Example: noise_patterns = ['Simak berita lainnya di .*', 'Follow us on .*']
# noise_patterns = []

[keys]
# Change a key: "binding id" = "key", or several keys separated by commas.
# Key names are Textual's: "ctrl+n", "slash", "full_stop", "pagedown", ...
# The binding ids are listed in docs/config.md. Examples:
# "reader.next" = "n,ctrl+n"
# "reader.down" = "j,down,ctrl+e"
"""
