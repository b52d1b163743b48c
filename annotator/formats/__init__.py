"""Readers and writers of gold and interchange formats (pure: no Qt, no SQL)."""
