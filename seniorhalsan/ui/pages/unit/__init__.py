"""Enheten: the unit's name and folder texts, its meeting places and its staff."""
