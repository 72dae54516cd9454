"""Import of attendance counts: datum;mötesplats;aktivitet;kvinnor;män;övriga (or totalt)[;nya].

The n-th line of a file for a place, activity and day is the n-th session recorded for
them: a session already holding the same count is left alone, one without a count or
with another count gets the file's count, and only lines beyond are added. Importing
a file twice therefore adds nothing the second time.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, select, update

from ..db.bulk import insert_values
from ..db.models import ActivitySession
from ..db.session import Ctx
from ..roles import requires
from ..errors import FieldError, ValidationError
from ..services import activities as activity_service
from ..services import places as place_service
from ..services.attendance import Counts, check_counts
from ..services.checks import Checker
from ..services.lookups import kind_by_key
from ..vocabulary import fold
from .reader import Table, parse_date
from .report import ImportRefused, ImportReport, suggestions

ALIASES = {
    "datum": "datum",
    "dag": "datum",
    "motesplats": "mötesplats",
    "plats": "mötesplats",
    "aktivitet": "aktivitet",
    "kvinnor": "kvinnor",
    "man": "män",
    "ovriga": "övriga",
    "ovrigt": "övriga",
    "annat": "övriga",
    "totalt": "totalt",
    "total": "totalt",
    "antal": "totalt",
    "nya": "nya",
    "nya besokare": "nya",
    "typ": "typ",
    "aktivitetstyp": "typ",
}

COUNTS = ("women", "men", "other", "total", "new_visitors")
NEW_SESSION = ("unit_id", "activity_id", "place_id", "held_on", "cancelled", *COUNTS)

COLUMN_OF_FIELD = {
    "women": "kvinnor",
    "men": "män",
    "other": "övriga",
    "total": "totalt",
    "new_visitors": "nya",
    "cancelled": "totalt",
}


@requires("attendance")
def import_attendance(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="närvaro", rows=len(table.rows))
    columns = set(table.columns)
    missing = [c for c in ("datum", "mötesplats", "aktivitet") if c not in columns]
    has_split = bool({"kvinnor", "män", "övriga"} & columns)
    if not has_split and "totalt" not in columns:
        missing.append("kvinnor;män;övriga eller totalt")
    if missing:
        raise ValidationError(
            FieldError(
                "columns",
                "filen saknar " + ", ".join(missing)
                + ". Första raden ska vara datum;mötesplats;aktivitet;kvinnor;män;övriga"
                " eller datum;mötesplats;aktivitet;totalt (med nya som valfri kolumn).",
            )
        )

    places = place_service.list_places(ctx)
    by_name: dict[str, place_service.PlaceInfo] = {}
    for known in reversed(places):  # the first place of a name wins, as in match_place
        by_name[fold(known.name)] = known
    activities = {fold(a.name): a for a in activity_service.list_activities(ctx, include_inactive=True)}
    created_places: dict[str, place_service.PlaceInfo] = {}
    created_activities: dict[str, int] = {}

    parsed: list[tuple[int, int, int, object, Counts]] = []
    for row in table.rows:
        check = Checker()
        day = parse_date(row.get("datum"))
        if day is None:
            report.error(row.line, "datum", f"'{row.text('datum')}' är inget datum (skriv ÅÅÅÅ-MM-DD)." if row.text("datum") else "datum saknas.")
        elif day > ctx.today:
            report.error(row.line, "datum", f"{day.isoformat()} ligger i framtiden.")
            day = None

        place_name = row.text("mötesplats")
        place = None
        if not place_name:
            report.error(row.line, "mötesplats", "mötesplats saknas.")
        else:
            # a current name needs no day; only a former name is looked up with it
            place = (by_name.get(fold(place_name)) or place_service.match_place(places, place_name, on=day)
                     or created_places.get(fold(place_name)))
            if place is None and create_missing:
                place = place_service.create_place(ctx, name=place_name)
                created_places[fold(place_name)] = place
                report.created_records.append(f"mötesplatsen {place.name}")
            elif place is None:
                report.error(
                    row.line, "mötesplats",
                    f"'{place_name}' är ingen känd mötesplats." + suggestions(place_name, [p.name for p in places]),
                )
        if place is not None and day is not None and not place.in_use_on(day):
            when = "stängd" if place.closed_on and day > place.closed_on else "inte öppnad"
            report.error(row.line, "mötesplats", f"{place.name} var {when} {day.isoformat()}.")
            place = None

        activity_name = row.text("aktivitet")
        activity_id = None
        if not activity_name:
            report.error(row.line, "aktivitet", "aktivitet saknas.")
        else:
            known = activities.get(fold(activity_name))
            activity_id = known.id if known else created_activities.get(fold(activity_name))
            if activity_id is None and create_missing:
                activity_id = _create_activity(ctx, activity_name, row.text("typ"), report, row.line)
                if activity_id is not None:
                    created_activities[fold(activity_name)] = activity_id
            elif activity_id is None:
                report.error(
                    row.line, "aktivitet",
                    f"'{activity_name}' är ingen känd aktivitet."
                    + suggestions(activity_name, [a.name for a in activities.values()]),
                )

        counts = check_counts(
            check,
            women=row.get("kvinnor"),
            men=row.get("män"),
            other=row.get("övriga"),
            total=row.get("totalt"),
            new_visitors=row.get("nya"),
        )
        if counts.total is None and not check.errors:
            check.fail("total", "ange antal besökare.")
        for error in check.errors:
            report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
        if not check.errors and day is not None and place is not None and activity_id is not None:
            parsed.append((row.line, place.id, activity_id, day, counts))

    if report.errors:
        raise ImportRefused(report)
    _store(ctx, parsed, report)
    return report


def _create_activity(ctx: Ctx, name: str, kind: str, report: ImportReport, line: int) -> int | None:
    kind = kind or "social"
    try:
        kind_by_key(ctx, kind)
    except Exception:
        report.error(line, "typ", f"'{kind}' är ingen aktivitetstyp (fysisk, social, kultur, halsa, evenemang, utflykt, it).")
        return None
    try:
        created = activity_service.create_activity(ctx, name=name, kind=kind)
    except ValidationError as exc:
        report.error(line, "aktivitet", str(exc))
        return None
    report.created_records.append(f"aktiviteten {created.name}")
    return created.id


def _store(ctx: Ctx, parsed: list, report: ImportReport) -> None:
    """Match lines to recorded sessions, then insert and update in bulk."""
    if not parsed:
        return
    s = ActivitySession
    days = [p[3] for p in parsed]
    place_ids = {p[1] for p in parsed}
    existing: dict[tuple, list] = defaultdict(list)
    for row in ctx.session.execute(
        select(s.id, s.place_id, s.activity_id, s.held_on, s.women, s.men, s.other, s.total, s.new_visitors)
        .where(
            s.unit_id == ctx.unit_id,
            s.held_on >= min(days),
            s.held_on <= max(days),
            s.place_id.in_(place_ids),
            s.cancelled.is_(False),
        )
        .order_by(s.held_on, s.starts_at, s.id)
    ):
        existing[(row.place_id, row.activity_id, row.held_on)].append(row)

    seen: dict[tuple, int] = defaultdict(int)
    inserts, updates = [], []
    for _line, place_id, activity_id, day, counts in parsed:
        key = (place_id, activity_id, day)
        index = seen[key]
        seen[key] += 1
        values = (counts.women, counts.men, counts.other, counts.total, counts.new_visitors)
        matches = existing.get(key, ())
        if index < len(matches):
            old = matches[index]
            if (old.women, old.men, old.other, old.total, old.new_visitors) == values:
                report.unchanged += 1
            else:
                updates.append({"_id": old.id, **dict(zip(COUNTS, values))})
                report.updated += 1
        else:
            inserts.append((ctx.unit_id, activity_id, place_id, day, False, *values))
            report.created += 1
    insert_values(ctx.session, s.__table__, NEW_SESSION, inserts)
    if updates:
        table = s.__table__
        ctx.session.execute(
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values(
                women=bindparam("women"),
                men=bindparam("men"),
                other=bindparam("other"),
                total=bindparam("total"),
                new_visitors=bindparam("new_visitors"),
                version=table.c.version + 1,
            ),
            updates,
        )
