"""Start-up stays fast: the CLI and the app do not import the heavy parts until they are needed."""

import subprocess
import sys

HEAVY = ("trafilatura", "lxml", "pycrfsuite", "rapidfuzz", "tuireader.entities.recogniser", "charset_normalizer")


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split())


def test_cli_and_app_do_not_import_heavy_modules():
    loaded = imported_after("import tuireader.cli, tuireader.ui.app, tuireader.ui.screens.reader")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_importing_the_recogniser_does_not_load_the_model():
    loaded = imported_after("import tuireader.entities.recogniser as r; assert not r.is_loaded()")
    assert "tuireader.entities.recogniser" in loaded
