"""The folder's sentences made from its data: how to sign up, how to reach a service, and
phone numbers and dates that stay on one line."""

from __future__ import annotations

import datetime as dt
import re

from ..formatting import time_short
from ..vocabulary import WEEKDAYS
from .folder_data import ActivityText, Contact, FolderData

NBSP = "\u00a0"
MISSING_PHONE = "[telefonnummer saknas]"
# a Swedish phone number as people write it: 08-508 000 00, 070-123 45 67, +46 8 508 000 00
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:\+46[\s\u00a0-]?|0)\d[\d\s\u00a0-]{3,}\d(?!\w)")
EMAIL_IN_TEXT = re.compile(r"[^@\s]+@[^@\s]+\.\w+")
NAMED_AT_MOST = 8  # more sign-up activities than this are counted, not named


def unbroken(text: str) -> str:
    """The text with the spaces inside each phone number made unbreakable ("08-508 00 001"
    never ends a line at "08-508 00")."""
    return PHONE_IN_TEXT.sub(lambda m: re.sub(r"\s", NBSP, m.group(0)), text)


def no_break(text: str) -> str:
    """A short text (a date, a time) that must stay on one line."""
    return text.replace(" ", NBSP)


def times_text(starts_at: dt.time, ends_at: dt.time | None) -> str:
    """A session's time on one line: "10.00–11.30", or only its start."""
    return no_break(f"{time_short(starts_at)}–{time_short(ends_at)}" if ends_at else time_short(starts_at))


def weekday_name(number: int) -> str:
    """Måndag … Söndag for ISO weekday 1 … 7, as a schedule row begins."""
    return WEEKDAYS[number - 1].capitalize()


def has_contact(text: str | None) -> bool:
    """Whether a text already says how to reach someone (a phone number or an e-mail address)."""
    return bool(text and (PHONE_IN_TEXT.search(text) or EMAIL_IN_TEXT.search(text)))


def unit_phone(contact: Contact) -> str:
    """"08-508 000 00 (vardagar 9–12)", or a visible gap in a draft."""
    phone = contact.phone or MISSING_PHONE
    if not contact.hours:
        return phone
    hours = contact.hours
    if hours[1:2].islower():  # "Vardagar 9–12" reads "(vardagar 9–12)" inside a sentence
        hours = hours[0].lower() + hours[1:]
    return f"{phone} ({hours})"


def call_us(data: FolderData) -> str:
    """How to reach the unit by phone, in words: "ring Seniorhälsan på 08-…"."""
    return f"ring {short_name(data.unit_name)} på {unit_phone(data.contact)}"


def short_name(unit_name: str) -> str:
    """"Seniorhälsan" of "Seniorhälsan – Hälsofrämjande enheten"."""
    return unit_name.split(" – ")[0]


def how_to_sign_up(activity: ActivityText, data: FolderData) -> str:
    """The activity's own way to sign up, or the unit's phone."""
    if activity.signup:
        return activity.signup
    return capitalised(call_us(data)) + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def signup_summary(data: FolderData) -> list[str]:
    """The paragraphs about signing up, true of this programme: none, some (named) or all of
    its activities need it, and how to do it."""
    needed = [a.name for a in data.activities if a.needs_signup]
    if not data.activities:
        return []
    if not needed:
        return ["Till programmets aktiviteter behöver du inte anmäla dig. Kom när det passar dig."]
    how = (f"Ring {short_name(data.unit_name)} på {unit_phone(data.contact)} för att anmäla dig, "
           "om inget annat står vid aktiviteten.")
    if len(needed) == len(data.activities):
        return [f"Alla aktiviteter i programmet kräver anmälan. {how}"]
    if len(needed) <= NAMED_AT_MOST:
        which = f"Anmälan krävs till {_names(needed)}."
    else:
        which = (f"Anmälan krävs till {len(needed)} av programmets {len(data.activities)} aktiviteter. "
                 "De är märkta «Anmälan krävs» i schemat och under Om aktiviteterna.")
    return [f"{which} Till de andra kommer du utan anmälan.", how]


def service_reach(text: str, data: FolderData) -> str | None:
    """A line on how to reach a service whose text does not say it: the unit's phone."""
    if has_contact(text):
        return None
    return capitalised(call_us(data)) + "."
