"""Utskrifter: the folder, the statistics reports and the workbook, previewed and saved."""
