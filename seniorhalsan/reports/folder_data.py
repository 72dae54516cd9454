"""What the term folder prints, gathered from the schedule, the catalogue and the unit's texts."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from ..db.session import Ctx
from ..errors import UserError
from ..periods import term_title
from ..roles import requires
from ..services import activities as activity_service
from ..services import lookups, places, schedule, signups, staff, texts

FOLDER_TEXT_KEYS = {
    "presentation": "folder.presentation",
    "feedback": "folder.feedback",
    "other_actors": "folder.other_actors",
}
# A text that says a sign-up is needed ("Länk skickas vid anmälan"), though the box is not ticked.
SAYS_SIGNUP = re.compile(r"(?<!ingen )\b(anmälan krävs|vid anmälan|föranmälan|anmäl dig|när du anmäler dig)\b",
                         re.IGNORECASE)


def says_signup(text: str | None) -> bool:
    return bool(text and SAYS_SIGNUP.search(text))


def swedish_key(text: str) -> str:
    """Sort key in Swedish alphabetical order: å, ä, ö after z, other accents ignored."""
    out = []
    for ch in text.casefold():
        if ch in "åäö":
            out.append({"å": "{", "ä": "|", "ö": "}"}[ch])
            continue
        base = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


class FolderNotReady(UserError):
    """The folder is not printed before the unit has written how to reach it."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        self.missing = missing
        what = " och ".join(missing)
        super().__init__(
            f"Foldern skrivs inte ut förrän enhetens kontaktuppgifter finns: {what} saknas. Skriv dem under "
            "Enheten → Enheten och foldern."
        )


@dataclass(frozen=True)
class Slot:
    """One line of a place's weekly schedule."""

    weekday: int
    starts_at: dt.time
    ends_at: dt.time | None
    activity: str
    leader: str | None
    volunteer: bool
    note: str | None
    needs_signup: bool = False


def joined(slots: list[Slot]) -> list[Slot]:
    """Slots in day and time order, where one that goes on where another of the same day ended
    (the same activity, leader and note: 09–12 and 12–16) is one slot, 09–16."""
    out: list[Slot] = []
    for slot in sorted(slots, key=lambda s: (s.weekday, s.starts_at)):
        before = next((i for i, o in enumerate(out) if o.ends_at is not None and o.ends_at == slot.starts_at
                       and replace(o, starts_at=slot.starts_at, ends_at=slot.ends_at) == slot), None)
        if before is None:
            out.append(slot)
        else:
            out[before] = replace(out[before], ends_at=slot.ends_at)
    return out


@dataclass(frozen=True)
class PlaceSchedule:
    name: str
    address: str | None
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class DatedEvent:
    """A trip or event on one day (the summer's trips, the autumn's big days)."""

    day: dt.date
    starts_at: dt.time
    ends_at: dt.time | None
    activity: str
    place: str
    note: str | None
    needs_signup: bool = False
    last_day: dt.date | None = None  # the last day to sign up, when the list has one


@dataclass(frozen=True)
class ActivityText:
    name: str
    kind_name: str
    description: str | None
    places: tuple[str, ...]
    needs_signup: bool
    digital: bool
    outdoors: bool
    signup: str | None = None  # how to sign up, as the unit wrote it for this activity

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(
            label
            for on, label in (
                (self.needs_signup, "Anmälan krävs"), (self.digital, "Digitalt"), (self.outdoors, "Utomhus"),
            )
            if on
        )


@dataclass(frozen=True)
class ServiceText:
    name: str
    target_group: str | None
    text: str


@dataclass(frozen=True)
class PartnerText:
    """A partner of the register, as "Andra aktörer" prints it: what the unit does with them."""

    name: str
    together: str
    contact: str | None


@dataclass(frozen=True)
class Contact:
    """How to reach the unit, as it wrote it; nothing here comes from the reference data."""

    phone: str = ""
    hours: str = ""
    email: str = ""
    address: str = ""
    unit_head: str = ""

    @property
    def missing(self) -> tuple[str, ...]:
        """What a folder cannot be printed without: a phone to call and an address to write to."""
        return tuple(label for value, label in ((self.phone, "telefonnummer"), (self.email, "e-postadress"))
                     if not value)


@dataclass(frozen=True)
class FolderData:
    unit_name: str
    district: str | None
    term_kind: str
    term_year: int
    starts_on: dt.date
    ends_on: dt.date
    presentation: str
    places: tuple[PlaceSchedule, ...]
    events: tuple[DatedEvent, ...]
    activities: tuple[ActivityText, ...]
    services: tuple[ServiceText, ...]
    feedback: str
    other_actors: str
    contact: Contact = Contact()
    # the partner register's entries that say what is done together: printed instead of `other_actors`
    partners: tuple[PartnerText, ...] = ()

    @property
    def title(self) -> str:
        return term_title(self.term_kind, self.term_year)

    @property
    def is_summer(self) -> bool:
        return self.term_kind == "sommar"

    @property
    def has_schedule(self) -> bool:
        return bool(self.places or self.events)


