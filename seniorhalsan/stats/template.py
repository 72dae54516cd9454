"""The city's template "Redovisning av synpunkter och klagomål", named exactly as the form names it.

The rows are the feedback categories of the reference data, by key; their names here are the
form's own, whole (the categories' names in the database are what the Tyck till form shows, and
may be shorter). The form also has a row for avvikelser, which the program does not record.
"""

from __future__ import annotations

TITLE = "Redovisning av synpunkter och klagomål"

COLUMNS = ("Uppdelning", "Klagomål/synpunkter/kategorier", "Utfall T1", "Utfall T2", "Utfall VB",
           "Totalt ack. Utfall", "Sammanfattning och planerade åtgärder")

SECTIONS = {
    "praise": "Beröm",
    "from": "Från vem har klagomål, synpunkt eller avvikelser inkommit?",
    "about": "Vad gällde klagomålet, synpunkten eller avvikelsen?",
    "deviations": "Varav antal avvikelser som lett till (ej incidenter som rapporteras i IA)",
    "answered": "Återkoppling",
    "acted_on": "Åtgärder",
}

# the rows of a section that has one row, by the section's key
ROWS = {
    "praise": "Antal beröm",
    "deviations": "",  # the form leaves the row unnamed under its section
    "answered": "Antal klagomål där återkoppling har lämnats",
    "acted_on": "Antal klagomål där åtgärder vidtagits",
}

CATEGORIES = {
    "from": {
        "annan": "Annan (t.ex. okänd)",
        "brukare": "Brukare/patient",
        "medarbetare": "Medarbetare/verksamhet inom förvaltningen",
        "narstaende": "Närstående (anhörig, god man, etc.)",
        "patientnamnden": "Patientnämnden",
        "samverkanspart": "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)",
        "senior": "Senior",
    },
    "about": {
        "annat": "Annat (ange vad i rapporteringsvyn)",
        "bemanning": "Bemanning (Kontinuitet, vikarieanskaffning)",
        "bemotande": "Bemötande",
        "information": "Brister i information (utebliven info, obegriplig info, etc.)",
        "rutiner": "Brister i rutiner/utförande av insats eller verksamhet",
        "fraga_ide": "Fråga/idé",
        "miljo": "Fysisk inne- eller utemiljö (ej städat, avsaknad av material etc.)",
        "personuppgifter": "Hantering av personuppgifter",
        "kompetens": "Kompetens",
        "it": "Teknik, verksamhetssystem och IT-relaterade frågor",
        "tillganglighet": "Tillgänglighet (öppettider, telefontider, fysisk miljö)",
        "utebliven_insats": "Utebliven/försenad insats eller aktivitet",
    },
}

DEVIATIONS_NOTE = "Avvikelser registreras inte i programmet; deras rad visar – (ej registrerat)."


def row_name(group: str, key: str, labels: dict[str, dict[str, str]]) -> str:
    """The form's name of a category row; a category the unit added has its own name."""
    return CATEGORIES.get(group, {}).get(key) or labels.get(group, {}).get(key, key)
