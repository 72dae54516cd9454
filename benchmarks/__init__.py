"""Measures of the program beside the floors its building blocks allow (`python -m benchmarks`)."""
