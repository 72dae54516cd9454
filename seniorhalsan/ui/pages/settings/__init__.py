"""Inställningar: language, text size and which database opens."""
