"""Named entities: a shipped CRF recogniser plus alias canonicalisation."""
