"""Import and Inställningar in the window."""

import pytest
from PySide6.QtWidgets import QApplication

from seniorhalsan import stats
from seniorhalsan.services import attendance_history
from seniorhalsan.ui import i18n
from tests import factories

GOOD = "datum;mötesplats;aktivitet;kvinnor;män;övriga\n2025-03-03;Axelsberg;Seniorgympa;18;4;0\n"


@pytest.fixture
def gympa(db):
    return factories.activity(db, "Seniorgympa")


def test_a_file_with_a_bad_line_is_reported_and_nothing_saved(alone, qtbot, db, gympa, tmp_path, unchanged):
    path = tmp_path / "närvaro.csv"
    path.write_text(GOOD + "2025-03-04;Axelsbrg;Seniorgympa;3;1;0\n", encoding="utf-8")
    alone.show_page("import")
    page = alone.page("import")
    with unchanged():
        page.load_file(path)
        assert page.kind.currentData() == "attendance"
        assert page.preview.rowCount() == 2
        page.run_check()
        qtbot.waitUntil(lambda: page.errors.rowCount() == 1, timeout=10_000)
    error = page.errors.row_at(0)
    assert (error.line, error.column) == (3, "mötesplats")
    assert "Menade du: Axelsberg" in error.message
    assert not page.do_import.isEnabled()
    assert "Inget har sparats" in page.status.text()


def test_a_good_file_is_checked_then_imported(alone, qtbot, db, gympa, tmp_path):
    path = tmp_path / "närvaro.csv"
    path.write_text(GOOD, encoding="utf-8")
    alone.show_page("import")
    page = alone.page("import")
    page.load_file(path)
    page.run_check()
    qtbot.waitUntil(lambda: page.do_import.isEnabled(), timeout=10_000)
    assert db.read(attendance_history.count_sessions) == 0  # checking saves nothing
    page.run_import()
    qtbot.waitUntil(lambda: "klar" in page.status.text(), timeout=10_000)
    assert db.read(stats.year_stats, 2025).attendance.visits == 22


def test_the_kind_is_guessed_from_the_headers(alone, db, tmp_path):
    path = tmp_path / "tyck.csv"
    path.write_text("datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd\n", encoding="utf-8")
    alone.show_page("import")
    page = alone.page("import")
    page.load_file(path)
    assert page.kind.currentData() == "feedback"


def test_groups_and_trainings_are_imported_from_the_page(alone, qtbot, db, tmp_path):
    groups = tmp_path / "grupper.csv"
    groups.write_text("datum;tjänst;grupp;typ;deltagare;medarbetare\n"
                      "2025-02-03;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;7;\n", encoding="utf-8")
    trainings = tmp_path / "utbildningar.csv"
    trainings.write_text("datum;tjänst;målgrupp;ämne;deltagare\n2025-02-12;Syn- och hörselstöd;Hemtjänsten;;11\n",
                         encoding="utf-8")
    alone.show_page("import")
    page = alone.page("import")
    assert [page.kind.itemText(i) for i in range(page.kind.count())][-3:] == [
        "Gruppträffar", "Utbildningar för personal", "Utåtriktat arbete"]
    for path, kind in ((groups, "groups"), (trainings, "trainings")):
        page.load_file(path)
        assert page.kind.currentData() == kind  # guessed from the first line
        assert "deltagare" in page.columns_hint.text()
        page.run_check()
        qtbot.waitUntil(lambda: page.do_import.isEnabled(), timeout=10_000)
        page.run_import()
        qtbot.waitUntil(lambda: "klar" in page.status.text(), timeout=10_000)
    figures = db.read(stats.year_stats, 2025)
    assert figures.groups["anhorigstod"].by_kind["anhoriggrupp"] == stats.Meetings(1, 7)
    assert figures.trainings.by_service["syn_horsel"] == stats.Meetings(1, 11)


