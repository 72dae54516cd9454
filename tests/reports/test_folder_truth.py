"""The folder prints only what is true: no invented contact details, a refusal until the unit
has written its own (or a draft that says so on every page), and sign-ups that say how."""

import datetime as dt
import re
import tomllib

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.operations.catalogue import CreateActivity, UpdateActivity
from seniorhalsan.paths import resource
from seniorhalsan.reports.api import write_folder
from seniorhalsan.reports.booklet import SHEET
from seniorhalsan.reports.folder import FolderNotReady, render_folder
from seniorhalsan.reports.folder_data import collect_folder
from seniorhalsan.services import activities, places, schedule, staff, texts
from tests import factories
from tests.reports import pdftools
from tests.reports.test_folder import write_contact

T = dt.time
PHONE = re.compile(r"(?<![\w+])(?:\+46|0)\d{1,3}[\s-]?\d[\d\s-]{3,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
STREET = re.compile(r"\b\w+(vägen|gatan|gränd|torget|torg|stigen|backe|plan|allén|leden|parken|badet|skogen)\b"
                    r"(\s+\d+)?", re.IGNORECASE)


def test_the_reference_data_invents_no_phone_email_street_or_person():
    text = resource("reference.toml").read_text(encoding="utf-8")
    assert not PHONE.search(text), PHONE.search(text)
    assert not EMAIL.search(text), EMAIL.search(text)
    assert not STREET.search(text), STREET.search(text)
    data = tomllib.loads(text)
    assert "folder.unit_head" not in data["texts"]
    assert not [p for p in data["places"] if p.get("address") not in (None, "Länk skickas vid anmälan")]


def test_a_new_database_holds_no_invented_contact_details(db):
    found = list(db.read(texts.texts_with_prefix, "").values())
    found += [f"{p.name} {p.address or ''}" for p in db.read(places.list_places)]
    found += [f"{s.name} {s.phone or ''} {s.email or ''}" for s in db.read(staff.list_staff, include_inactive=True)]
    for text in found:
        assert not PHONE.search(text) and not EMAIL.search(text) and not STREET.search(text), text
    assert not db.read(staff.list_staff, include_inactive=True)  # nobody at the unit is named by the program
    assert db.read(texts.get_text, texts.UNIT_HEAD) == ""


@pytest.fixture
def autumn(db):
    """A new database with a schedule and nothing else written by the unit."""
    term = factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 11))
    gympa = factories.activity(db, "Seniorgympa", description="Gympa för hela kroppen.")
    db.call(schedule.add_entry, term_id=term.id, activity_id=gympa.id,
            place_id=factories.place_named(db, "Axelsberg").id, weekday=1, starts_at=T(10), ends_at=T(11))
    return db


def test_the_folder_is_refused_until_the_unit_has_written_its_contact_details(autumn, tmp_path):
    target = tmp_path / "folder.pdf"
    with pytest.raises(FolderNotReady) as refused:
        write_folder(autumn, "ht2026", target)
    assert "telefonnummer och e-postadress saknas" in str(refused.value)
    assert "Enheten → Enheten och foldern" in str(refused.value)
    assert not target.exists()
    write_contact(autumn, email=None)
    with pytest.raises(FolderNotReady, match="kontaktuppgifter finns: e-postadress saknas"):
        write_folder(autumn, "ht2026", target)
    write_contact(autumn)
    assert write_folder(autumn, "ht2026", target).pages >= 3


def test_a_draft_says_utkast_on_every_page(autumn, tmp_path):
    for booklet in (False, True):
        built = render_folder(autumn.read(collect_folder, "ht2026"), booklet=booklet, draft=True)
        pages = pdftools.text(built.data, tmp_path).split("\f")[:-1]
        if booklet:  # two A5 pages to a sheet: each half says it
            pages = [pdftools.text(built.data, tmp_path, first=n, last=n, crop=(x, 0, SHEET[0] / 2, SHEET[1]))
                     for n in range(1, len(pages) + 1) for x in (0, SHEET[0] / 2)]
        assert len(pages) >= (built.pages if booklet else 3)
        assert all("UTKAST" in page for page in pages), [p[:80] for p in pages if "UTKAST" not in p]
        whole = pdftools.squash("\n".join(pages))
        assert "Utkast: telefonnummer och e-postadress saknas." in whole
        assert "[telefonnummer saknas]" in whole  # where the phone will stand: a visible gap, not a made-up number


