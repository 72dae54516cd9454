"""The people on a sign-up list: signing up (a place while there are places, then the waiting
list in order), cancelling (the first waiting moves up, and the caller learns whom to call),
and the list itself, each view of it access-logged.

Only what the list needs is kept: name, phone, optionally e-mail, kön and a short note. A
random pseudonym, never shown, lets the figures count the same person once over a year; it is
shared by the lists on which the same phone still stands.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, select, update

from ..db.models import SignupList, SignupParticipant, SignupPresence
from ..db.session import Ctx
from ..errors import NotFound, ValidationError
from ..roles import requires
from ..vocabulary import GENDER_ALIASES, GENDERS
from .access_log import note as log_note
from .access_log import note_list
from .checks import Checker
from .signup_access import check_list
from .signups import OccasionInfo, change_signups, follow_entry, occasion

PLACE, WAITING, LEFT = "plats", "reserv", "slutat"
NOTE_LENGTH = 200


@dataclass(frozen=True)
class ParticipantInfo:
    """A person on a list; `number` is their place number, or their number on the waiting list."""

    id: int
    list_id: int
    status: str
    number: int
    name: str | None
    phone: str | None
    email: str | None
    gender: str | None
    note: str | None
    present_days: tuple[dt.date, ...] = ()
    new_days: tuple[dt.date, ...] = ()

    @property
    def has_place(self) -> bool:
        return self.status == PLACE

    @property
    def gender_label(self) -> str:
        return GENDERS.get(self.gender, "") if self.gender else ""


@dataclass(frozen=True)
class SignedUp:
    participant: ParticipantInfo
    occasion: OccasionInfo


@dataclass(frozen=True)
class Cancelled:
    """Who cancelled, and who moved up from the waiting list (the person to call), if anyone."""

    name: str | None
    moved_up: tuple[ParticipantInfo, ...]
    occasion: OccasionInfo


def phone_key(phone: str) -> str:
    """The digits that tell one phone number from another: '+46 70-123 45 67' and
    '070-1234567' are the same number."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+46") or digits.startswith("0046"):
        digits = "0" + digits[digits.index("46") + 2:]
    return digits


def check_phone(check: Checker, value: Any) -> str | None:
    phone = check.text("phone", value, required=True, max_length=40)
    if phone is None:
        return None
    if re.search(r"[^\d\s+()\-/.]", phone) or not 5 <= len(re.sub(r"\D", "", phone)) <= 15:
        check.fail("phone", f"'{phone}' ser inte ut som ett telefonnummer (siffror, gärna med riktnummer).")
        return None
    return phone


def _check_person(
    check: Checker, name: Any, phone: Any, email: Any, gender: Any, note_text: Any
) -> dict[str, str | None]:
    values = dict(
        name=check.text("name", name, required=True, max_length=120),
        phone=check_phone(check, phone),
        email=check.text("email", email, max_length=120),
        gender=check.choice("gender", gender, GENDERS, required=False, aliases=GENDER_ALIASES),
        note=check.text("note", note_text, max_length=NOTE_LENGTH),
    )
    if values["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", values["email"]):
        check.fail("email", f"'{values['email']}' ser inte ut som en e-postadress.")
    return values


def _list_row(ctx: Ctx, list_id: int) -> SignupList:
    """A list about to change: it first takes over what its schedule row says now."""
    lst = ctx.session.get(SignupList, list_id) if isinstance(list_id, int) else None
    if lst is None or lst.unit_id != ctx.unit_id:
        raise NotFound(f"Anmälningslistan med id {list_id} finns inte.")
    follow_entry(ctx, lst)
    return lst


def check_open(check: Checker, found: OccasionInfo, today: dt.date) -> None:
    """A list takes sign-ups until its occasion (a series: until the term ends) and its gallring."""
    if found.cleared:
        check.fail("occasion", "listan är gallrad.")
    elif found.last_meeting < today:
        check.fail("occasion", "tillfället har redan varit.")


def _pseudonym(ctx: Ctx, key: str | None) -> int:
    """The pseudonym of the same phone on another of the unit's lists, or a new random one."""
    if key is None:
        return secrets.randbelow(2**62) + 1
    same = ctx.session.scalar(
        select(SignupParticipant.pseudonym).join(SignupList, SignupList.id == SignupParticipant.list_id)
        .where(SignupList.unit_id == ctx.unit_id, SignupParticipant.phone_key == key).limit(1))
    return same if same is not None else secrets.randbelow(2**62) + 1