def test_language_and_text_size_switch_at_once(window, qtbot):
    window.show_page("settings")
    page = window.page("settings")
    page.set_language("en")
    assert i18n.language() == "en"
    assert window.navigation.item(0).text() == "Attendance"
    assert window.app.store.load().language == "en"
    page.set_language("sv")
    assert window.navigation.item(0).text() == "Närvaro"
    before = QApplication.instance().font().pointSize()
    page.size_buttons["storst"].setChecked(True)
    assert QApplication.instance().font().pointSize() > before
    assert window.app.store.load().text_size == "storst"


def test_switching_language_keeps_what_is_typed(alone, qtbot, db):
    axelsberg = factories.place_named(db, "Axelsberg")
    factories.activity(db, "Seniorgympa", place_id=axelsberg.id)
    page = alone.page("attendance")
    page.model.add_extra(__import__("seniorhalsan.ui.pages.attendance.model", fromlist=["x"]).extra_session(
        1, "Seniorgympa", "fysisk", axelsberg.id, "Axelsberg", page.day, None, None))
    page.model.setData(page.model.index(0, 5), "12")
    i18n.set_language("en")
    assert page.has_unsaved_changes() and page.model.rows[0].shown_total() == 12
    assert page.model.headerData(2, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) == "Women"


def test_the_database_for_the_next_start(alone):
    alone.show_page("settings")
    page = alone.page("settings")
    page.set_database("/tmp/annan.sqlite3")
    assert alone.app.store.load().database == "/tmp/annan.sqlite3"
    assert "/tmp/annan.sqlite3" in page.database_next.text()


def test_a_shared_server_for_the_next_start(alone):
    page = alone.page("settings")
    assert not page.set_database("inte en adress://")
    assert "känns inte igen" in page.database_next.text()
    assert page.set_database("postgresql+psycopg://seniorhalsan@server/seniorhalsan")
    assert alone.app.store.load().database == "postgresql+psycopg://seniorhalsan@server/seniorhalsan"
    # a readable name; the address itself only in the tooltip
    assert "seniorhalsan på servern server" in page.database_next.text()
    assert "postgresql" not in page.database_next.text() and "sqlite:" not in page.database_now.text()
    assert page.database_next.toolTip() == "postgresql+psycopg://seniorhalsan@server/seniorhalsan"
    assert page.database_now.toolTip() == alone.app.db.url


SCHEDULE = "mötesplats;veckodag;start;slut;aktivitet;ledare\nAxelsberg;måndag;10:00;11:00;Seniorgympa;\n"


def test_a_schedule_is_imported_to_the_chosen_term(alone, qtbot, db, gympa, tmp_path):
    import datetime as dt

    from seniorhalsan.services import schedule

    alone.show_page("import")
    page = alone.page("import")
    path = tmp_path / "schema.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    page.load_file(path)
    assert page.kind.currentData() == "schedule" and not page.term.isHidden()
    assert page.term.currentData() is None and not page.check.isEnabled()  # no term yet
    factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 18))
    vt = factories.term(db, kind="vt", year=2027, starts_on=dt.date(2027, 1, 11), ends_on=dt.date(2027, 6, 4))
    page.on_changed({"schedule"})
    assert page.term.currentData() == "ht2026"  # the term going on
    page.term.setCurrentIndex(page.term.findData("vt2027"))
    page.run_check()
    qtbot.waitUntil(lambda: page.do_import.isEnabled(), timeout=10_000)
    assert db.read(schedule.list_schedule, vt.id) == []  # checking saves nothing
    page.run_import()
    qtbot.waitUntil(lambda: "klar" in page.status.text(), timeout=10_000)
    assert [(e.weekday, e.activity_name) for e in db.read(schedule.list_schedule, vt.id)] == [(1, "Seniorgympa")]
    page.kind.setCurrentIndex(page.kind.findData("attendance"))
    assert page.term.isHidden()
