"""Tyck till: the feedback register, its form, återkoppling and åtgärd, and the summary."""