def _rows(ctx: Ctx, list_id: int, statuses: tuple[str, ...] = (PLACE, WAITING)) -> list[SignupParticipant]:
    return list(ctx.session.scalars(
        select(SignupParticipant).where(SignupParticipant.list_id == list_id, SignupParticipant.status.in_(statuses))
        .order_by(SignupParticipant.seq)))


def _numbered(rows: list[SignupParticipant], presence: dict[int, list[tuple[dt.date, bool]]] | None = None
              ) -> list[ParticipantInfo]:
    """Place holders numbered 1, 2, … in the order they signed up, then the waiting list 1, 2, …"""
    counters = {PLACE: 0, WAITING: 0, LEFT: 0}
    out = []
    for status in (PLACE, WAITING, LEFT):
        for row in (r for r in rows if r.status == status):
            counters[status] += 1
            days = (presence or {}).get(row.id, [])
            out.append(ParticipantInfo(row.id, row.list_id, row.status, counters[status], row.name, row.phone,
                                       row.email, row.gender, row.note, tuple(sorted(d for d, _n in days)),
                                       tuple(sorted(d for d, n in days if n))))
    return out


def _info_of(ctx: Ctx, row: SignupParticipant) -> ParticipantInfo:
    return next(p for p in _numbered(_rows(ctx, row.list_id, (row.status,))) if p.id == row.id)


@requires("signups")
def sign_up(ctx: Ctx, *, list_id: int, name: str, phone: str, email: str | None = None,
            gender: str | None = None, note: str | None = None) -> SignedUp:
    """Put a person on a list: a place while there are places, else the waiting list. The same
    phone twice on one list is refused."""
    _list_row(ctx, list_id)
    found = occasion(ctx, list_id)
    check = Checker()
    values = _check_person(check, name, phone, email, gender, note)
    check_open(check, found, ctx.today)
    key = phone_key(values["phone"]) if values["phone"] else None
    if key:
        twin = ctx.session.scalar(select(SignupParticipant).where(
            SignupParticipant.list_id == list_id, SignupParticipant.phone_key == key))
        if twin is not None:
            where = "har en plats" if twin.status == PLACE else "står på reservlistan"
            check.fail("phone", f"{values['phone']} finns redan på listan: {twin.name} {where}.")
    check.done()
    seq = (ctx.session.scalar(select(func.max(SignupParticipant.seq)).where(SignupParticipant.list_id == list_id))
           or 0) + 1
    place = bool(found.free)
    row = SignupParticipant(list_id=list_id, seq=seq, status=PLACE if place else WAITING, phone_key=key,
                            pseudonym=_pseudonym(ctx, key), **values)
    ctx.session.add(row)
    ctx.session.flush()
    log_note(ctx, "skapa", "anmalan", row.id, found.activity_name)
    # the last on the list: one more with a place, or on the waiting list (the lock keeps it so)
    now = replace(found, taken=found.taken + place, waiting=found.waiting + (not place))
    number = now.taken if place else now.waiting
    return SignedUp(ParticipantInfo(row.id, list_id, row.status, number, row.name, row.phone, row.email, row.gender,
                                    row.note), now)


def fill_places(ctx: Ctx, list_id: int) -> tuple[ParticipantInfo, ...]:
    """Move the first on the waiting list up while there are free places; those moved up (to call)."""
    lst = _list_row(ctx, list_id)
    taken = len(_rows(ctx, list_id, (PLACE,)))
    moved = []
    for row in _rows(ctx, list_id, (WAITING,))[: max(0, lst.places - taken)]:
        row.status = PLACE
        moved.append(row)
    ctx.session.flush()
    for row in moved:
        log_note(ctx, "andra", "anmalan", row.id, "fick en plats från reservlistan")
    return tuple(_info_of(ctx, row) for row in moved)


@requires("signups")
def cancel(ctx: Ctx, *, list_id: int, participant_id: int | None = None, phone: str | None = None) -> Cancelled:
    """Take a person off a list (named by id, or by phone); the first waiting moves up. Someone who
    has come to meetings of a series stays in its figures, without name, phone or note."""
    _list_row(ctx, list_id)
    if participant_id is not None:
        row = ctx.session.get(SignupParticipant, participant_id)
    elif phone and phone.strip():
        row = ctx.session.scalar(select(SignupParticipant).where(
            SignupParticipant.list_id == list_id, SignupParticipant.phone_key == phone_key(phone)))
    else:
        raise ValidationError.of("phone", "ange vem som avanmäls (telefonnumret).")
    if row is None or row.list_id != list_id or row.status == LEFT:
        raise NotFound(f"{phone.strip() if phone else 'Personen'} finns inte på listan.")
    found = occasion(ctx, list_id)
    if found.cleared:
        raise ValidationError.of("occasion", "listan är gallrad.")
    name = row.name
    came = ctx.session.scalar(select(func.count()).select_from(SignupPresence)
                              .where(SignupPresence.participant_id == row.id))
    log_note(ctx, "ta_bort", "anmalan", row.id, found.activity_name)
    if came:
        row.status = LEFT
        row.name = row.phone = row.phone_key = row.email = row.note = None
    else:
        ctx.session.delete(row)
    ctx.session.flush()
    moved = fill_places(ctx, list_id)
    return Cancelled(name, moved, occasion(ctx, list_id))


