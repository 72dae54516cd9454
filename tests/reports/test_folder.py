"""The term folder, built from a small hand-made schedule and read back from the PDF."""

import datetime as dt

import pytest

from seniorhalsan.errors import NotFound, UserError
from seniorhalsan.operations.catalogue import SetTexts, UpdatePlace
from seniorhalsan.reports.booklet import SHEET, padded
from seniorhalsan.reports.folder import NO_SCHEDULE, FolderReport, render_folder
from seniorhalsan.reports.folder_data import collect_folder
from seniorhalsan.services import places, schedule, texts
from tests import factories
from tests.reports import pdftools

T = dt.time


@pytest.fixture
def spring(db):
    """vt2026 with three places in use, a volunteer, flags, and an activity off the schedule."""
    term = factories.term(db)  # vt2026, 12 januari – 5 juni 2026
    axelsberg = factories.place_named(db, "Axelsberg")
    digital = factories.place_named(db, "Digitalt")
    garden = factories.place(db, "Testgården", address="Testvägen 1")
    anna = factories.staff_member(db, "Anna Ledare")
    volle = factories.staff_member(db, "Volle Volontär", kind="volontar")
    gympa = factories.activity(db, "Seniorgympa", description="Gympa för hela kroppen.", leader_id=anna.id)
    canasta = factories.activity(db, "Canasta", kind="social", description="Vi spelar kort.", leader_id=volle.id)
    mindful = factories.activity(db, "Mindfulness digitalt", description="Hemifrån.", digital=True,
                                 needs_signup=True, leader_id=anna.id)
    ute = factories.activity(db, "Utegym", description="Ute i parken.", outdoors=True)
    fest = factories.activity(db, "Vårfest", kind="evenemang", description="Musik och fika.")
    factories.activity(db, "Oschemalagd aktivitet", description="Finns inte i schemat.")

    def slot(activity, place, **kw):
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=place.id, **kw)

    slot(canasta, axelsberg, weekday=3, starts_at=T(13, 0), ends_at=T(15, 0))
    slot(gympa, axelsberg, weekday=1, starts_at=T(13, 0), ends_at=T(14, 0))
    slot(gympa, axelsberg, weekday=1, starts_at=T(9, 30), ends_at=T(10, 30))
    slot(ute, garden, weekday=2, starts_at=T(10, 0))
    slot(mindful, digital, weekday=4, starts_at=T(18, 0), ends_at=T(18, 45))
    slot(fest, axelsberg, on_date=dt.date(2026, 3, 12), starts_at=T(14, 0), ends_at=T(16, 0))
    db.call(texts.set_text, "folder.presentation", "Välkommen till Testenheten, skrivet i programmet.")
    write_contact(db)
    return db


def write_contact(db, phone="08-123 456 78", email="enheten@example.org", hours=None, **more):
    """The unit's contact details, as it writes them under Utskrifter (a folder needs them)."""
    values = {texts.CONTACT_PHONE: phone, texts.CONTACT_EMAIL: email, texts.CONTACT_HOURS: hours, **more}
    db.perform(SetTexts(tuple(values.items())))


def between(text: str, start: str, end: str) -> str:
    """The part of the text from the last `start` to the last `end` (the cover lists headings too)."""
    return text[text.rindex(start): text.rindex(end)]


def test_the_folder_shows_the_schedule_per_place_in_weekday_and_time_order(spring, tmp_path):
    built = render_folder(spring.read(collect_folder, "vt2026"))
    text = pdftools.squash(pdftools.text(built.data, tmp_path))
    assert "Vårtermin 2026" in text and "12 januari – 5 juni 2026" in text
    assert "Välkommen till Testenheten, skrivet i programmet." in text
    axelsberg = between(text, "Axelsberg Dag Tid", "Digitalt")
    rows = ["Måndag 09:30–10:30 Seniorgympa Anna Ledare", "Måndag 13:00–14:00 Seniorgympa Anna Ledare",
            "Onsdag 13:00–15:00 Canasta Volle Volontär (volontär)"]
    assert [axelsberg.index(r) for r in rows] == sorted(axelsberg.index(r) for r in rows)
    assert "Testgården Testvägen 1" in text and "Tisdag 10:00 Utegym" in text
    assert "Gröndal" not in text  # a place without entries is left out
    assert "Evenemang och särskilda dagar" in text and "Torsdag 12 mars 14:00–16:00 Vårfest Axelsberg" in text
    assert f"Sida 2 av {built.pages}" in text and f"Sida {built.pages} av {built.pages}" in text


