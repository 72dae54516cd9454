"""The floor's goals: each of the year's goals against the figures the floor has computed.

The goals were read with the reference lists; what is left is plain arithmetic on the
JSON built so far, in the order the program lists goals.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

SIGNUP_FIELDS = ("occasions", "places_offered", "signed_up", "attended", "distinct_persons")
SHARE = "feedback_answered_in_time"


def _order(kinds: list[str], services: list[str]) -> dict[str, int]:
    keys = ["visits", *(f"visits:{k}" for k in kinds), "new_visitors", "sessions", *(f"sessions:{k}" for k in kinds)]
    for s in services:
        keys += [f"persons:{s}", f"new_persons:{s}", f"contacts:{s}"]
    keys += [SHARE, *(f"signups:{f}" for f in SIGNUP_FIELDS), "trainings", "training_participants"]
    return {key: i for i, key in enumerate(keys)}


def _value(key: str, figures: dict[str, Any], share: tuple[int, int]) -> tuple[Any, int | None, int | None]:
    """A figure's result, and its women and men where counted."""
    name, _, of = key.partition(":")
    a = figures["attendance"]
    if key == "visits":
        return a["visits"], a["women"], a["men"]
    if name == "visits" and of in a["by_kind"]:
        return a["by_kind"][of], None, None
    if key in ("new_visitors", "sessions"):
        return a[key], None, None
    if name == "sessions" and of in a["sessions_by_kind"]:
        return a["sessions_by_kind"][of], None, None
    if name in ("persons", "new_persons", "contacts") and of in figures["services"]:
        s = figures["services"][of]
        if name == "persons":
            return s["persons"], s["persons_by_gender"]["women"], s["persons_by_gender"]["men"]
        return s[name], None, None
    if key == SHARE:
        due, in_time = share
        return (Fraction(in_time, due) * 100 if due else None), None, None
    if name == "signups" and of in SIGNUP_FIELDS:
        return figures["signups"][of], None, None
    if key == "trainings":
        return figures["trainings"]["sessions"], None, None
    if key == "training_participants":
        return figures["trainings"]["participants"], None, None
    return None, None, None


def _status(result: Any, target: int) -> str:
    if result is None:
        return "ej_registrerat"
    reached = Fraction(result) / target
    return "uppnatt" if reached >= 1 else "delvis" if reached >= Fraction(9, 10) else "ej_uppnatt"


def _json(value: Any) -> Any:
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else round(float(value), 1)
    return value


def goals_json(goals: list[tuple[str, int, int | None, int | None]], figures: dict[str, Any],
               share: tuple[int, int], kinds: list[str], services: list[str]) -> list[dict[str, Any]]:
    """`goals`: (figure, target, women's target, men's target); `share`: views due an answer, answered in time."""
    order = _order(kinds, services)
    out = []
    for figure, target, women, men in sorted(goals, key=lambda g: (order.get(g[0], len(order)), g[0])):
        result, by_women, by_men = _value(figure, figures, share)
        goal: dict[str, Any] = {"figure": figure, "target": target, "result": _json(result),
                                "status": _status(result, target)}
        for part, part_target, part_result in (("women", women, by_women), ("men", men, by_men)):
            if part_target is not None:
                goal[part] = {"target": part_target, "result": part_result,
                              "status": _status(part_result, part_target)}
        out.append(goal)
    return out
