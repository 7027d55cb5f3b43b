"""The config command: write the commented default file, show its path, show the settings in effect."""

from __future__ import annotations

import click

from tuireader import paths
from tuireader.commands.common import echo_json


def config_for_command():
    """The user's settings for a command, its warnings shown on stderr (never fatal)."""
    from tuireader.config import load_config

    config, warnings = load_config()
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    return config


def _flatten(settings: dict, prefix: str = "") -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, value in settings.items():
        if isinstance(value, dict) and key != "keys":
            rows.extend(_flatten(value, f"{prefix}{key}."))
        elif key == "keys":
            rows.extend((f'keys."{binding}"', keys) for binding, keys in value.items())
        else:
            rows.append((f"{prefix}{key}", value))
    return rows


@click.command("config")
@click.option("--init", "init", is_flag=True, help="Write a commented config file with every default.")
@click.option("--force", is_flag=True, help="With --init: overwrite an existing file.")
@click.option("--path", "show_path", is_flag=True, help="Print the config file's path.")
@click.option("--json", "as_json", is_flag=True, help="Print the settings in effect as JSON.")
def config_command(init: bool, force: bool, show_path: bool, as_json: bool) -> None:
    """Show the settings in effect (defaults plus the config file), or create the file.

    Every key is described in docs/config.md and in the file --init writes.
    """
    from tuireader.config import DEFAULTS, default_config_text, load_config

    path = paths.config_path()
    if force and not init:
        raise click.UsageError("--force only goes with --init")
    if init:
        if path.exists() and not force:
            raise click.ClickException(f"{path} already exists; add --force to replace it with the defaults")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(default_config_text(), encoding="utf-8")
        except OSError as error:
            raise click.ClickException(f"{path}: cannot write ({error.strerror or error})") from None
        click.echo(f"wrote {path}")
        return
    if show_path:
        click.echo(str(path))
        return
    config, warnings = load_config(path)
    if as_json:
        echo_json({"path": str(path), "exists": path.exists(), "settings": config.to_dict(), "warnings": warnings})
        return
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    from tuireader.config import show_value

    state = "" if path.exists() else " (not created yet: every setting is its default; `tuireader config --init` writes one)"
    click.echo(f"# {path}{state}")
    defaults = dict(_flatten(DEFAULTS.to_dict()))
    for key, value in _flatten(config.to_dict()):
        if key == "library" and value is None:
            click.echo(f"library = (not set: {paths.default_library_path()})")
            continue
        changed = key not in defaults or defaults[key] != value
        if not changed or key.startswith("keys."):
            note = ""
        elif defaults[key] is None:
            note = "  # default: not set"
        else:
            note = f"  # default {show_value(defaults[key], None)}"
        click.echo(f"{key} = {show_value(value, None)}{note}")


COMMANDS = [config_command]