def test_the_command_line_refuses_or_prints_a_draft(autumn, db_url, tmp_path):
    from tests.cli.test_cli import run

    autumn.dispose()
    target = tmp_path / "folder.pdf"
    refused = run("report", "folder", "--term", "ht2026", "-o", target, db=db_url)
    assert refused.returncode == 1 and not target.exists()
    assert "telefonnummer och e-postadress saknas" in refused.stderr and "--draft" in refused.stderr
    done = run("report", "folder", "--term", "ht2026", "--draft", "-o", target, db=db_url)
    assert done.returncode == 0 and "Sparade: Utkast: Hösttermin 2026" in done.stdout
    assert "UTKAST" in pdftools.text(target, tmp_path)


def test_each_sign_up_says_how(db, tmp_path):
    write_contact(db, phone="08-508 000 00", hours="Vardagar 9–12")
    term = factories.term(db)
    axelsberg, digital = factories.place_named(db, "Axelsberg"), factories.place_named(db, "Digitalt")
    samtal = db.perform(CreateActivity("Existentiella samtal", "halsa", needs_signup=True,
                                       signup="Ring Petra, 070-174 06 17.")).value
    massage = db.perform(CreateActivity("Taktil massage", "fysisk", needs_signup=True)).value
    # not ticked, but its place says a link comes when you sign up
    mindful = db.perform(CreateActivity("Mindfulness digitalt", "fysisk", digital=True)).value
    for activity, place, weekday in ((samtal, axelsberg, 3), (massage, axelsberg, 4), (mindful, digital, 1)):
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=place.id, weekday=weekday,
                starts_at=T(13))
    text = pdftools.squash(pdftools.text(render_folder(db.read(collect_folder, "vt2026")).data, tmp_path))
    assert "Existentiella samtal Anmälan krävs Var: Axelsberg Anmälan: Ring Petra, 070-174 06 17." in text
    assert ("Taktil massage Anmälan krävs Var: Axelsberg "
            "Anmälan: Ring Seniorhälsan på 08-508 000 00 (vardagar 9–12).") in text
    assert "Mindfulness digitalt Anmälan krävs · Digitalt Var: Digitalt Anmälan: Ring Seniorhälsan" in text
    assert "Måndag 13:00 Mindfulness digitalt Anmälan krävs" in text  # in the schedule too

    changed = db.read(activities.get_activity, massage.id)
    db.perform(UpdateActivity(changed.id, changed.version, changed.name, changed.kind, None, None, None, False,
                              False, True, True, "Skriv upp dig i caféet."))
    assert db.read(activities.get_activity, massage.id).signup == "Skriv upp dig i caféet."
    text = pdftools.squash(pdftools.text(render_folder(db.read(collect_folder, "vt2026")).data, tmp_path))
    assert "Taktil massage Anmälan krävs Var: Axelsberg Anmälan: Skriv upp dig i caféet." in text


def _summer(db, *, trips_need_signup: bool, cafe_needs_signup: bool = False):
    write_contact(db)
    term = factories.term(db, kind="sommar", year=2026, starts_on=dt.date(2026, 6, 15), ends_on=dt.date(2026, 8, 14))
    axelsberg = factories.place_named(db, "Axelsberg")
    trip = factories.activity(db, "Utflykt till Skultuna", kind="utflykt", needs_signup=trips_need_signup)
    cafe = factories.activity(db, "Tisdagscafé", kind="social", needs_signup=cafe_needs_signup)
    for day in (17, 24):
        db.call(schedule.add_entry, term_id=term.id, activity_id=trip.id, place_id=axelsberg.id,
                on_date=dt.date(2026, 6, day), starts_at=T(8, 30), ends_at=T(17))
    db.call(schedule.add_entry, term_id=term.id, activity_id=cafe.id, place_id=axelsberg.id, weekday=2,
            starts_at=T(13), ends_at=T(15))
    return db.read(collect_folder, "sommar2026")