@requires("read")
def collect_folder(ctx: Ctx, term_code: str) -> FolderData:
    """Everything the folder of a term shows; an unknown term is a Swedish NotFound."""
    term = schedule.get_term(ctx, term_code)
    entries = schedule.list_schedule(ctx, term.id)
    unit = lookups.unit(ctx)
    known_places = places.list_places(ctx)
    addresses = {p.id: p.address for p in known_places}
    partners = [PartnerText(p.name, p.together, p.contact) for p in known_places
                if p.kind == "partner" and p.together and p.in_use_between(term.starts_on, term.ends_on)]
    partners.sort(key=lambda p: swedish_key(p.name))
    volunteers = {s.id for s in staff.list_staff(ctx, include_inactive=True) if s.kind == "volontar"}
    catalogue = {a.id: a for a in activity_service.list_activities(ctx, include_inactive=True)}
    # sign-up as the catalogue has it, or as a text says it (a digital place's "Länk skickas vid anmälan")
    signup = {a.id for a in catalogue.values() if a.needs_signup or says_signup(a.description)}
    signup |= {e.activity_id for e in entries if says_signup(e.note) or says_signup(addresses.get(e.place_id))}
    lists = signups.signup_info(ctx, term.id)  # an open sign-up list: sign-up is needed, maybe by a last day
    signup |= {info.activity_id for info in lists.values()}

    weekly: dict[int, list[Slot]] = {}
    names: dict[int, str] = {}
    events: list[DatedEvent] = []
    used_places: dict[int, set[str]] = {}
    for e in entries:
        used_places.setdefault(e.activity_id, set()).add(e.place_name)
        needs = e.activity_id in signup
        if e.on_date is not None:
            listed = lists.get(e.id)
            events.append(DatedEvent(e.on_date, e.starts_at, e.ends_at, e.activity_name, e.place_name, e.note, needs,
                                     listed.last_day if listed else None))
            continue
        names[e.place_id] = e.place_name
        weekly.setdefault(e.place_id, []).append(
            Slot(e.weekday, e.starts_at, e.ends_at, e.activity_name, e.leader_name, e.leader_id in volunteers, e.note,
                 needs)
        )
    place_schedules = [PlaceSchedule(names[pid], addresses.get(pid), tuple(joined(slots)))
                       for pid, slots in weekly.items()]
    place_schedules.sort(key=lambda p: swedish_key(p.name))
    events.sort(key=lambda e: (e.day, e.starts_at, swedish_key(e.activity)))

    activities = [
        ActivityText(
            name=a.name,
            kind_name=a.kind_name,
            description=a.description,
            places=tuple(sorted(used_places[a.id], key=swedish_key)),
            needs_signup=a.id in signup,
            digital=a.digital,
            outdoors=a.outdoors,
            signup=a.signup,
        )
        for a in catalogue.values()
        if a.id in used_places
    ]
    activities.sort(key=lambda a: swedish_key(a.name))

    folder_texts = texts.texts_with_prefix(ctx, "folder.")
    services = [
        ServiceText(s.name, s.target_group, folder_texts.get(f"folder.service.{s.key}", ""))
        for s in lookups.services(ctx)
    ]
    return FolderData(
        unit_name=unit.name,
        district=unit.district,
        term_kind=term.kind,
        term_year=term.year,
        starts_on=term.starts_on,
        ends_on=term.ends_on,
        presentation=folder_texts.get(FOLDER_TEXT_KEYS["presentation"], ""),
        places=tuple(place_schedules),
        events=tuple(events),
        activities=tuple(activities),
        services=tuple(services),
        feedback=folder_texts.get(FOLDER_TEXT_KEYS["feedback"], ""),
        other_actors=folder_texts.get(FOLDER_TEXT_KEYS["other_actors"], ""),
        contact=Contact(
            phone=folder_texts.get(texts.CONTACT_PHONE, ""),
            hours=folder_texts.get(texts.CONTACT_HOURS, ""),
            email=folder_texts.get(texts.CONTACT_EMAIL, ""),
            address=folder_texts.get(texts.CONTACT_ADDRESS, ""),
            unit_head=folder_texts.get(texts.UNIT_HEAD, ""),
        ),
        partners=tuple(partners),
    )
