"""The config file: defaults, every kind of mistake (a warning naming the key, the default kept), the CLI."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader import opening, paths
from tuireader.cli import cli
from tuireader.config import (
    DEFAULTS,
    Config,
    HighlightConfig,
    ImportConfig,
    ReaderConfig,
    date_format_problem,
    default_config_text,
    load_config,
)


def write_config(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str) -> tuple[Config, list[str]]:
    return load_config(write_config(tmp_path, text))


def uncomment_settings(text: str) -> str:
    """The default file with every commented-out setting switched on as it stands."""
    return re.sub(r'(?m)^# ((?:"[^"]+"|[A-Za-z_][\w.]*) = )', r"\1", text)


# -- defaults ------------------------------------------------------------------------------


def test_missing_file_is_all_defaults_and_no_warning(tmp_path):
    config, warnings = load_config(tmp_path / "nope.toml")
    assert warnings == []
    assert config == Config()
    assert config.library is None
    assert config.theme == "tuireader-dark"
    assert config.reader == ReaderConfig(measure=80, wrap=True, date_format="%Y-%m-%d")
    assert config.highlight == HighlightConfig(person=True, org=True, location=True, figure=True)
    assert config.importing == ImportConfig(max_file_mb=20.0, noise_patterns=())
    assert config.importing.max_bytes == 20 * 1_048_576
    assert dict(config.keys) == {}


def test_default_path_is_config_toml_in_the_config_folder(tmp_path, isolated_user_dirs):
    assert paths.config_path() == paths.config_dir() / "config.toml"
    assert str(paths.config_path()).startswith(str(isolated_user_dirs / "xdg_config_home"))
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text("theme = \"nord\"\n", encoding="utf-8")
    assert load_config() == (replace(DEFAULTS, theme="nord"), [])


def test_config_is_frozen():
    config = Config()
    with pytest.raises(AttributeError):
        config.theme = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.keys["reader.next"] = "x"  # type: ignore[index]


def test_default_config_text_loads_with_no_warnings(tmp_path):
    text = default_config_text()
    assert load_text(tmp_path, text) == (DEFAULTS, [])
    # Every key is in the file, so a user can find it there.
    for key in ("library", "theme", "measure", "wrap", "date_format", "person", "org", "location",
                "figure", "max_file_mb", "noise_patterns", "[keys]"):
        assert key in text


def test_every_setting_in_the_default_text_uncommented_is_still_the_default(tmp_path):
    text = uncomment_settings(default_config_text())
    assert text != default_config_text()
    assert "\nmeasure = 80" in text and '\n"reader.next" = ' in text
    config, warnings = load_text(tmp_path, text)
    assert warnings == []
    assert config.library == paths.default_library_path()
    assert replace(config, library=None, keys=DEFAULTS.keys) == DEFAULTS
    assert dict(config.keys) == {"reader.next": "n,ctrl+n", "reader.down": "j,down,ctrl+e"}


# -- good values ---------------------------------------------------------------------------

GOOD = [
    ('theme = "textual-light"', lambda c: c.theme, "textual-light"),
    ('theme = "  nord  "', lambda c: c.theme, "nord"),
    ("[reader]\nmeasure = 40", lambda c: c.reader.measure, 40),
    ("[reader]\nmeasure = 200", lambda c: c.reader.measure, 200),
    ("[reader]\nwrap = false", lambda c: c.reader.wrap, False),
    ('[reader]\ndate_format = "%d %b %Y"', lambda c: c.reader.date_format, "%d %b %Y"),
    ('[reader]\ndate_format = "%-d/%-m"', lambda c: c.reader.date_format, "%-d/%-m"),
    ("[highlight]\nperson = false", lambda c: c.highlight, HighlightConfig(person=False)),
    ("[highlight]\nfigure = false\norg = false", lambda c: c.highlight, HighlightConfig(org=False, figure=False)),
    ("[import]\nmax_file_mb = 5", lambda c: c.importing.max_file_mb, 5.0),
    ("[import]\nmax_file_mb = 0.5", lambda c: c.importing.max_bytes, 524_288),
    ("[import]\nnoise_patterns = ['Baca juga: .*', 'ADV\\d+']", lambda c: c.importing.noise_patterns,
     ("Baca juga: .*", "ADV\\d+")),
    ("[import]\nnoise_patterns = 'Follow us .*'", lambda c: c.importing.noise_patterns, ("Follow us .*",)),
    ('[keys]\n"reader.next" = "ctrl+n"', lambda c: dict(c.keys), {"reader.next": "ctrl+n"}),
    ('[keys]\n"reader.down" = "j, down"', lambda c: dict(c.keys), {"reader.down": "j,down"}),
    ('[keys]\n"reader.down" = ["j", "down"]', lambda c: dict(c.keys), {"reader.down": "j,down"}),
    # Unquoted dotted keys are nested tables in TOML; they mean the same binding id.
    ('[keys]\nreader.next = "ctrl+n"\nlibrary.search = "slash"', lambda c: dict(c.keys),
     {"reader.next": "ctrl+n", "library.search": "slash"}),
    ('[keys.reader]\nnext = "x"', lambda c: dict(c.keys), {"reader.next": "x"}),
    ('library = ""', lambda c: c.library, None),
]


@pytest.mark.parametrize(("text", "get", "expected"), GOOD, ids=[g[0] for g in GOOD])
def test_good_values_are_used_without_warnings(tmp_path, text, get, expected):
    config, warnings = load_text(tmp_path, text)
    assert warnings == []
    assert get(config) == expected


def test_library_paths_absolute_home_and_relative_to_the_config_folder(tmp_path):
    assert load_text(tmp_path, f'library = "{tmp_path / "x.db"}"')[0].library == tmp_path / "x.db"
    assert load_text(tmp_path, 'library = "~/news.db"')[0].library == Path("~/news.db").expanduser()
    assert load_text(tmp_path, 'library = "libs/news.db"')[0].library == tmp_path / "libs" / "news.db"


# -- bad values: one warning naming the key, and the default ---------------------------------

BAD = [
    # (file text, what the warning must say, the setting, its default)
    ("[reader]\nmeasure = 5", "reader.measure = 5 is out of range (40–200); using 80",
     lambda c: c.reader.measure, 80),
    ("[reader]\nmeasure = 201", "reader.measure = 201 is out of range", lambda c: c.reader.measure, 80),
    ('[reader]\nmeasure = "wide"', 'reader.measure = "wide" is not a whole number', lambda c: c.reader.measure, 80),
    ("[reader]\nmeasure = 80.5", "reader.measure = 80.5 is not a whole number", lambda c: c.reader.measure, 80),
    ("[reader]\nmeasure = true", "reader.measure = true is not a whole number", lambda c: c.reader.measure, 80),
    ('[reader]\nwrap = "yes"', 'reader.wrap = "yes" is not true or false; using true', lambda c: c.reader.wrap, True),
    ("[reader]\nwrap = 0", "reader.wrap = 0 is not true or false", lambda c: c.reader.wrap, True),
    ("[reader]\ndate_format = 5", "reader.date_format = 5 is not text", lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[reader]\ndate_format = ""', 'reader.date_format = "" is empty', lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[reader]\ndate_format = "%Q"', "%Q, which is not a strftime code", lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[reader]\ndate_format = "today"', "shows no part of the date", lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[reader]\ndate_format = "%H:%M"', "shows no part of the date", lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[reader]\ndate_format = "%Y %"', "lone %", lambda c: c.reader.date_format, "%Y-%m-%d"),
    ('[highlight]\nperson = "no"', 'highlight.person = "no" is not true or false', lambda c: c.highlight.person, True),
    ("[highlight]\nlocation = 1", "highlight.location = 1 is not true or false", lambda c: c.highlight.location, True),
    ("[import]\nmax_file_mb = 0", "import.max_file_mb = 0 must be more than 0; using 20.0",
     lambda c: c.importing.max_file_mb, 20.0),
    ("[import]\nmax_file_mb = -3.5", "import.max_file_mb = -3.5 must be more than 0",
     lambda c: c.importing.max_file_mb, 20.0),
    ("[import]\nmax_file_mb = inf", "import.max_file_mb = inf must be more than 0",
     lambda c: c.importing.max_file_mb, 20.0),
    ("[import]\nmax_file_mb = nan", "import.max_file_mb = nan must be more than 0",
     lambda c: c.importing.max_file_mb, 20.0),
    ('[import]\nmax_file_mb = "big"', 'import.max_file_mb = "big" is not a number',
     lambda c: c.importing.max_file_mb, 20.0),
    ("[import]\nmax_file_mb = true", "import.max_file_mb = true is not a number",
     lambda c: c.importing.max_file_mb, 20.0),
    ("[import]\nnoise_patterns = 5", "import.noise_patterns = 5 is not a list of patterns",
     lambda c: c.importing.noise_patterns, ()),
    ("[import]\nnoise_patterns = ['ok .*', '(unclosed']",
     "import.noise_patterns[1] = \"(unclosed\" is not a valid regular expression",
     lambda c: c.importing.noise_patterns, ("ok .*",)),
    ("[import]\nnoise_patterns = [3, 'ok']", "import.noise_patterns[0] = 3 is not a pattern",
     lambda c: c.importing.noise_patterns, ("ok",)),
    ("theme = 3", "theme = 3 is not text", lambda c: c.theme, "tuireader-dark"),
    ('theme = " "', 'theme = " " is empty', lambda c: c.theme, "tuireader-dark"),
    ("library = 5", "library = 5 is not a path", lambda c: c.library, None),
    ('[keys]\n"reader.next" = 5', 'keys."reader.next" = 5 is not a key string', lambda c: dict(c.keys), {}),
    ('[keys]\n"reader.next" = ""', 'keys."reader.next" = "" is not a key string', lambda c: dict(c.keys), {}),
    ('[keys]\n"reader.next" = "j,,k"', 'keys."reader.next"', lambda c: dict(c.keys), {}),
    ('[keys]\n"reader.next" = ["j", 2]', 'keys."reader.next"', lambda c: dict(c.keys), {}),
    ('[keys]\n"reader.next" = "ctrl n"', 'keys."reader.next"', lambda c: dict(c.keys), {}),
    ("reader = 5", "reader = 5 should be a table ([reader])", lambda c: c.reader, ReaderConfig()),
    ('keys = "j"', 'keys = "j" should be a table', lambda c: dict(c.keys), {}),
    ("import = []", "import = [] should be a table", lambda c: c.importing, ImportConfig()),
]


@pytest.mark.parametrize(("text", "message", "get", "default"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_value_warns_naming_the_key_and_keeps_the_default(tmp_path, text, message, get, default):
    config, warnings = load_text(tmp_path, text)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("config.toml: ")
    assert message in warnings[0]
    assert "\n" not in warnings[0]
    assert get(config) == default


def test_the_documented_example_message_exactly(tmp_path):
    _, warnings = load_text(tmp_path, "[reader]\nmeasure = 5\n")
    assert warnings == ["config.toml: reader.measure = 5 is out of range (40–200); using 80"]


def test_a_bad_value_does_not_spoil_the_good_ones_next_to_it(tmp_path):
    config, warnings = load_text(
        tmp_path, '[reader]\nmeasure = 5\nwrap = false\ndate_format = "%d.%m.%Y"\n[highlight]\norg = "x"\nperson = false\n'
    )
    assert len(warnings) == 2
    assert config.reader == ReaderConfig(measure=80, wrap=False, date_format="%d.%m.%Y")
    assert config.highlight == HighlightConfig(person=False, org=True)


UNKNOWN = [
    ('colour = "red"', "unknown key colour is ignored"),
    ("[reader]\nmesure = 90", "unknown key reader.mesure is ignored (did you mean reader.measure?)"),
    ("[highlight]\npeople = false", "unknown key highlight.people"),
    ("[import]\nmax_size = 3", "unknown key import.max_size"),
    ("[readr]\nmeasure = 90", "unknown key readr is ignored (did you mean reader?)"),
    ("[reader]\nimporting = 3", "unknown key reader.importing"),
]


@pytest.mark.parametrize(("text", "message"), UNKNOWN, ids=[u[0] for u in UNKNOWN])
def test_unknown_keys_are_named_and_ignored(tmp_path, text, message):
    config, warnings = load_text(tmp_path, text)
    assert len(warnings) == 1, warnings
    assert message in warnings[0]
    assert config.reader.measure == 80


def test_unknown_keys_leave_known_ones_working(tmp_path):
    config, warnings = load_text(tmp_path, 'colour = "red"\ntheme = "nord"\n[reader]\nmesure = 90\nmeasure = 100\n')
    assert len(warnings) == 2
    assert config.theme == "nord"
    assert config.reader.measure == 100


# -- files that are not TOML --------------------------------------------------------------------


def test_a_toml_syntax_error_is_one_message_with_the_line_and_all_defaults(tmp_path):
    config, warnings = load_text(tmp_path, 'theme = "nord"\n[reader]\nmeasure = = 90\n')
    assert config == DEFAULTS  # even the good line before the mistake is not used
    assert len(warnings) == 1
    assert warnings[0].startswith("config.toml: line 3")
    assert "not valid TOML" in warnings[0]
    assert "defaults" in warnings[0]


@pytest.mark.parametrize("text", ["[reader\n", 'theme = "unclosed\n', "measure 80\n", "[reader]\n[reader]\n"])
def test_other_syntax_errors(tmp_path, text):
    config, warnings = load_text(tmp_path, text)
    assert config == DEFAULTS
    assert len(warnings) == 1 and re.search(r"line \d+", warnings[0])


def test_non_utf8_and_unreadable_files_warn_and_use_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    config, warnings = load_config(path)
    assert config == DEFAULTS and len(warnings) == 1 and "UTF-8" in warnings[0]
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    config, warnings = load_config(folder)
    assert config == DEFAULTS and len(warnings) == 1 and "cannot be read" in warnings[0]


@pytest.mark.parametrize(
    ("pattern", "ok"),
    [("%Y-%m-%d", True), ("%d %B %Y", True), ("%a %d", True), ("%%%Y", True), ("%j", True),
     ("%Q", False), ("plain", False), ("%%", False), ("%", False), ("%H%M%S", False)],
)
def test_date_format_problem(pattern, ok):
    assert (date_format_problem(pattern) is None) == ok


toml_values = st.one_of(
    st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=12),
    st.lists(st.one_of(st.text(max_size=8), st.integers()), max_size=3),
)


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, (int, str)):
        return json.dumps(value)
    return "[" + ", ".join(_toml(v) for v in value) + "]"


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["theme", "library", "reader.measure", "reader.wrap", "reader.date_format",
                     "highlight.person", "import.max_file_mb", "import.noise_patterns", "keys.x", "other.y"]),
    toml_values, max_size=6,
))
def test_never_raises_and_always_gives_valid_settings(tmp_path_factory, values):
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, _, name = key.rpartition(".")
        sections.setdefault(section, []).append(f'"{name}" = {_toml(value)}')
    text = "\n".join(sections.pop("", []))
    for section, lines in sections.items():
        text += f"\n[{section}]\n" + "\n".join(lines)
    config, warnings = load_text(tmp_path_factory.mktemp("cfg"), text + "\n")
    assert 40 <= config.reader.measure <= 200
    assert isinstance(config.reader.wrap, bool) and config.theme.strip()
    assert date_format_problem(config.reader.date_format) is None
    assert config.importing.max_file_mb > 0
    assert all(isinstance(v, str) and v for v in config.keys.values())
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


# -- the library path ---------------------------------------------------------------------------


def test_library_path_order_flag_env_config_default(tmp_path, monkeypatch):
    assert paths.library_path() == paths.default_library_path()
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text(f'library = "{tmp_path / "from_config.db"}"\n', encoding="utf-8")
    assert paths.library_path() == tmp_path / "from_config.db"
    monkeypatch.setenv(paths.LIBRARY_ENV, str(tmp_path / "from_env.db"))
    assert paths.library_path() == tmp_path / "from_env.db"
    assert paths.library_path(tmp_path / "flag.db") == tmp_path / "flag.db"


def test_a_bad_config_file_falls_back_to_the_default_library(tmp_path):
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text("library = [\n", encoding="utf-8")
    assert paths.library_path() == paths.default_library_path()


def test_only_a_brand_new_default_library_is_seeded(tmp_path, monkeypatch):
    seeded = []
    monkeypatch.setattr(opening, "seed_with_samples", lambda library: seeded.append(library.path))
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text(f'library = "{tmp_path / "mine.db"}"\n', encoding="utf-8")
    library = opening.open_library()
    assert library.path == tmp_path / "mine.db" and seeded == []
    library.close()
    paths.config_path().unlink()
    library = opening.open_library()
    assert library.path == paths.default_library_path() and seeded == [paths.default_library_path()]
    library.close()


# -- the command ----------------------------------------------------------------------------------


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_config_path_prints_the_file_in_the_xdg_config_folder(run, isolated_user_dirs):
    result = run("config", "--path")
    assert result.exit_code == 0
    assert result.stdout.strip() == str(isolated_user_dirs / "xdg_config_home" / "tuireader" / "config.toml")
    assert not paths.config_path().exists()


def test_config_init_writes_the_defaults_and_refuses_to_overwrite_without_force(run):
    result = run("config", "--init")
    assert result.exit_code == 0, result.output
    path = paths.config_path()
    assert path.read_text(encoding="utf-8") == default_config_text()
    assert str(path) in result.stdout

    path.write_text('theme = "mine"\n', encoding="utf-8")
    refused = run("config", "--init")
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert path.read_text(encoding="utf-8") == 'theme = "mine"\n'

    forced = run("config", "--init", "--force")
    assert forced.exit_code == 0
    assert path.read_text(encoding="utf-8") == default_config_text()


def test_force_without_init_is_a_usage_error(run):
    result = run("config", "--force")
    assert result.exit_code == 2
    assert not paths.config_path().exists()


def test_config_shows_the_settings_in_effect_and_the_warnings(run):
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text(
        '[reader]\nmeasure = 100\nwrap = "no"\n[keys]\n"reader.next" = "ctrl+n"\n', encoding="utf-8"
    )
    result = run("config")
    assert result.exit_code == 0
    assert "reader.measure = 100  # default 80" in result.stdout
    assert "reader.wrap = true\n" in result.stdout
    assert 'keys."reader.next" = "ctrl+n"' in result.stdout
    assert 'theme = "tuireader-dark"' in result.stdout
    assert 'warning: config.toml: reader.wrap = "no" is not true or false' in result.stderr

    data = json.loads(run("config", "--json").stdout)
    assert data["path"] == str(paths.config_path()) and data["exists"] is True
    assert data["settings"]["reader"] == {"measure": 100, "wrap": True, "date_format": "%Y-%m-%d"}
    assert data["settings"]["keys"] == {"reader.next": "ctrl+n"}
    assert data["settings"]["import"] == {"max_file_mb": 20.0, "noise_patterns": []}
    assert len(data["warnings"]) == 1 and "reader.wrap" in data["warnings"][0]


def test_config_without_a_file_shows_defaults(run):
    result = run("config")
    assert result.exit_code == 0
    assert "not created yet" in result.stdout
    assert "reader.measure = 80\n" in result.stdout
    assert json.loads(run("config", "--json").stdout)["settings"] == DEFAULTS.to_dict()


# -- import honours the config --------------------------------------------------------------------


def test_import_takes_max_size_and_noise_patterns_from_the_config(run, tmp_path, write_file):
    story = write_file("story.txt", "A title\n\nFirst real paragraph of the story.\n\nZZZ promo line 42\n\n"
                       + "More words. " * 200 + "\n")
    db = tmp_path / "lib.db"
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text("[import]\nmax_file_mb = 0.001\nnoise_patterns = ['zzz promo line \\d+']\n",
                                   encoding="utf-8")
    too_big = run("import", str(story), "--library", str(db))
    assert too_big.exit_code == 1
    assert "over the" in too_big.stderr

    imported = run("import", str(story), "--library", str(db), "--max-size", "1")
    assert imported.exit_code == 0, imported.output
    body = json.loads(run("show", "1", "--json", "--library", str(db)).stdout)["body"]
    assert "First real paragraph" in body
    assert "promo line" not in body


def test_import_reports_config_warnings_and_goes_on(run, tmp_path, write_file):
    story = write_file("story.txt", "A title\n\nBody text here.\n")
    paths.config_path().parent.mkdir(parents=True)
    paths.config_path().write_text("[import]\nnoise_patterns = ['(']\n", encoding="utf-8")
    result = run("import", str(story), "--library", str(tmp_path / "lib.db"))
    assert result.exit_code == 0
    assert "import.noise_patterns[0]" in result.stderr