@pytest.mark.parametrize("trips, cafe, said, not_said", [
    (False, False, "Till programmets aktiviteter behöver du inte anmäla dig.", "Anmälan krävs"),
    (True, False, "Anmälan krävs till Utflykt till Skultuna. Till de andra kommer du utan anmälan. "
                  "Ring Seniorhälsan på 08-123 456 78 för att anmäla dig", "behöver inte anmäla"),
    (True, True, "Alla aktiviteter i programmet kräver anmälan. Ring Seniorhälsan på 08-123 456 78",
     "utan anmälan"),
])
def test_the_introduction_says_what_is_true_of_this_programme(db, tmp_path, trips, cafe, said, not_said):
    data = _summer(db, trips_need_signup=trips, cafe_needs_signup=cafe)
    text = pdftools.squash(pdftools.text(render_folder(data).data, tmp_path))
    intro = text[text.index("Om Seniorhälsan"):text.index("Sommarens utflykter och evenemang Datum")]
    assert said in intro
    assert not_said not in intro


def test_opening_a_database_of_the_earlier_reference_data_removes_what_was_invented(db_url):
    """A database whose first open gave it the invented addresses and numbers loses exactly those;
    what the unit changed stays."""
    from alembic import command
    from sqlalchemy import text

    from seniorhalsan.db import migrate

    old = open_database(db_url, daily_backup=False)
    with old.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.execute(text("UPDATE places SET address = 'Axelsbergs aktivitetscenter, Hägerstensvägen 8' "
                          "WHERE name IN ('Axelsberg', 'Gymmet Axelsberg')"))
        conn.execute(text("UPDATE places SET address = 'Gröndals träffpunkt, Gröndalsvägen 12' WHERE name = 'Gröndal'"))
        for key, body in (
            ("folder.unit_head",
             "Enhetschef: Karin Exempelsson\nTelefon: 08-508 00 000\nE-post: seniorhalsan@example.se"),
            ("folder.service.it_stod", "IT-pedagogen hjälper dig med mobil, surfplatta och dator. Ring 08-508 00 001."),
            ("folder.service.fixartjanst", "Fixaren kommer. Ring 08-508 00 002 eller vår egen 08-111 222 33."),
        ):
            conn.execute(text("DELETE FROM unit_texts WHERE key = :key"), {"key": key})
            conn.execute(text("INSERT INTO unit_texts (unit_id, key, body) VALUES (:unit, :key, :body)"),
                         {"unit": old.unit_id, "key": key, "body": body})
    old.dispose()

    db = open_database(db_url, daily_backup=False)
    found = {p.name: p.address for p in db.read(places.list_places)}
    assert found["Axelsberg"] is None and found["Gymmet Axelsberg"] is None
    assert found["Gröndal"] == "Gröndals träffpunkt, Gröndalsvägen 12"  # written by the unit: kept
    assert db.read(texts.get_text, "folder.unit_head") == ""
    assert (db.read(texts.get_text, "folder.service.it_stod")
            == "IT-pedagogen hjälper dig med mobil, surfplatta och dator.")
    assert db.read(texts.get_text, "folder.service.fixartjanst").endswith("08-111 222 33.")  # changed by the unit
    db.dispose()


def test_the_contact_details_are_checked_before_they_are_printed(db, unchanged):
    from seniorhalsan.errors import ValidationError
    from seniorhalsan.operations.catalogue import SetTexts

    for key, value, field in ((texts.CONTACT_PHONE, "ring mig", "phone"), (texts.CONTACT_PHONE, "08-12", "phone"),
                              (texts.CONTACT_EMAIL, "seniorhalsan.example.org", "email"),
                              (texts.CONTACT_HOURS, "9–12\n13–15", "text")):
        with unchanged(), pytest.raises(ValidationError) as refused:
            db.perform(SetTexts(((texts.CONTACT_PHONE, "08-508 000 00"), (key, value))))
        assert refused.value.fields == [field]
    saved = db.perform(SetTexts(((texts.CONTACT_PHONE, " +46 8 508 000 00 "),
                                 (texts.CONTACT_EMAIL, "seniorhalsan@example.org")))).value
    assert saved[texts.CONTACT_PHONE] == "+46 8 508 000 00"


def test_an_open_sign_up_list_is_printed_with_its_last_day(db, tmp_path):
    from tests.signup_helpers import TRIP_DAY, trip

    write_contact(db)
    occasion = trip(db, last_day=TRIP_DAY - dt.timedelta(days=7))  # a list, though the activity is not ticked
    term = db.read(schedule.terms_on, TRIP_DAY)[0]
    text = pdftools.squash(pdftools.text(render_folder(db.read(collect_folder, term.code)).data, tmp_path))
    assert f"{occasion.activity_name} Anmälan krävs, senast lördag 28 november" in text  # a week before the trip
