"""The figures a goal can be set for: their keys, Swedish names and values in a year's figures.

A key is a figure's name, with what it is of after a colon where it needs one: `visits`,
`visits:kultur`, `new_visitors`, `sessions`, `sessions:kultur`, `persons:fixartjanst`,
`new_persons:it_stod`, `contacts:syn_horsel`, `feedback_answered_in_time`, `signups:attended`,
`trainings`, `training_participants`. Visits and persons per service are also counted for
women and men, so their goals may have targets for women and men too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .reference import Reference

if TYPE_CHECKING:
    from .figures import YearFigures

Number = int | Fraction  # a share is kept exact (a Fraction of 100, in per cent) until it is shown

SIGNUP_FIELDS = {
    "occasions": "tillfällen",
    "places_offered": "platser",
    "signed_up": "anmälda",
    "attended": "som kom",
    "distinct_persons": "olika personer",
}
SHARE_KEY = "feedback_answered_in_time"


@dataclass(frozen=True)
class FigureChoice:
    """A figure a goal can be set for."""

    key: str
    label: str  # as the reports name it: "Besök på aktiviteter", "Fixartjänst: personer"
    gendered: bool = False  # counted for women and men too
    share: bool = False  # a share in per cent (its target is a per cent, 1–100)


@dataclass(frozen=True)
class Value:
    """A figure's value in a period: None when nobody recorded it; women and men where counted."""

    result: Number | None
    women: int | None = None
    men: int | None = None


def choices(reference: Reference) -> list[FigureChoice]:
    """Every figure a goal can be set for, in the order the reports list goals."""
    return choices_of(reference.labels)


def choices_of(labels: Mapping[str, Mapping[str, str]]) -> list[FigureChoice]:
    """`choices` from the names of the kinds and services by key (`Reference.labels`)."""
    kinds = list(labels["kinds"].items())
    out = [FigureChoice("visits", "Besök på aktiviteter", gendered=True)]
    out += [FigureChoice(f"visits:{key}", f"Besök på aktiviteter: {name}") for key, name in kinds]
    out.append(FigureChoice("new_visitors", "Nya besökare på aktiviteter"))
    out.append(FigureChoice("sessions", "Genomförda tillfällen"))
    out += [FigureChoice(f"sessions:{key}", f"Genomförda tillfällen: {name}") for key, name in kinds]
    for key, name in labels["services"].items():
        out += [FigureChoice(f"persons:{key}", f"{name}: personer", gendered=True),
                FigureChoice(f"new_persons:{key}", f"{name}: nya personer"),
                FigureChoice(f"contacts:{key}", f"{name}: kontakter")]
    out.append(FigureChoice(SHARE_KEY, "Andel synpunkter med återkoppling i tid",
                            share=True))
    out += [FigureChoice(f"signups:{key}", f"Anmälan: {name}") for key, name in SIGNUP_FIELDS.items()]
    out += [FigureChoice("trainings", "Utbildningar för personal: tillfällen"),
            FigureChoice("training_participants", "Utbildningar för personal: deltagare")]
    return out


def by_key(reference: Reference) -> dict[str, FigureChoice]:
    return {c.key: c for c in choices(reference)}


def by_key_of_labels(labels: Mapping[str, Mapping[str, str]]) -> dict[str, FigureChoice]:
    return {c.key: c for c in choices_of(labels)}


def value_of(key: str, figures: YearFigures) -> Value:
    """The figure `key` in a period's figures; an unknown key (a kind or service no longer in the
    reference data) has no value."""
    name, _, of = key.partition(":")
    a = figures.attendance
    if key == "visits":
        return Value(a.visits, a.women, a.men)
    if name == "visits" and of in a.by_kind:
        return Value(a.by_kind[of])
    if key == "new_visitors":
        return Value(a.new_visitors)
    if key == "sessions":
        return Value(a.sessions)
    if name == "sessions" and of in figures.activities.sessions_by_kind:
        return Value(figures.activities.sessions_by_kind[of])
    if name in ("persons", "new_persons", "contacts") and of in figures.services:
        s = figures.services[of]
        if name == "persons":
            return Value(s.persons, s.persons_by_gender.women, s.persons_by_gender.men)
        return Value(s.new_persons if name == "new_persons" else s.contacts)
    if key == SHARE_KEY:
        share = figures.feedback.answered_in_time
        return Value(None if share is None else share * 100)
    if name == "signups" and of in SIGNUP_FIELDS:
        return Value(getattr(figures.signups.total, of))
    if key == "trainings":
        return Value(figures.trainings.sessions)
    if key == "training_participants":
        return Value(figures.trainings.participants)
    return Value(None)


def as_json(value: Number | None) -> int | float | None:
    """A count as it is, a share in per cent to one decimal."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else round(float(value), 1)
    return value


def value_text(value: Number | float | None, share: bool = False, locale: str = "sv_SE") -> str:
    """A goal's figure as a reader sees it: '28 000', '86,7 %' (a share to one decimal, so that
    89,6 % is never shown as the 90 % it did not reach), or '–' when not recorded."""
    from ..formatting import UNRECORDED, number

    if value is None:
        return UNRECORDED
    if share:
        return number(round(float(value), 1), locale) + "\u00a0%"
    if isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1):
        return number(int(value), locale)
    return number(round(float(value), 1), locale)
