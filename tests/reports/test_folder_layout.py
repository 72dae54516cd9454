"""How the folder is laid out for an old reader, read back from the PDF: numbers and dates on
one line, joined slots, no row alone on a page, contents with pages, the booklet's back cover."""

import datetime as dt
import re

import pytest

from seniorhalsan.formatting import weekday_date
from seniorhalsan.reports.booklet import SHEET
from seniorhalsan.reports.folder import FolderReport, render_folder
from seniorhalsan.reports.folder_data import Slot, collect_folder, joined
from seniorhalsan.services import schedule, texts
from tests import factories
from tests.reports import pdftools
from tests.reports.test_folder import write_contact

T = dt.time
PHONE = "08-508 000 00"


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.fixture
def autumn(db):
    write_contact(db, phone=PHONE, email="seniorhalsan@example.org", hours="Vardagar 9–12")
    factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 11))
    return db


def add(db, activity, place, **kw):
    term = db.read(schedule.get_term, "ht2026")
    db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=place.id, **kw)


def test_a_phone_number_never_breaks_across_lines(autumn, tmp_path):
    # lines whose number falls at every place of a printed line, on A4 and in the booklet
    lines = [f"{'Ord ' * n}ring oss på {PHONE} om du undrar." for n in range(6, 24)]
    autumn.call(texts.set_text, "folder.other_actors", "\n".join(lines))
    gympa = factories.activity(autumn, "Seniorgympa")
    add(autumn, gympa, factories.place_named(autumn, "Axelsberg"), weekday=1, starts_at=T(10))
    for booklet in (False, True):
        built = render_folder(autumn.read(collect_folder, "ht2026"), booklet=booklet)
        text = plain(pdftools.text(built.data, tmp_path))
        starts = [line for line in text.splitlines() if "08-508" in line]
        assert len(starts) >= len(lines)
        assert all(PHONE in line for line in starts), [line for line in starts if PHONE not in line]
        assert not re.search(r"(08-508( 000)?|08-)\n", text)


def test_a_date_never_breaks_across_lines(autumn, tmp_path):
    fest = factories.activity(autumn, "Månadens evenemang med musik och föreläsning", kind="evenemang")
    axelsberg = factories.place_named(autumn, "Axelsberg")
    days = [dt.date(2026, 9, 30), dt.date(2026, 9, 10), dt.date(2026, 11, 19), dt.date(2026, 12, 10)]
    for day in days:
        add(autumn, fest, axelsberg, on_date=day, starts_at=T(14), ends_at=T(16))
    for booklet in (False, True):
        text = plain(pdftools.text(render_folder(autumn.read(collect_folder, "ht2026"), booklet=booklet).data,
                                   tmp_path))
        lines = text.splitlines()
        for day in days:
            assert any(weekday_date(day) in line for line in lines), (booklet, weekday_date(day))


def test_slots_that_run_on_into_each_other_print_as_one_row(autumn, tmp_path):
    maria, lena = factories.staff_member(autumn, "Maria Berglind"), factories.staff_member(autumn, "Lena Fors")
    open_place = factories.activity(autumn, "Öppen mötesplats", kind="social")
    gympa = factories.activity(autumn, "Seniorgympa")
    axelsberg = factories.place_named(autumn, "Axelsberg")
    for weekday, start, end, leader in ((1, 9, 12, maria), (1, 12, 16, maria), (2, 9, 12, maria), (2, 13, 16, maria),
                                        (3, 9, 12, maria), (3, 12, 16, lena)):
        add(autumn, open_place, axelsberg, weekday=weekday, starts_at=T(start), ends_at=T(end), leader_id=leader.id)
    add(autumn, gympa, axelsberg, weekday=1, starts_at=T(10), ends_at=T(11))  # in between: still joined
    text = pdftools.squash(pdftools.text(render_folder(autumn.read(collect_folder, "ht2026")).data, tmp_path))
    assert "Måndag 09:00–16:00 Öppen mötesplats Maria Berglind Måndag 10:00–11:00 Seniorgympa" in text
    assert "Tisdag 09:00–12:00 Öppen mötesplats Maria Berglind Tisdag 13:00–16:00 Öppen mötesplats" in text
    assert "Onsdag 09:00–12:00 Öppen mötesplats Maria Berglind Onsdag 12:00–16:00 Öppen mötesplats Lena Fors" in text


def test_joined_keeps_apart_what_differs():
    def slot(start, end, activity="Öppet", note=None):
        return Slot(1, T(start), T(end) if end else None, activity, None, False, note)

    assert joined([slot(12, 16), slot(9, 12), slot(16, 18)]) == [slot(9, 18)]
    assert joined([slot(9, 12), slot(12, 16, note="Jämna veckor")]) == [slot(9, 12), slot(12, 16, note="Jämna veckor")]
    assert joined([slot(9, 12), slot(12, 16, "Gym")]) == [slot(9, 12), slot(12, 16, "Gym")]
    assert joined([slot(9, None), slot(9, 10)]) == [slot(9, None), slot(9, 10)]


