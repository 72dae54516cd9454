"""The fields a refusal can name: a stable key for code (the window, the importers, the
command line map keys, never the Swedish words) and the Swedish label a user reads."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # attendance
    "women": "Kvinnor",
    "men": "Män",
    "other": "Övriga",
    "total": "Totalt",
    "new_visitors": "Nya besökare",
    "cancelled": "Inställt",
    "session": "Tillfället",
    # when and where
    "date": "Datum",
    "start": "Starttid",
    "end": "Sluttid",
    "weekday": "Veckodag",
    "month": "Månad",
    "year": "År",
    "term": "Termin",
    "starts_on": "Startdatum",
    "ends_on": "Slutdatum",
    "place": "Mötesplats",
    "place_kind": "Typ av plats",
    "opened_on": "Öppnade",
    "closed_on": "Stängde",
    "new_name": "Nytt namn",
    "valid_from": "Gäller från",
    # catalogue and staff
    "name": "Namn",
    "activity": "Aktivitet",
    "kind": "Typ",
    "description": "Beskrivning",
    "signup": "Så anmäler man sig",
    "leader": "Ledare",
    "staff": "Medarbetare",
    "staff_kind": "Anställningsform",
    "title": "Titel",
    "services": "Insatser",
    "helps_with": "Leder eller hjälper till med",
    "volunteer_places": "Platser",
    "started_on": "Sedan",
    "ended_on": "Till och med",
    "together": "Vad vi gör tillsammans",
    "district": "Stadsdel",
    "key": "Nyckel",
    "text": "Text",
    # persons and support
    "person": "Person",
    "reference": "Referens",
    "birth_year": "Födelseår",
    "gender": "Kön",
    "housing": "Boende",
    "phone": "Telefon",
    "email": "E-post",
    "address": "Adress",
    "service": "Insats",
    "contact_kind": "Kontakttyp",
    "minutes": "Minuter",
    "tasks": "Utfört",
    "group_kind": "Typ av träff",
    "group_title": "Namn på gruppen",
    "participants": "Deltagare",
    "audience": "Målgrupp",
    "topic": "Ämne",
    "note": "Anteckning",
    "route": "Väg in",
    # outreach
    "outreach_kind": "Typ av utåtriktat arbete",
    "partner": "Samarbetspartner",
    "reached": "Nådda",
    # feedback
    "received_on": "Mottagen",
    "channel": "Hur den kom in",
    "type": "Typ",
    "from": "Från",
    "about": "Gäller",
    "about_note": "Gäller, annat",
    "contact": "Kontaktuppgift",
    "answer_due": "Återkoppling senast",
    "answered_on": "Återkoppling",
    "answer_text": "Återkopplingens text",
    "action": "Åtgärd",
    "action_on": "Åtgärdsdatum",
    # accounts
    "username": "Användarnamn",
    "role": "Roll",
    "password": "Lösenord",
    "repeat": "Upprepa",
    # sign-ups
    "places": "Platser",
    "last_day": "Sista anmälningsdag",
    "occasion": "Tillfället",
    "present": "Närvarande",
    "retention_days": "Dagar efter tillfället",
    # goals and the follow-up of activities
    "figure": "Siffra",
    "target": "Mål",
    "target_women": "Mål för kvinnor",
    "target_men": "Mål för män",
    "analysis": "Analys",
    "tertial": "Tertial",
    "low_below": "Färre besökare än",
    "low_in_a_row": "Tillfällen i rad",
    # files
    "columns": "Kolumner",
}


def label(key: str) -> str:
    """The Swedish label of a field key (the key itself for a field not listed)."""
    return LABELS.get(key, key)
