"""Fixed word lists: the keys stored in the database and their Swedish labels.

Lists that a unit may extend (activity kinds, services, the city's feedback template)
are reference data in `resources/reference.toml`; these here are part of the program.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def N_(label: str) -> str:
    """Marks a label for the translation catalogue; the window translates it where it is shown."""
    return label


GENDERS = {"kvinna": N_("Kvinna"), "man": N_("Man"), "annat": N_("Annat/okänt")}
GENDER_ALIASES = {"k": "kvinna", "m": "man", "a": "annat", "kvinnor": "kvinna", "man": "man",
                  "okant": "annat", "okand": "annat", "annan": "annat", "ovrigt": "annat"}
# how the statistics name them (JSON keys)
GENDER_STAT_KEYS = {"kvinna": "women", "man": "men", "annat": "other"}

HOUSING = {
    "ordinart": N_("Ordinärt boende"),
    "servicehus": N_("Servicehus"),
    "sarskilt": N_("Särskilt boende"),
    "okant": N_("Okänt"),
}

CONTACT_KINDS = {
    "hembesok": N_("Hembesök"),
    "telefon": N_("Telefon"),
    "oppen_mottagning": N_("Öppen mottagning"),
    "motesplats": N_("Besök på mötesplats"),
    "digitalt": N_("Digitalt"),
}

FEEDBACK_TYPES = {"berom": N_("Beröm"), "synpunkt": N_("Synpunkt"), "klagomal": N_("Klagomål")}

# the access log: what was done, and to which kind of record
ACCESS_OPERATIONS = {
    "visa": "Visade", "skapa": "Skapade", "andra": "Ändrade", "ta_bort": "Tog bort", "gallra": "Gallrade",
    "vagrad": "Vägrades", "inloggning_nekad": "Fel lösenord", "inloggning_last": "Nekad (låst konto)",
    "inloggad": "Loggade in", "upplast": "Låste upp", "aterstalla": "Återställde",
}
ACCESS_RECORD_TYPES = {
    "person": "Person", "kontakt": "Stödkontakt", "synpunkt": "Synpunkt", "konto": "Konto",
    "funktion": "Funktion", "databas": "Databas", "anmalan": "Anmälan", "volontar": "Volontär",
}

FEEDBACK_CHANNELS = {
    "blankett": N_("Tyck till-blankett"),
    "muntligt": N_("Muntligt"),
    "brev": N_("Brev"),
    "telefon": N_("Telefon"),
    "epost": N_("E-post"),
    "annat": N_("Annat"),
}

PLACE_KINDS = {
    "motesplats": N_("Mötesplats"),
    "aktivitetscenter": N_("Aktivitetscenter"),
    "gym": N_("Gym"),
    "partner": N_("Samarbetspartner"),
    "utomhus": N_("Utomhus"),
    "digitalt": N_("Digitalt"),
}

STAFF_KINDS = {
    "anstalld": N_("Anställd"),
    "timanstalld": N_("Timanställd senior"),
    "volontar": N_("Volontär"),
    "extern": N_("Extern ledare"),
}

# How a person found a service, asked at their first contact with it (the routes the unit's plan
# and year report name: biståndshandläggare, vårdcentral, Tryggt mottagande, Senior Connect, …).
ROUTES = {
    "bistandshandlaggare": N_("Biståndshandläggare"),
    "vardcentral": N_("Vårdcentral"),
    "tryggt_mottagande": N_("Tryggt mottagande"),
    "senior_connect": N_("Senior Connect"),
    "annons_folder": N_("Annons eller folder"),
    "anhorig": N_("Anhörig"),
    "sjalv_grannar": N_("Själv eller grannar"),
    "annan_enhet": N_("Annan enhet"),
    "okant": N_("Okänt"),
}
# words a file may use for them
ROUTE_ALIASES = {"bistand": "bistandshandlaggare", "handlaggare": "bistandshandlaggare",
                 "vc": "vardcentral", "vardcentralen": "vardcentral", "tryggt": "tryggt_mottagande",
                 "annons": "annons_folder", "folder": "annons_folder", "affisch": "annons_folder",
                 "anhoriga": "anhorig", "sjalv": "sjalv_grannar", "grannar": "sjalv_grannar",
                 "granne": "sjalv_grannar", "annan": "annan_enhet", "vet ej": "okant", "okand": "okant"}

# The unit's outreach: how it tells residents what it offers (seed 001: "sociala medier,
# annonser, folder och affischer", information meetings with care centres).
OUTREACH_KINDS = {
    "informationsmote": N_("Informationsmöte"),
    "massa_bord": N_("Mässa eller bord"),
    "annons": N_("Annons"),
    "utskick": N_("Utskick"),
    "affischer": N_("Affischer"),
    "vardcentral": N_("Besök på vårdcentral"),
    "samverkansmote": N_("Samverkansmöte"),
    "sociala_medier": N_("Sociala medier"),
    "annat": N_("Annat"),
}
OUTREACH_ALIASES = {"information": "informationsmote", "infomote": "informationsmote", "massa": "massa_bord",
                    "bord": "massa_bord", "annonser": "annons", "affisch": "affischer",
                    "vardcentral": "vardcentral", "samverkan": "samverkansmote", "facebook": "sociala_medier"}

TERM_KINDS = {"vt": N_("Vårtermin"), "sommar": N_("Sommarprogram"), "ht": N_("Hösttermin")}

# The kinds the year report counts groups by. The first seven were there from the start and
# keep their keys; anhöriggrupp, samtalsgrupp, informationsträff and annat are the words of
# the unit's own spreadsheets (`import groups`), which also take the labels of the others.
GROUP_KINDS = {
    "anhoriggrupp": N_("Anhöriggrupp"),
    "samtalsgrupp": N_("Samtalsgrupp"),
    "grupp": N_("Grupp"),
    "kurs": N_("Kurs"),
    "cafe": N_("Café/drop-in"),
    "oppen_mottagning": N_("Öppen mottagning"),
    "informationstraff": N_("Informationsträff"),
    "forelasning": N_("Föreläsning"),
    "evenemang": N_("Evenemang"),
    "utflykt": N_("Utflykt"),
    "annat": N_("Annat"),
}

# The key under which the statistics count what has no kind or service of its own: visits to
# an activity without a type ("Typ ej angiven"), trainings given by the unit as a whole.
NOT_GIVEN = "ej_angiven"

AGE_GROUPS = ("<65", "65-74", "75-84", "85+")

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def age_group(year: int, birth_year: int) -> str:
    """The age group of a person in a year (age = year − birth year)."""
    age = year - birth_year
    if age < 65:
        return "<65"
    if age < 75:
        return "65-74"
    if age < 85:
        return "75-84"
    return "85+"


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without diacritics or surrounding space, for forgiving lookups.

    Kept for the names seen most recently: an import compares every line's place and
    activity with every known name.
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lookup(table: dict[str, str], value: str) -> str | None:
    """The key in a word list for a key or label typed by a user, or None."""
    wanted = fold(value)
    for key, label in table.items():
        if wanted in (fold(key), fold(label)):
            return key
    return None
