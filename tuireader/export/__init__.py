"""Exports of tags, highlights and notes: Markdown files, a JSON document, CSV rows (pure over records)."""
