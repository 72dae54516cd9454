"""The printed lists read back: the leader's participant list and the call list, large and plain,
the waiting list after the places, the font embedded, a long list over pages with its header."""

import datetime as dt

import pytest

from seniorhalsan.errors import UserError
from seniorhalsan.operations.signups import SignUp
from seniorhalsan.reports.signup_lists import collect_list, render_list, write_signup_list
from tests.reports import pdftools
from tests.signup_helpers import on, series, sign_up_people, trip


def test_the_call_list_has_names_phones_and_notes_and_the_waiting_list_after(db, tmp_path):
    occasion = trip(db, places=2)
    sign_up_people(db, occasion, 3)
    with on(db, occasion.on_date - dt.timedelta(days=4)):
        db.perform(SignUp(occasion.list_id, "Gösta Åberg", "08-465 004 22", note="rullator, behöver hämtas"))
    written = write_signup_list(db, occasion.list_id, "ringlista", tmp_path / "ringlista.pdf")
    assert written.pages == 1 and written.title == "Ringlista: Dagsutflykt till Skultuna bruk"
    text = pdftools.text(written.path, tmp_path, layout=True)
    lines = [line.split() for line in text.splitlines() if line.strip()]
    assert "Ringlista" in text and "Lördag 5 december 2026 kl. 09:00" in text
    assert "Platser: 2, med plats: 2, på reservlistan: 2" in text
    wanted = ["Astrid", "Bertil", "Reservlista,", "Cecilia", "Gösta"]
    order = [word for line in lines for word in line if word in wanted]
    assert order == wanted
    assert "08-465 004 22" in text and "rullator, behöver" in text and "hämtas" in text  # the note wraps
    assert all(pdftools.fonts(written.path, tmp_path).values())


def test_the_participant_list_of_a_series_is_for_one_meeting(db, tmp_path):
    course = series(db, weekday=1)
    sign_up_people(db, course, 2)
    data = db.read(collect_list, course.list_id, "deltagare", dt.date(2026, 11, 23))
    text = pdftools.text(render_list(data).data, tmp_path)
    assert "Deltagarlista" in text and "Träffen måndag 23 november 2026 kl. 13:00" in text
    assert "Kom" in text and "Astrid Ek" in text
    with pytest.raises(UserError, match="träffas inte 2026-11-24"):
        db.read(collect_list, course.list_id, "deltagare", dt.date(2026, 11, 24))


def test_a_long_list_runs_over_pages_with_its_header_on_each(db, tmp_path):
    occasion = trip(db, places=40)
    people = [(f"Deltagare Nummer {n}", f"070-200 00 {n:02d}", None) for n in range(1, 46)]
    sign_up_people(db, occasion, len(people), people=people)
    built = render_list(db.read(collect_list, occasion.list_id, "deltagare"))
    assert built.pages >= 2
    pages = pdftools.pages(built.data, tmp_path)
    assert all("Namn" in page and "Telefon" in page for page in pages)
    assert all(f"Sida {n} av {len(pages)}" in page for n, page in enumerate(pages, start=1))
