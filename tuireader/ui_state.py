"""Small choices the app remembers between runs (the theme picked in the palette), kept as JSON.

Kept apart from config.toml so the app never rewrites the user's own file.
"""

from __future__ import annotations

import json
from pathlib import Path

from tuireader import paths


def state_file() -> Path:
    return paths.state_dir() / "ui-state.json"


def load_ui_state() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_state(**changes: object) -> None:
    state = load_ui_state() | changes
    try:
        path = state_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # remembering a theme is a courtesy; never fail the app for it