@pytest.mark.parametrize("events", range(18, 36))
def test_no_row_stands_alone_on_either_side_of_a_page_break(autumn, tmp_path, events):
    """A long table of events: however many there are, where it breaks at least two of its rows
    are on each page."""
    axelsberg = factories.place_named(autumn, "Axelsberg")
    add(autumn, factories.activity(autumn, "Seniorgympa"), axelsberg, weekday=1, starts_at=T(10))
    day = dt.date(2026, 8, 24)
    for n in range(events):
        add(autumn, factories.activity(autumn, f"Fest {n:02d}", kind="evenemang"), axelsberg, on_date=day,
            starts_at=T(14))
        day += dt.timedelta(days=3)
    built = FolderReport(autumn.read(collect_folder, "ht2026"), booklet=True).build()
    # the events' pages, without the activities described after them
    pages = [page.split("Om aktiviteterna")[0] for page in pdftools.text(built.data, tmp_path).split("\f")
             if "Om aktiviteterna" in page or "Var:" not in page]
    counts = [len(re.findall(r"Fest \d\d", page)) for page in pages]
    assert sum(counts) == events
    assert len([c for c in counts if c]) >= 2  # the table does run on to another page
    assert 1 not in counts, counts


def test_the_contents_give_each_section_its_page(autumn, tmp_path):
    gympa = factories.activity(autumn, "Seniorgympa", description="Gympa för hela kroppen.", needs_signup=True)
    fest = factories.activity(autumn, "Höstfest", kind="evenemang")
    for name in ("Axelsberg", "Fruängsgården", "Gröndal", "Västertorp", "Långbroberg"):
        place = factories.place_named(autumn, name)
        for weekday in range(1, 6):
            for hour in (9, 11, 13, 15):
                add(autumn, gympa, place, weekday=weekday, starts_at=T(hour))
    add(autumn, fest, factories.place_named(autumn, "Axelsberg"), on_date=dt.date(2026, 10, 1), starts_at=T(14))
    data = autumn.read(collect_folder, "ht2026")
    for booklet in (False, True):
        pdf = render_folder(data, booklet=booklet).data
        laid_out = (_unimposed(pdf, tmp_path) if booklet else pdftools.text(pdf, tmp_path, layout=True))
        laid_out = laid_out.split("\f")[:-1]
        pages = [pdftools.squash(p) for p in laid_out]
        contents = laid_out[0] if "Innehåll" in laid_out[0] else laid_out[1]
        listed = [m.groups() for m in (re.match(r"\s*(\S.*?)\s{2,}(\d+)\s*$", line)
                                        for line in contents[contents.index("Innehåll"):].splitlines()) if m]
        titles = [title for title, _ in listed]
        assert titles[:4] == ["Om oss", "Anmälan", "Schema för varje mötesplats", "Axelsberg"]
        assert {"Evenemang och särskilda dagar", "Om aktiviteterna", "Stöd och service", "Kontakt"} <= set(titles)
        for title, page in listed:
            heading = {"Om oss": "Om Seniorhälsan"}.get(title, title)
            assert heading in pages[int(page) - 1], (booklet, title, page)
            if title in ("Fruängsgården", "Långbroberg"):  # and its table does not begin on the page before
                assert f"{heading} Dag Tid" not in pages[int(page) - 2]
        assert listed[-1] == ("Kontakt", str(len(pages) if booklet else listed[-1][1]))


def _unimposed(pdf: bytes, tmp_path) -> str:
    """The text of the booklet's A5 pages in reading order, cut from its imposed sheets."""
    from seniorhalsan.reports.booklet import booklet_order

    sheets = int(pdftools.info(pdf, tmp_path)["Pages"])
    found: dict[int, str] = {}
    for side, pair in enumerate(booklet_order(sheets * 2)):
        for number, x in zip(pair, (0, SHEET[0] / 2), strict=True):
            if number is not None:
                found[number] = pdftools.text(pdf, tmp_path, layout=True, first=side + 1, last=side + 1,
                                              crop=(x, 0, SHEET[0] / 2, SHEET[1])).rstrip("\f")
    return "\f".join(found[n] for n in sorted(found)) + "\f"


def test_the_booklets_back_cover_carries_the_contact_details(autumn, tmp_path):
    autumn.call(texts.set_text, texts.UNIT_HEAD, "Enhetschef: Anna Andersson")
    gympa = factories.activity(autumn, "Seniorgympa")
    add(autumn, gympa, factories.place_named(autumn, "Axelsberg"), weekday=1, starts_at=T(10))
    built = render_folder(autumn.read(collect_folder, "ht2026"), booklet=True)
    assert built.pages % 4 == 0
    back = pdftools.squash(pdftools.text(built.data, tmp_path, first=1, last=1, crop=(0, 0, SHEET[0] / 2, SHEET[1])))
    assert back.startswith("Kontakt Seniorhälsan – Hälsofrämjande enheten")
    assert f"Telefon: {PHONE} Telefontid: Vardagar 9–12 E-post: seniorhalsan@example.org" in back
    assert back.endswith("Enhetschef: Anna Andersson")  # and no page number on a cover
    front = pdftools.squash(pdftools.text(built.data, tmp_path, first=1, last=1,
                                          crop=(SHEET[0] / 2, 0, SHEET[0] / 2, SHEET[1])))
    assert f"Frågor och anmälan Ring {PHONE} Vardagar 9–12" in front