def test_activities_are_described_alphabetically_with_their_flags(spring, tmp_path):
    text = pdftools.squash(pdftools.text(render_folder(spring.read(collect_folder, "vt2026")).data, tmp_path))
    described = between(text, "Om aktiviteterna", "Stöd och service")
    names = ["Canasta", "Mindfulness digitalt", "Seniorgympa", "Utegym", "Vårfest"]
    assert [described.index(n + " ") for n in names] == sorted(described.index(n + " ") for n in names)
    assert ("Mindfulness digitalt Anmälan krävs · Digitalt Var: Digitalt Hemifrån. "
            "Anmälan: Ring Seniorhälsan på 08-123 456 78.") in described
    assert "Utegym Utomhus Var: Testgården Ute i parken." in described
    assert "Oschemalagd" not in text


def test_services_feedback_other_actors_and_contact_come_from_the_stored_texts(spring, tmp_path):
    write_contact(spring, hours="Vardagar 9–12", **{texts.UNIT_HEAD: "Enhetschef: Test Chefsson\nTelefon: 08-123 45"})
    built = render_folder(spring.read(collect_folder, "vt2026"))
    text = pdftools.squash(pdftools.text(built.data, tmp_path))
    # a service whose text gives no number is reached through the unit's phone
    assert ("IT-stöd För vem: Seniorer 68+ IT-pedagogen hjälper dig med mobil, surfplatta och dator. "
            "Kontakt: Ring Seniorhälsan på 08-123 456 78 (vardagar 9–12).") in text
    assert "Tyck till Tyck till! Vi vill gärna veta" in text
    assert "Andra aktörer Pensionärsorganisationerna PRO och SPF" in text
    assert text.endswith("Kontakt Telefon: 08-123 456 78 Telefontid: Vardagar 9–12 E-post: enheten@example.org "
                         f"Enhetschef: Test Chefsson Telefon: 08-123 45 Sida {built.pages} av {built.pages}")


def test_the_folder_is_for_old_eyes_and_embeds_its_font(spring, tmp_path):
    data = spring.read(collect_folder, "vt2026")
    report = FolderReport(data)
    assert min(style.fontSize for style in report.styles.values()) >= 14
    assert report.styles["h1"].fontSize > report.styles["h2"].fontSize > report.styles["body"].fontSize
    found = pdftools.fonts(render_folder(data).data, tmp_path)
    assert found["AtkinsonHyperlegible-Regular"] and found["AtkinsonHyperlegible-Bold"]
    assert all(found.values()), found  # every font embedded


def test_the_booklet_is_imposed_on_a4_landscape_sheets(spring, tmp_path):
    data = spring.read(collect_folder, "vt2026")
    a5_pages = FolderReport(data, booklet=True).build().pages
    booklet = render_folder(data, booklet=True)
    assert booklet.pages % 4 == 0 and booklet.pages >= a5_pages + 1  # the back cover comes last
    assert pdftools.info(booklet.data, tmp_path)["Pages"] == str(padded(booklet.pages) // 2)
    assert tuple(round(v) for v in pdftools.page_size(booklet.data, tmp_path)) == (842, 595)
    right_of_first = pdftools.text(booklet.data, tmp_path, first=1, last=1,
                                   crop=(SHEET[0] / 2, 0, SHEET[0] / 2, SHEET[1]))
    assert "Vårtermin 2026" in right_of_first
    left_of_second = pdftools.text(booklet.data, tmp_path, first=2, last=2, crop=(0, 0, SHEET[0] / 2, SHEET[1]))
    assert f"Sida 2 av {booklet.pages}" in left_of_second


def test_the_summer_programme_lists_dated_trips_and_the_weekly_slots(db, tmp_path):
    write_contact(db)
    term = factories.term(db, kind="sommar", year=2026, starts_on=dt.date(2026, 6, 15), ends_on=dt.date(2026, 8, 14))
    axelsberg = factories.place_named(db, "Axelsberg")
    trip = factories.activity(db, "Utflykt till Skultuna", kind="utflykt", needs_signup=True)
    cafe = factories.activity(db, "Tisdagscafé", kind="social")
    db.call(schedule.add_entry, term_id=term.id, activity_id=trip.id, place_id=axelsberg.id,
            on_date=dt.date(2026, 6, 17), starts_at=T(8, 30), ends_at=T(17, 0))
    db.call(schedule.add_entry, term_id=term.id, activity_id=cafe.id, place_id=axelsberg.id, weekday=2,
            starts_at=T(13, 0), ends_at=T(15, 0))
    text = pdftools.squash(pdftools.text(render_folder(db.read(collect_folder, "sommar2026")).data, tmp_path))
    assert "Sommarprogram 2026" in text
    trips = between(text, "Sommarens utflykter och evenemang", "Varje vecka i sommar")
    assert "Onsdag 17 juni 08:30–17:00 Utflykt till Skultuna Anmälan krävs Axelsberg" in trips
    assert "Tisdag 13:00–15:00 Tisdagscafé" in between(text, "Varje vecka i sommar", "Om aktiviteterna")


def test_a_term_without_a_schedule_says_so(db, tmp_path):
    write_contact(db)
    factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 11))
    built = render_folder(db.read(collect_folder, "ht2026"))
    text = pdftools.squash(pdftools.text(built.data, tmp_path))
    assert NO_SCHEDULE in text and "Hösttermin 2026" in text
    assert "Om aktiviteterna" not in text and "Stöd och service" in text


