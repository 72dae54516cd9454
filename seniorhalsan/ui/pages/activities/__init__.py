"""Aktiviteter och schema: the activity catalogue and each term's weekly schedule."""
