"""Statistik: the year's and a period's figures as tables and charts."""