def test_an_unknown_term_is_refused_in_swedish(db):
    with pytest.raises(UserError, match="Termin: 'vår26' känns inte igen"):
        db.read(collect_folder, "vår26")
    with pytest.raises(NotFound, match="Terminen hösttermin 2031 finns inte"):
        db.read(collect_folder, "ht2031")


def test_unusual_characters_print_or_are_reported(spring, tmp_path):
    kor = factories.activity(db := spring, "Kör ☕ & <sång> 漢", description="Ærø, Łódź och Ågren 😀.")
    term = spring.read(schedule.get_term, "vt2026")
    spring.call(schedule.add_entry, term_id=term.id, activity_id=kor.id,
                place_id=factories.place_named(db, "Gröndal").id, weekday=5, starts_at=T(11, 0))
    built = render_folder(spring.read(collect_folder, "vt2026"))
    text = pdftools.text(built.data, tmp_path)
    assert "& <sång> ?" in text and "Ærø, Łódź och Ågren" in text
    assert built.missing == frozenset({"漢"})
    found = pdftools.fonts(built.data, tmp_path)
    assert found["DejaVuSans"] and found["AtkinsonHyperlegible-Regular"]


def test_long_texts_wrap_in_the_booklet_instead_of_overflowing(spring, tmp_path):
    name = "Gympa " + "för hela kroppen och själen " * 4
    long = factories.activity(spring, name.strip()[:120], description="Lång beskrivning. " * 110)
    term = spring.read(schedule.get_term, "vt2026")
    spring.call(schedule.add_entry, term_id=term.id, activity_id=long.id,
                place_id=factories.place_named(spring, "Axelsberg").id, weekday=5, starts_at=T(9, 0),
                note="Jämna veckor, " * 15)
    built = render_folder(spring.read(collect_folder, "vt2026"), booklet=True)
    text = pdftools.squash(pdftools.text(built.data, tmp_path))
    assert text.count("Lång beskrivning.") == 110  # nothing cut off
    assert "Jämna veckor" in text


def test_the_user_is_told_which_characters_could_not_be_printed(db, tmp_path):
    from seniorhalsan.reports.api import write_folder

    write_contact(db)
    term = factories.term(db)
    odd = factories.activity(db, "Qigong 气功")
    db.call(schedule.add_entry, term_id=term.id, activity_id=odd.id,
            place_id=factories.place_named(db, "Axelsberg").id, weekday=2, starts_at=T(10, 0))
    written = write_folder(db, "vt2026", tmp_path / "folder.pdf")
    assert written.path.exists() and written.missing == frozenset("气功")
    assert "气" in written.warning() and written.warning().startswith("Obs:")


def test_andra_aktorer_is_the_partner_register_once_the_unit_has_written_it(spring, tmp_path):
    def others() -> str:
        text = pdftools.squash(pdftools.text(render_folder(spring.read(collect_folder, "vt2026")).data, tmp_path))
        return text[text.rindex("Andra aktörer"): text.rindex("Kontakt")]

    assert "Pensionärsorganisationerna PRO och SPF" in others()  # the text, while the register says nothing
    bio = spring.read(places.find_place, "Bio Aspen")
    spring.perform(UpdatePlace(bio.id, contact="Biografen, 08-465 004 21", together="Bio och lunch en gång i månaden."))
    shown = others()
    assert "Bio Aspen: Bio och lunch en gång i månaden. Kontakt: Biografen, 08-465 004 21" in shown
    assert "Pensionärsorganisationerna" not in shown and "Västertorps sim" not in shown  # nothing written for it
