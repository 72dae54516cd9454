"""The program's resources (reference data, fonts, translations), installed as `seniorhalsan.resources`."""
