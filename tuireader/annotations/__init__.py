"""Tags, highlights with notes, and story notes: pure parts (anchoring, records, tag names)."""
