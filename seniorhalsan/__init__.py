"""Seniorhälsan: activities, attendance, support contacts and feedback of a senior-health unit."""

__version__ = "0.1.0"
