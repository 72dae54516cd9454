"""Närvaro: a place's sessions of a day, their counts, history and month calendar."""
