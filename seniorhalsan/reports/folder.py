"""The term folder: the printed programme for seniors, on A4 pages or as an A5 booklet.

Made for old eyes: 14 pt body text and larger headings, dark text on white, one
legible font, no text over pictures, table rows that never split across pages, phone
numbers and dates that never break across lines. It is built twice: the first build
finds the page of each section for the contents (and, for the booklet, how many pages
come before the back cover, which carries the contact details).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ..formatting import date_span, weekday_date
from . import fonts
from .base import ACCENT, RULE, Built, Report
from .booklet import impose, padded
from .draft import with_draft_marks
from .folder_data import ActivityText, DatedEvent, FolderData, FolderNotReady, PlaceSchedule, Slot
from .folder_text import (
    how_to_sign_up,
    no_break,
    service_reach,
    short_name,
    signup_summary,
    times_text,
    unbroken,
    weekday_name,
)

NO_SCHEDULE = "Schemat för terminen är inte klart ännu."
SIGNUP = "Anmälan krävs"


class _Marked(Paragraph):
    """A heading that notes the page it is drawn on, for the contents."""

    mark: tuple[str, dict[str, int]] | None = None

    def draw(self) -> None:
        if self.mark is not None:
            key, found = self.mark
            found.setdefault(key, self.canv.getPageNumber())
        super().draw()


class FolderReport(Report):
    """The folder of one term; `booklet` sets it on A5 pages for imposition.

    `pages` are the pages of the sections from an earlier build (the contents show them),
    `notes` the number of pages for notes before the booklet's back cover.
    """

    base_size = 14

    def __init__(self, data: FolderData, *, booklet: bool = False, draft: bool = False,
                 pages: dict[str, int] | None = None, notes: int = 0) -> None:
        self.data = data
        self.booklet = booklet
        self.draft = draft
        self.pages = pages
        self.notes = notes
        self.found: dict[str, int] = {}
        self.pagesize = A5 if booklet else A4
        self.margin = 14 * mm if booklet else 20 * mm
        self.title = f"{'Utkast: ' if draft else ''}{data.title} – {data.unit_name}"
        self.author = data.unit_name
        super().__init__()

    def p(self, text: str | None, style: str = "body") -> Paragraph:
        return super().p(unbroken(text or ""), style)

    def heading(self, text: str, key: str, style: str = "h1") -> Paragraph:
        paragraph = _Marked(self.glyphs.markup(text), self.styles[style])
        paragraph.mark = (key, self.found)
        return paragraph

    # --- the story -------------------------------------------------------------------------
    def contents_entries(self) -> list[tuple[str, str, bool]]:
        """(key, title, a place under the schedule) in the order of the folder."""
        d = self.data
        out = []
        if d.presentation:
            out.append(("about", "Om oss", False))
        if signup_summary(d):
            out.append(("signup", "Anmälan", False))
        if d.is_summer and d.events:
            out.append(("events", "Sommarens utflykter och evenemang", False))
        if d.places or not d.has_schedule:
            out.append(("schedule", "Varje vecka i sommar" if d.is_summer else "Schema för varje mötesplats", False))
            out += [(f"place:{p.name}", p.name, True) for p in d.places]
        if not d.is_summer and d.events:
            out.append(("events", "Evenemang och särskilda dagar", False))
        if d.activities:
            out.append(("activities", "Om aktiviteterna", False))
        out += [(key, title, False) for key, title, text in (
            ("services", "Stöd och service", d.services), ("feedback", "Tyck till", d.feedback),
            ("others", "Andra aktörer", d.partners or d.other_actors), ("contact", "Kontakt", True)) if text]
        return out

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [*self.cover(), NextPageTemplate("body"), *self.contents(), PageBreak()]
        if d.presentation:
            out += [self.heading("Om " + short_name(d.unit_name), "about"), *self.paragraphs(d.presentation, "lead")]
        signup = signup_summary(d)
        if signup:
            out += [CondPageBreak(self.base_size * 8), self.heading("Anmälan", "signup", "h2"),
                    *(self.p(text, "lead") for text in signup)]
        out += self.schedule()
        if d.activities:
            out += self.section("Om aktiviteterna", "activities")
            out += [self.activity_block(a) for a in d.activities]
        if d.services:
            out += self.section("Stöd och service", "services")
            for s in d.services:
                block = [self.p(s.name, "h2")]
                if s.target_group:
                    block.append(self.markup(f"<b>För vem:</b> {self.glyphs.markup(s.target_group)}"))
                block += self.paragraphs(s.text)
                reach = service_reach(s.text, d)
                if reach:
                    block.append(self.markup(f"<b>Kontakt:</b> {self.glyphs.markup(unbroken(reach))}"))
                out.append(KeepTogether(block))
        if d.feedback:
            out += [*self.section("Tyck till", "feedback"), *self.paragraphs(d.feedback)]
        if d.partners:  # the partner register, once the unit has said what it does with them
            out += [*self.section("Andra aktörer", "others"), *(self.partner(p) for p in d.partners)]
        elif d.other_actors:
            out += [*self.section("Andra aktörer", "others"), *self.lines(d.other_actors)]
        if self.booklet:
            for _ in range(self.notes):
                out += [PageBreak(), *self.notes_page()]
            out += [NextPageTemplate("back"), PageBreak(), *self.back_cover()]
        else:
            out += [*self.section("Kontakt", "contact"), *self.contact_lines()]
        return out

    def section(self, heading: str, key: str, *, before_table: bool = False,
                need: float | None = None) -> list[Flowable]:
        """A main heading; begins a new page when less than a third of this one (or `need`) is left."""
        paragraph = self.heading(heading, key)
        if before_table:
            paragraph.keepWithNext = False  # the page break above already leaves room for rows
        return [CondPageBreak(need or self.pagesize[1] / 3), paragraph]

    def partner(self, partner) -> Flowable:
        """A partner and what the unit does with them, and how to reach them when the unit wrote it."""
        text = f"<b>{self.glyphs.markup(partner.name)}</b>: {self.glyphs.markup(unbroken(partner.together))}"
        if partner.contact:
            text += f" <b>Kontakt:</b> {self.glyphs.markup(unbroken(partner.contact))}"
        return self.markup(text)

    def lines(self, text: str) -> list[Flowable]:
        """A list the unit wrote one item per line: each line its own paragraph."""
        return [self.p(line.strip()) for line in text.splitlines() if line.strip()]

    def cover(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [
            Spacer(1, 0 if self.booklet else self.pagesize[1] * 0.06),
            self.p(d.unit_name, "cover_unit"),
            self.p(d.title, "title"),
            HRFlowable(width="100%", thickness=4, color=ACCENT, spaceBefore=4, spaceAfter=18),
            self.p("Program med aktiviteter, stöd och service", "cover_line"),
            self.p(date_span(d.starts_on, d.ends_on), "cover_line"),
        ]
        if d.district:
            out.append(self.p(d.district, "cover_line"))
        if d.contact.phone:
            out += [Spacer(1, self.base_size), self.p("Frågor och anmälan", "h2"),
                    self.p(f"Ring {d.contact.phone}", "cover_line")]
            if d.contact.hours:
                out.append(self.p(d.contact.hours, "cover_line"))
        if self.draft and d.contact.missing:
            out += [Spacer(1, self.base_size),
                    self.p(f"Utkast: {' och '.join(d.contact.missing)} saknas.", "flags")]
        return out

    def contents(self) -> list[Flowable]:
        """The contents with the page of each section: on the cover when there is room, else on page 2."""
        rows, style = [], []
        for index, (key, title, place) in enumerate(self.contents_entries()):
            page = str(self.pages.get(key, "")) if self.pages is not None else "00"
            rows.append([self.p(title, "cell"), self.p(page, "cell_num")])
            if place:
                style.append(("LEFTPADDING", (0, index), (0, index), self.base_size * 1.2))
        width = self.frame_width if self.booklet else self.frame_width * 0.75
        table = Table(rows, colWidths=[width - self.base_size * 3, self.base_size * 3], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # or reportlab names Helvetica, not embedded
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),  # a rule leads the eye from a title to its page
            *style,
        ]))
        return [KeepTogether([self.p("Innehåll", "h2"), table])]

    # --- the schedule ------------------------------------------------------------------------
    def schedule(self) -> list[Flowable]:
        d = self.data
        if not d.has_schedule:
            return [*self.section("Schema", "schedule"), self.p(NO_SCHEDULE, "lead")]
        out: list[Flowable] = []
        events = self.events_table(d.events) if d.events else None
        if d.is_summer and events is not None:
            out += [*self.section("Sommarens utflykter och evenemang", "events", before_table=True), events]
        if d.places:
            # room for the first place's table too, so that the heading is not left alone
            out += self.section("Varje vecka i sommar" if d.is_summer else "Schema för varje mötesplats", "schedule",
                                need=self.base_size * 19)
            out.append(self.p(f"Schemat gäller {date_span(d.starts_on, d.ends_on)}.", "body"))
            for place in d.places:
                out += self.place_block(place)
        if not d.is_summer and events is not None:
            out += [*self.section("Evenemang och särskilda dagar", "events", before_table=True), events]
        return out

    def place_block(self, place: PlaceSchedule, *, first: bool = False) -> list[Flowable]:
        # The place is named in the table's own header, so that a page the table runs on to
        # still says where. A place that fits on a page is kept on one page; a longer one starts
        # where it is and runs on, never with a row alone on either side of the break.
        table = self.slots_table(place)
        height = table.wrap(self.frame_width, self.pagesize[1])[1]
        fits = height <= self.pagesize[1] - 2 * self.margin - self.footer_height
        return [KeepTogether([table]) if fits else table, Spacer(1, self.base_size)]

    def _leader(self, slot: Slot) -> str:
        leader = slot.leader or ""
        if leader and slot.volunteer:
            leader += " (volontär)"
        return leader

    def _what(self, name: str, note: str | None, needs_signup: bool, extra: str | None = None,
              last_day: dt.date | None = None) -> str:
        parts = [f"<b>{self.glyphs.markup(name)}</b>"]
        if needs_signup and last_day is not None:
            parts.append(f"{SIGNUP}, senast {no_break(weekday_date(last_day).lower())}")
        elif needs_signup:
            parts.append(SIGNUP)
        if note:
            parts.append(f"<i>{self.glyphs.markup(unbroken(note))}</i>")
        if extra:
            parts.append(self.glyphs.markup(extra))
        return "<br/>".join(parts)

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
            title += (f'<br/><font name="{fonts.REGULAR}" size="{self.base_size}">'
                      f'{self.glyphs.markup(unbroken(place.address))}</font>')
        title_cell = _Marked(title, self.styles["cell_title"])
        title_cell.mark = (f"place:{place.name}", self.found)
        if self.booklet:
            rows: list[list] = [[title_cell, None, None], ["Dag", "Tid", "Aktivitet och ledare"]]
            for s in slots:
                what = self._what(s.activity, s.note, s.needs_signup, self._leader(s) or None)
                rows.append([weekday_name(s.weekday), times_text(s.starts_at, s.ends_at), self.markup(what, "cell")])
            widths = [0.22 * w, 0.29 * w, 0.49 * w]
        else:
            rows = [[title_cell, None, None, None], ["Dag", "Tid", "Aktivitet", "Ledare"]]
            for s in slots:
                rows.append([weekday_name(s.weekday), times_text(s.starts_at, s.ends_at),
                             self.markup(self._what(s.activity, s.note, s.needs_signup), "cell"),
                             self._leader(s) or None])
            widths = [0.17 * w, 0.22 * w, 0.34 * w, 0.27 * w]
        # a day's rows stay on one page: a page break comes between two days
        days = [("NOSPLIT", (0, 2 + bands.index(b)), (-1, 2 + len(bands) - 1 - bands[::-1].index(b)))
                for b in sorted(set(bands))]
        return self.table(rows, widths, header_rows=2, bands=bands,
                          extra=[("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.white), *days])

    def _date_width(self, events: tuple[DatedEvent, ...]) -> float:
        """Room for the longest date on one line ("Torsdag 30 september")."""
        longest = max(stringWidth(weekday_date(e.day), fonts.REGULAR, self.base_size) for e in events)
        return longest + 2 * self.base_size * 0.35 + 2

    def events_table(self, events: tuple[DatedEvent, ...]) -> Flowable:
        w = self.frame_width
        first = max(0.3 * w, self._date_width(events))
        heads = ["Datum och tid", "Aktivitet och plats"] if self.booklet else ["Datum och tid", "Aktivitet", "Plats"]
        rows: list[list] = [heads]
        for e in events:
            when = self.markup(f"{no_break(weekday_date(e.day))}<br/>{times_text(e.starts_at, e.ends_at)}", "cell")
            if self.booklet:
                rows.append([when, self.markup(self._what(e.activity, e.note, e.needs_signup, e.place, e.last_day),
                                               "cell")])
            else:
                rows.append([when, self.markup(self._what(e.activity, e.note, e.needs_signup, None, e.last_day),
                                               "cell"), e.place])
        widths = [first, w - first] if self.booklet else [first, 0.6 * (w - first), 0.4 * (w - first)]
        return self.table(rows, widths)

    # --- the activities ----------------------------------------------------------------------
    def activity_block(self, activity: ActivityText) -> Flowable:
        block: list[Flowable] = [self.p(activity.name, "h3")]
        if activity.flags:
            block.append(self.p(" · ".join(activity.flags), "flags"))
        block.append(self.markup(f"<b>Var:</b> {self.glyphs.markup(', '.join(activity.places))}"))
        if activity.description:
            block += self.paragraphs(activity.description)
        if activity.needs_signup:
            how = unbroken(how_to_sign_up(activity, self.data))
            block.append(self.markup(f"<b>Anmälan:</b> {self.glyphs.markup(how)}"))
        return KeepTogether(block)

    # --- how to reach the unit ---------------------------------------------------------------
    def contact_lines(self, style: str = "body") -> list[Flowable]:
        c = self.data.contact
        out: list[Flowable] = []
        for label, value in (("Telefon", c.phone), ("Telefontid", c.hours), ("E-post", c.email)):
            if value:
                out.append(self.markup(f"<b>{label}:</b> {self.glyphs.markup(unbroken(value))}", style))
        for text in (c.address, c.unit_head):
            if text:
                out += [Spacer(1, self.base_size * 0.3), *(self.p(line.strip(), style) for line in text.splitlines()
                                                            if line.strip())]
        return out

    def back_cover(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [self.heading("Kontakt", "contact"), self.p(d.unit_name, "cover_unit")]
        if d.district:
            out.append(self.p(d.district, "lead"))
        return [*out, Spacer(1, self.base_size * 0.5), *self.contact_lines("lead")]

    def notes_page(self) -> list[Flowable]:
        """A page for the reader's own notes, where the booklet needs pages before its back cover."""
        gap = self.base_size * 1.8
        count = int((self.pagesize[1] - 2 * self.margin - self.footer_height) / gap) - 2
        ruled = [HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=gap - 0.5, spaceAfter=0)
                 for _ in range(count)]
        return [self.p("Anteckningar", "h2"), *ruled]

    # --- pages -------------------------------------------------------------------------------
    def page_templates(self) -> list[PageTemplate]:
        templates = super().page_templates()
        templates.append(PageTemplate(id="back", frames=[self._frame("back", self.pagesize)],
                                      pagesize=self.pagesize))
        if self.draft:
            for template in templates:
                template.onPage = with_draft_marks(template.onPage, self.pagesize, self.margin, self.base_size)
        return templates


def render_folder(data: FolderData, *, booklet: bool = False, draft: bool = False) -> Built:
    """The folder as PDF bytes: A4 pages, or A5 pages imposed two to an A4 landscape sheet.

    Refused (FolderNotReady) while the unit's contact details are missing, unless a draft.
    """
    if data.contact.missing and not draft:
        raise FolderNotReady(data.contact.missing)
    first = FolderReport(data, booklet=booklet, draft=draft)
    pages = first.build().pages
    notes = padded(pages) - pages if booklet else 0
    found = dict(first.found)
    if "contact" in found:
        found["contact"] += notes  # the back cover comes after the notes pages
    built = FolderReport(data, booklet=booklet, draft=draft, pages=found, notes=notes).build()
    if booklet:
        return Built(impose(built.data), built.pages, built.missing)
    return built
