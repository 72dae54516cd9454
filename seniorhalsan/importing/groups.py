"""Import of group meetings (datum;tjänst;grupp;typ;deltagare;medarbetare) and of trainings for
others' staff (datum;tjänst;målgrupp;ämne;deltagare).

Each line goes through the same operations as the window's Gruppträffar and Utbildningar. A line
is the n-th meeting already recorded with the same day, service, kind and name (a training: day,
service, audience and topic), the n-th such line the n-th such meeting: a line whose count differs
changes that meeting, and only lines beyond those recorded are added. Importing a file twice
therefore adds nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..db.session import Ctx
from ..errors import FieldError, NotFound, UserError, ValidationError
from ..operations.base import Operation
from ..operations.support import AddGroupMeeting, AddTraining, UpdateGroupMeeting, UpdateTraining
from ..roles import requires
from ..services import lookups
from ..services.groups import GroupMeetingInfo, TrainingInfo, same_group_meetings, same_trainings
from ..vocabulary import GROUP_KINDS, fold, lookup
from .cells import count_cells, date_cell
from .names import Names
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows, suggestions

GROUP_ALIASES = {
    "datum": "datum",
    "dag": "datum",
    "tjanst": "tjänst",
    "insats": "tjänst",
    "grupp": "grupp",
    "namn": "grupp",
    "typ": "typ",
    "slag": "typ",
    "deltagare": "deltagare",
    "antal": "deltagare",
    "antal deltagare": "deltagare",
    "medarbetare": "medarbetare",
    "ledare": "medarbetare",
}
TRAINING_ALIASES = {
    "datum": "datum",
    "dag": "datum",
    "tjanst": "tjänst",
    "insats": "tjänst",
    "malgrupp": "målgrupp",
    "amne": "ämne",
    "deltagare": "deltagare",
    "antal": "deltagare",
    "antal deltagare": "deltagare",
}
# words of the unit's spreadsheets for the kinds that have another label in the program
KIND_ALIASES = {"drop in": "cafe", "drop-in": "cafe", "information": "informationstraff",
                "informationstraffar": "informationstraff", "anhoriggrupper": "anhoriggrupp",
                "samtalsgrupper": "samtalsgrupp", "kurser": "kurs"}

COLUMN_OF_FIELD = {
    "date": "datum",
    "service": "tjänst",
    "group_kind": "typ",
    "group_title": "grupp",
    "participants": "deltagare",
    "staff": "medarbetare",
    "audience": "målgrupp",
    "topic": "ämne",
}


@requires("persons")
def import_groups(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="gruppträffar")
    _check_columns(table, ("datum", "tjänst", "grupp", "typ", "deltagare"),
                   "datum;tjänst;grupp;typ;deltagare;medarbetare")
    lines = _Lines(ctx, report, create_missing)
    return _read(table, report, lines.group)


@requires("persons")
def import_trainings(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="utbildningar")
    _check_columns(table, ("datum", "målgrupp", "deltagare"), "datum;tjänst;målgrupp;ämne;deltagare")
    lines = _Lines(ctx, report, create_missing)
    return _read(table, report, lines.training)


def _check_columns(table: Table, needed: tuple[str, ...], first_line: str) -> None:
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValidationError(FieldError(
            "columns", "filen saknar " + ", ".join(missing) + f". Första raden ska vara {first_line}."))


def _read(table: Table, report: ImportReport, save: Callable[[Row], None]) -> ImportReport:
    """Each line saved in turn; the file is read as a stream and given up after 1 000 bad lines."""
    for row in checked_rows(table, report):
        save(row)
    if report.errors:
        raise ImportRefused(report)
    return report


class _Lines:
    """Reads each line into the window's fields and saves it; the services a file names are
    looked up once."""

    def __init__(self, ctx: Ctx, report: ImportReport, create_missing: bool) -> None:
        self.ctx, self.report = ctx, report
        self.names = Names(ctx, report, create_missing)
        self.services = lookups.services(ctx)
        self.service_keys: dict[str, str | None] = {}
        self.occurrences: Counter[tuple] = Counter()  # lines seen of each meeting, to match the n-th

    def group(self, row: Row) -> None:
        report, errors = self.report, len(self.report.errors)
        day = date_cell(report, row, "datum", today=self.ctx.today)
        service = self._service(row, required=True)
        counts = count_cells(report, row, {"participants": "deltagare"})
        staff_id = self.names.leader(row, "medarbetare")
        typed = row.text("typ")
        kind = lookup(GROUP_KINDS, typed) or KIND_ALIASES.get(fold(typed))
        if typed and kind is None:
            report.error(row.line, "typ", f"'{typed}' är ingen typ av grupp; skriv anhöriggrupp, kurs, öppen "
                         "mottagning, samtalsgrupp, informationsträff eller annat.")
        if len(report.errors) > errors or counts is None or service is None:  # a missing service is an error
            return
        title = row.text("grupp") or None
        participants = counts["participants"]
        same: list[GroupMeetingInfo] = []
        if day is not None and service and kind and title:
            same = same_group_meetings(self.ctx, service=service, held_on=day, kind=kind, title=title)
        self._apply(row, ("group", day, service, kind, title), same, participants,
                    add=lambda: AddGroupMeeting(service, day, kind, title, participants, staff_id=staff_id),
                    update=lambda found: UpdateGroupMeeting(found.id, found.version, participants=participants))

    def training(self, row: Row) -> None:
        report, errors = self.report, len(self.report.errors)
        day = date_cell(report, row, "datum", today=self.ctx.today)
        service = self._service(row, required=False)
        counts = count_cells(report, row, {"participants": "deltagare"})
        if len(report.errors) > errors or counts is None:
            return
        audience, topic = row.text("målgrupp") or None, row.text("ämne") or None
        participants = counts["participants"]
        same: list[TrainingInfo] = []
        if day is not None and audience:
            same = same_trainings(self.ctx, service=service, held_on=day, audience=audience, topic=topic)
        self._apply(row, ("training", day, service, audience, topic), same, participants,
                    add=lambda: AddTraining(day, audience, participants, service=service, topic=topic),
                    update=lambda found: UpdateTraining(found.id, found.version, participants=participants))

    def _apply(
        self,
        row: Row,
        key: tuple[object, ...],
        same: Sequence[GroupMeetingInfo | TrainingInfo],
        participants: int | None,
        *,
        add: Callable[[], Operation[Any]],
        update: Callable[[Any], Operation[Any]],
    ) -> None:
        """The line is the n-th recorded one of its kind (changed when its count differs), or new."""
        index = self.occurrences[key]
        self.occurrences[key] += 1
        try:
            if index < len(same):
                found = same[index]
                if participants is not None and found.participants != participants:
                    update(found).apply(self.ctx)
                    self.report.updated += 1
                else:
                    self.report.unchanged += 1
                return
            add().apply(self.ctx)
            self.report.created += 1
        except ValidationError as exc:
            for error in exc.errors:
                self.report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
        except UserError as exc:  # a service the user does not work with
            self.report.error(row.line, "tjänst", str(exc))

    def _service(self, row: Row, *, required: bool) -> str | None:
        """The key of the service a line names (by name or key), or None (an error when required)."""
        text = row.text("tjänst")
        if not text:
            if required:
                self.report.error(row.line, "tjänst", "tjänst saknas.")
            return None
        if text not in self.service_keys:
            try:
                self.service_keys[text] = lookups.service_by_key(self.ctx, text).key
            except NotFound:
                self.service_keys[text] = None
        key = self.service_keys[text]
        if key is None:
            self.report.error(row.line, "tjänst", f"'{text}' är ingen insats."
                              + suggestions(text, [s.name for s in self.services]))
        return key

