"""Fixed word lists: the keys stored in the database and their Swedish labels.

Lists that a unit may extend (activity kinds, services, the city's feedback template)
are reference data in `resources/reference.toml`; these here are part of the program.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

GENDERS = {"kvinna": "Kvinna", "man": "Man", "annat": "Annat/okänt"}
GENDER_ALIASES = {"k": "kvinna", "m": "man", "a": "annat", "kvinnor": "kvinna", "man": "man",
                  "okant": "annat", "okand": "annat", "annan": "annat", "ovrigt": "annat"}
# how the statistics name them (JSON keys)
GENDER_STAT_KEYS = {"kvinna": "women", "man": "men", "annat": "other"}

HOUSING = {
    "ordinart": "Ordinärt boende",
    "servicehus": "Servicehus",
    "sarskilt": "Särskilt boende",
    "okant": "Okänt",
}

CONTACT_KINDS = {
    "hembesok": "Hembesök",
    "telefon": "Telefon",
    "oppen_mottagning": "Öppen mottagning",
    "motesplats": "Besök på mötesplats",
    "digitalt": "Digitalt",
}

FEEDBACK_TYPES = {"berom": "Beröm", "synpunkt": "Synpunkt", "klagomal": "Klagomål"}

# the access log: what was done, and to which kind of record
ACCESS_OPERATIONS = {"visa": "Visade", "skapa": "Skapade", "andra": "Ändrade", "ta_bort": "Tog bort",
                     "gallra": "Gallrade"}
ACCESS_RECORD_TYPES = {"person": "Person", "kontakt": "Stödkontakt", "synpunkt": "Synpunkt"}

FEEDBACK_CHANNELS = {
    "blankett": "Tyck till-blankett",
    "muntligt": "Muntligt",
    "brev": "Brev",
    "telefon": "Telefon",
    "epost": "E-post",
    "annat": "Annat",
}

PLACE_KINDS = {
    "motesplats": "Mötesplats",
    "aktivitetscenter": "Aktivitetscenter",
    "gym": "Gym",
    "partner": "Samarbetspartners lokal",
    "utomhus": "Utomhus",
    "digitalt": "Digitalt",
}

STAFF_KINDS = {
    "anstalld": "Anställd",
    "timanstalld": "Timanställd senior",
    "volontar": "Volontär",
    "extern": "Extern ledare",
}

TERM_KINDS = {"vt": "Vårtermin", "sommar": "Sommarprogram", "ht": "Hösttermin"}

GROUP_KINDS = {
    "grupp": "Grupp",
    "kurs": "Kurs",
    "cafe": "Café/drop-in",
    "oppen_mottagning": "Öppen mottagning",
    "forelasning": "Föreläsning",
    "evenemang": "Evenemang",
    "utflykt": "Utflykt",
}

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
