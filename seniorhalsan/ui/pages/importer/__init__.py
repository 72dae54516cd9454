"""Import: a CSV or XLSX file previewed with its bad rows, then imported."""
