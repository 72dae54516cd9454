"""Stödinsatser: persons, their contacts, groups and trainings of a support service."""
