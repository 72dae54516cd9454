"""Printed output: the term folder, the year's statistics, the tertial reports and the XLSX workbook."""
