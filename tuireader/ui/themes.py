"""tuireader's own themes: entity colours tuned for contrast on a dark and a light background.

The reader colours people with $text-primary, organisations with $text-success,
places with $text-accent and figures with $text-warning on $warning-muted; each
theme picks those base colours so the four stay apart and readable.
"""

from __future__ import annotations

from textual.theme import Theme

TUIREADER_DARK = Theme(
    name="tuireader-dark",
    primary="#6CB6FF",      # people
    secondary="#C297FF",
    accent="#F0B35A",       # places
    success="#5FD3A0",      # organisations
    warning="#FF9E64",      # figures
    error="#FF6B6B",
    foreground="#E3E6EA",
    background="#15171C",
    surface="#1D2027",
    panel="#262A33",
    dark=True,
)

TUIREADER_LIGHT = Theme(
    name="tuireader-light",
    primary="#0B5CAD",      # people: deep blue
    secondary="#6B3FB8",
    accent="#8A4B00",       # places: brown
    success="#116B3D",      # organisations: green
    warning="#A63D00",      # figures
    error="#B00020",
    foreground="#1B1D21",
    background="#FAFAF7",
    surface="#F0F0EB",
    panel="#E2E3DD",
    dark=False,
)

THEMES = (TUIREADER_DARK, TUIREADER_LIGHT)
DEFAULT_THEME = TUIREADER_DARK.name