@dataclass(frozen=True)
class Changed:
    occasion: OccasionInfo
    moved_up: tuple[ParticipantInfo, ...]


@requires("signups")
def change_places(ctx: Ctx, list_id: int, *, places: int, last_day: dt.date | None = None,
                  version: int | None = None) -> Changed:
    """New number of places (or last day); added places go to the first on the waiting list."""
    change_signups(ctx, list_id, places=places, last_day=last_day, version=version)
    moved = fill_places(ctx, list_id)
    return Changed(occasion(ctx, list_id), moved)


@requires("signup_lists")
def participants(ctx: Ctx, list_id: int, *, why: str = "anmälningslista") -> list[ParticipantInfo]:
    """The list: place holders, then the waiting list, with the days each was ticked present.
    Each view is one row in the access log, naming everyone it showed."""
    found = occasion(ctx, list_id)
    check_list(ctx, found.leader_id, found.activity_name)
    rows = _rows(ctx, list_id, (PLACE, WAITING))
    presence: dict[int, list[tuple[dt.date, bool]]] = {}
    if rows:
        for pid, day, new in ctx.session.execute(
                select(SignupPresence.participant_id, SignupPresence.day, SignupPresence.new_visitor)
                .where(SignupPresence.participant_id.in_([r.id for r in rows]))):
            presence.setdefault(pid, []).append((day, bool(new)))
    shown = _numbered(rows, presence)
    if not found.cleared:
        note_list(ctx, "anmalan", [p.id for p in shown], f"{why}: {found.activity_name}")
    return shown


@requires("signup_lists")
def ids_by_phone(ctx: Ctx, list_id: int, phones: tuple[str, ...]) -> dict[str, int]:
    """The participants a command line names by phone; an unknown number is refused by name."""
    found = occasion(ctx, list_id)
    check_list(ctx, found.leader_id, found.activity_name)
    rows = {r.phone_key: r.id for r in _rows(ctx, list_id)}
    check = Checker()
    out = {}
    for phone in phones:
        key = phone_key(phone)
        if key not in rows:
            check.fail("phone", f"{phone} finns inte på listan.")
        else:
            out[phone] = rows[key]
    check.done()
    return out


def clear_lists(ctx: Ctx, before: dt.date, *, write: bool = True) -> int:
    """Gallring: names, phones, e-mail and notes of the lists whose occasion (a series: its term)
    ended before `before`. Returns how many people were cleared; gender, the pseudonym and the
    ticks stay, so the year's figures do not change."""
    from ..db.models import Term

    stale = [list_id for list_id, on_date, term_end in ctx.session.execute(
        select(SignupList.id, SignupList.on_date, Term.ends_on).join(Term, Term.id == SignupList.term_id)
        .where(SignupList.unit_id == ctx.unit_id, SignupList.cleared_at.is_(None)))
        if (on_date or term_end) < before]
    if not stale:
        return 0
    people = ctx.session.scalar(select(func.count()).select_from(SignupParticipant).where(
        SignupParticipant.list_id.in_(stale), SignupParticipant.name.is_not(None))) or 0
    if not write:
        return people
    ctx.session.execute(
        update(SignupParticipant).where(SignupParticipant.list_id.in_(stale))
        .values(name=None, phone=None, phone_key=None, email=None, note=None)
        .execution_options(synchronize_session=False))
    ctx.session.execute(update(SignupList).where(SignupList.id.in_(stale))
                        .values(cleared_at=dt.datetime.now().replace(microsecond=0), version=SignupList.version + 1)
                        .execution_options(synchronize_session=False))
    ctx.changes.table("signup_participants", updated=people)
    for list_id in stale:
        log_note(ctx, "gallra", "anmalan", None, f"anmälningslista {list_id}")
    ctx.session.expire_all()
    return people


def remove_presence(ctx: Ctx, participant_ids: list[int], day: dt.date) -> None:
    """The ticks of a day, before the new ones are written."""
    if participant_ids:
        ctx.session.execute(delete(SignupPresence).where(SignupPresence.participant_id.in_(participant_ids),
                                                         SignupPresence.day == day))
