"""Pure request builders, one per endpoint (filled in by the family modules)."""
