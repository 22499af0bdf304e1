"""Haystack components written for KCC Kennisbank (one per file)."""
