"""The term folder: the printed programme for seniors, on A4 pages or as an A5 booklet.

Made for old eyes: 14 pt body text and larger headings, dark text on white, one
legible font, no text over pictures, table rows that never split across pages.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.flowables import HRFlowable

from ..formatting import date_span, time_short, weekday_date
from ..vocabulary import WEEKDAYS
from . import fonts
from .base import ACCENT, Built, Report
from .booklet import impose
from .folder_data import DatedEvent, FolderData, PlaceSchedule, Slot

NO_SCHEDULE = "Schemat för terminen är inte klart ännu."


def _times(starts_at, ends_at) -> str:
    return f"{time_short(starts_at)}–{time_short(ends_at)}" if ends_at else time_short(starts_at)


def _weekday(number: int) -> str:
    return WEEKDAYS[number - 1].capitalize()


class FolderReport(Report):
    """The folder of one term; `booklet` sets it on A5 pages for imposition."""

    base_size = 14

    def __init__(self, data: FolderData, *, booklet: bool = False) -> None:
        self.data = data
        self.booklet = booklet
        self.pagesize = A5 if booklet else A4
        self.margin = 14 * mm if booklet else 20 * mm
        self.title = f"{data.title} – {data.unit_name}"
        self.author = data.unit_name
        super().__init__()

    # --- the story -------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [*self.cover(), NextPageTemplate("body"), PageBreak()]
        if d.presentation:
            out += [self.p("Om " + d.unit_name.split(" – ")[0], "h1"), *self.paragraphs(d.presentation, "lead")]
        out += self.schedule()
        if d.activities:
            out += self.section("Om aktiviteterna")
            out += [self.activity_block(a) for a in d.activities]
        if d.services:
            out += self.section("Stöd och service")
            for s in d.services:
                block = [self.p(s.name, "h2")]
                if s.target_group:
                    block.append(self.markup(f"<b>För vem:</b> {self.glyphs.markup(s.target_group)}"))
                block += self.paragraphs(s.text)
                out.append(KeepTogether(block))
        for heading, text, as_lines in (
            ("Tyck till", d.feedback, False),
            ("Andra aktörer", d.other_actors, True),
            ("Kontakt", d.unit_head, True),
        ):
            if text:
                out += [*self.section(heading), *(self.lines(text) if as_lines else self.paragraphs(text))]
        return out

    def section(self, heading: str, *, before_table: bool = False, need: float | None = None) -> list[Flowable]:
        """A main heading; begins a new page when less than a third of this one (or `need`) is left."""
        paragraph = self.p(heading, "h1")
        if before_table:
            paragraph.keepWithNext = False  # the page break above already leaves room for rows
        return [CondPageBreak(need or self.pagesize[1] / 3), paragraph]

    def lines(self, text: str) -> list[Flowable]:
        """A list the unit wrote one item per line: each line its own paragraph."""
        return [self.p(line.strip()) for line in text.splitlines() if line.strip()]

    def cover(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [
            Spacer(1, 0 if self.booklet else self.pagesize[1] * 0.08),
            self.p(d.unit_name, "cover_unit"),
            self.p(d.title, "title"),
            HRFlowable(width="100%", thickness=4, color=ACCENT, spaceBefore=4, spaceAfter=18),
            self.p("Program med aktiviteter, stöd och service", "cover_line"),
            self.p(date_span(d.starts_on, d.ends_on), "cover_line"),
        ]
        if d.district:
            out.append(self.p(d.district, "cover_line"))
        out += [Spacer(1, self.base_size), self.p("I foldern", "h2")]
        contents = []
        if d.presentation:
            contents.append("Om oss")
        contents.append("Schema för varje mötesplats" if not d.is_summer else "Sommarens utflykter och schema")
        if d.activities:
            contents.append("Om aktiviteterna")
        contents += [h for h, t in (("Stöd och service", d.services), ("Tyck till", d.feedback),
                                    ("Andra aktörer", d.other_actors), ("Kontakt", d.unit_head)) if t]
        out += [self.markup(f"<bullet>\u2022</bullet>{c}", "item") for c in contents]
        return out

    # --- the schedule ------------------------------------------------------------------------
    def schedule(self) -> list[Flowable]:
        d = self.data
        if not d.has_schedule:
            return [*self.section("Schema"), self.p(NO_SCHEDULE, "lead")]
        out: list[Flowable] = []
        events = self.events_table(d.events) if d.events else None
        if d.is_summer and events is not None:
            out += [*self.section("Sommarens utflykter och evenemang", before_table=True), events]
        if d.places:
            # room for the first place's table too, so that the heading is not left alone
            out += self.section("Varje vecka i sommar" if d.is_summer else "Schema för varje mötesplats",
                                need=self.base_size * 19)
            out.append(self.p(f"Schemat gäller {date_span(d.starts_on, d.ends_on)}.", "body"))
            for index, place in enumerate(d.places):
                out += self.place_block(place, first=index == 0)
        if not d.is_summer and events is not None:
            out += [*self.section("Evenemang och särskilda dagar", before_table=True), events]
        return out

    def place_block(self, place: PlaceSchedule, *, first: bool = False) -> list[Flowable]:
        # The place is named in the table's own header, so that a page the table runs
        # on to still says where; the page break keeps the header with two rows.
        table = [self.slots_table(place), Spacer(1, self.base_size)]
        return table if first else [CondPageBreak(self.base_size * 14), *table]

    def _leader(self, slot: Slot) -> str:
        leader = slot.leader or ""
        if leader and slot.volunteer:
            leader += " (volontär)"
        return leader

    def slots_table(self, place: PlaceSchedule) -> Flowable:
        w = self.frame_width
        slots = place.slots
        bands, band, previous = [], -1, None
        for s in slots:
            if s.weekday != previous:
                band, previous = band + 1, s.weekday
            bands.append(band)
        title = f"{self.glyphs.markup(place.name)}"
        if place.address:
            title += f'<br/><font name="{fonts.REGULAR}" size="{self.base_size}">{self.glyphs.markup(place.address)}</font>'
        title_cell = self.markup(title, "cell_title")
        if self.booklet:
            rows: list[list] = [[title_cell, None, None], ["Dag", "Tid", "Aktivitet och ledare"]]
            for s in slots:
                parts = [f"<b>{self.glyphs.markup(s.activity)}</b>"]
                if s.note:
                    parts.append(f"<i>{self.glyphs.markup(s.note)}</i>")
                if self._leader(s):
                    parts.append(self.glyphs.markup(self._leader(s)))
                rows.append([_weekday(s.weekday), _times(s.starts_at, s.ends_at),
                             self.markup("<br/>".join(parts), "cell")])
            widths = [0.22 * w, 0.29 * w, 0.49 * w]
        else:
            rows = [[title_cell, None, None, None], ["Dag", "Tid", "Aktivitet", "Ledare"]]
            for s in slots:
                activity = f"<b>{self.glyphs.markup(s.activity)}</b>"
                if s.note:
                    activity += f"<br/><i>{self.glyphs.markup(s.note)}</i>"
                rows.append([_weekday(s.weekday), _times(s.starts_at, s.ends_at), self.markup(activity, "cell"),
                             self._leader(s) or None])
            widths = [0.17 * w, 0.22 * w, 0.34 * w, 0.27 * w]
        return self.table(rows, widths, header_rows=2, bands=bands,
                          extra=[("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.white)])

    def events_table(self, events: tuple[DatedEvent, ...]) -> Flowable:
        w = self.frame_width
        if self.booklet:
            rows: list[list] = [["Datum och tid", "Aktivitet och plats"]]
            for e in events:
                when = f"{weekday_date(e.day)}<br/>{_times(e.starts_at, e.ends_at)}"
                what = f"<b>{self.glyphs.markup(e.activity)}</b><br/>{self.glyphs.markup(e.place)}"
                if e.note:
                    what += f"<br/><i>{self.glyphs.markup(e.note)}</i>"
                rows.append([self.markup(when, "cell"), self.markup(what, "cell")])
            return self.table(rows, [0.42 * w, 0.58 * w])
        rows = [["Datum", "Tid", "Aktivitet", "Plats"]]
        for e in events:
            what = f"<b>{self.glyphs.markup(e.activity)}</b>"
            if e.note:
                what += f"<br/><i>{self.glyphs.markup(e.note)}</i>"
            rows.append([weekday_date(e.day), _times(e.starts_at, e.ends_at), self.markup(what, "cell"), e.place])
        return self.table(rows, [0.3 * w, 0.19 * w, 0.29 * w, 0.22 * w])

    # --- the activities ----------------------------------------------------------------------
    def activity_block(self, activity) -> Flowable:
        block: list[Flowable] = [self.p(activity.name, "h3")]
        if activity.flags:
            block.append(self.p(" · ".join(activity.flags), "flags"))
        block.append(self.markup(f"<b>Var:</b> {self.glyphs.markup(', '.join(activity.places))}"))
        if activity.description:
            block += self.paragraphs(activity.description)
        return KeepTogether(block)


def render_folder(data: FolderData, *, booklet: bool = False) -> Built:
    """The folder as PDF bytes: A4 pages, or A5 pages imposed two to an A4 landscape sheet."""
    built = FolderReport(data, booklet=booklet).build()
    if booklet:
        return Built(impose(built.data), built.pages, built.missing)
    return built
