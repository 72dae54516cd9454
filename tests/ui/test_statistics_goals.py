"""Statistik: the tab per activity with the limit for few visitors, and the tab of goals where the
unit head sets goals and writes the analyses while others read them."""

import datetime as dt
from functools import partial

import pytest
from PySide6.QtCore import Qt

from seniorhalsan.operations.goals import SetGoal, WriteGoalAnalysis
from seniorhalsan.services import accounts
from seniorhalsan.services.goals import list_goals
from seniorhalsan.services.low_attendance import LowAttendance, current_rule
from seniorhalsan.ui.pages.statistics.goal_dialog import GoalDialog
from tests import factories
from tests.ui.test_statistics_page import open_statistics

D = dt.date
PASSWORD = "ett-långt-lösen"


@pytest.fixture
def clubs(db):
    """2025 at Axelsberg: gympa (25 and 15 visitors), Canasta dwindling (6, 3, 2, 1); 2024: gympa 30."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    canasta = factories.activity(db, "Canasta", kind="social")
    count = partial(factories.session, db, place=axelsberg)
    count(gympa, day=D(2025, 1, 13), women=20, men=5)
    count(gympa, day=D(2025, 9, 8), women=10, men=4, other=1)
    count(gympa, day=D(2024, 9, 9), women=25, men=5)
    for day, visitors in ((D(2025, 3, 3), 6), (D(2025, 3, 10), 3), (D(2025, 3, 17), 2), (D(2025, 3, 24), 1)):
        count(canasta, day=day, women=visitors)
    return db


def test_each_activity_as_a_table_and_a_chart(alone, qtbot, clubs, qtmodeltester):
    page = open_statistics(alone, qtbot, 2025)
    tab = page.activity_tab
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Per aktivitet"
    model = tab.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Aktivitet", "Tillfällen", "Besök", "Snitt", "Kvinnor", "Män", "2024", "Förändring"]
    assert model.row_texts("Seniorgympa") == ["2", "40", "20,0", "30", "9", "30", "+33\xa0%"]
    # the latest three of Canasta's sessions had fewer than 5 visitors: flagged by the default limit
    assert model.row_texts("Canasta (få besökare)") == ["4", "12", "3,0", "12", "0", "0", "–"]
    assert tab.flagged.text() == "Få besökare de senaste gångerna: Canasta (3 i rad under 5)."
    assert tab.kind_model.row_texts("Fysisk aktivitet") == ["2", "1", "+100\xa0%"]
    assert tab.kind_model.row_texts("Social samvaro") == ["4", "0", "–"]
    assert tab.chart.categories == ["Canasta", "Seniorgympa"]  # the most visited on top
    assert tab.chart.values()["Kvinnor"] == [12, 30]
    assert (tab.below.value(), tab.in_a_row.value()) == (5, 3) and not tab.save.isHidden()
    for checked in (model, tab.kind_model):
        qtmodeltester.check(checked)

    # the unit head raises the bar: the page counts again with the new limit
    tab.below.setValue(3)
    tab.in_a_row.setValue(2)
    qtbot.mouseClick(tab.save, Qt.MouseButton.LeftButton)
    assert clubs.read(current_rule) == LowAttendance(3, 2)
    qtbot.waitUntil(lambda: not page.is_busy() and "2 i rad under 3" in tab.flagged.text(), timeout=10_000)


def test_the_unit_head_sets_a_goal_and_writes_its_analysis(alone, qtbot, clubs, monkeypatch):
    page = open_statistics(alone, qtbot, 2025)
    tab = page.goal_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.note.text() == "Inga mål är satta för 2025. Enhetschefen sätter dem med Nytt mål."

    def fill(dialog: GoalDialog) -> int:
        dialog.figure.setCurrentIndex(dialog.figure.findData("visits"))
        assert dialog.women.isEnabled()
        dialog.target.setValue(60)
        dialog.women.setValue(40)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(GoalDialog, "exec", fill)
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy() and tab.model.rowCount() == 2, timeout=10_000)
    assert [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())] == [
        "Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", "Utfall 2024", "Årsmål", "Status"]
    assert tab.model.row_texts("Besök på aktiviteter") == ["52", "42", "9", "30", "60", "Ej uppnått"]  # 87 %
    assert tab.model.row_texts("Mål för kvinnor") == ["", "42", "", "25", "40", "Uppnått"]
    assert tab.current_key() == "visits" and tab.change.isEnabled()

    tab.analysis.setPlainText("Canasta tappade deltagare under våren.")
    assert page.has_unsaved_changes()
    qtbot.mouseClick(tab.save, Qt.MouseButton.LeftButton)
    assert not page.has_unsaved_changes()
    assert clubs.read(list_goals, 2025)[0].analysis.year == "Canasta tappade deltagare under våren."

    # tertial 1 has its own analysis, and measures the year so far
    page.choose(2025, 1)
    qtbot.waitUntil(lambda: not page.is_busy() and tab.tertial == 1, timeout=10_000)
    assert tab.analysis.toPlainText() == "" and "tertialrapport 1" in tab.analysis_title.text()
    assert tab.model.row_texts("Besök på aktiviteter")[5] == "Ej uppnått ännu"
    assert "Perioden är inte slut" in tab.note.text()


def test_a_goal_refused_in_the_dialog_stays_open_with_the_field_named(alone, qtbot, clubs, monkeypatch):
    page = open_statistics(alone, qtbot, 2025)
    seen = {}

    def fill(dialog: GoalDialog) -> int:
        dialog.figure.setCurrentIndex(dialog.figure.findData("visits"))
        dialog.target.setValue(50)
        dialog.women.setValue(40)
        dialog.men.setValue(20)
        dialog.try_accept()
        seen["error"] = dialog.errors.labels["target_women"].text()
        seen["open"] = dialog.result() == 0
        dialog.figure.setCurrentIndex(dialog.figure.findData("sessions:kultur"))
        seen["no genders"] = not dialog.women.isEnabled() and dialog.women.value() == 0
        return 0

    monkeypatch.setattr(GoalDialog, "exec", fill)
    qtbot.mouseClick(page.goal_tab.add, Qt.MouseButton.LeftButton)
    assert "tillsammans 60, mer än målet för alla (50)" in seen["error"] and seen["open"] and seen["no genders"]
    assert clubs.read(list_goals, 2025) == []


def test_a_reader_sees_the_goals_and_the_limit_but_changes_nothing(window, qtbot, clubs):
    clubs.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    clubs.actor = clubs.call(accounts.login, username="karin", password=PASSWORD)
    clubs.call(accounts.create_account, username="lisa", password=PASSWORD, role="lasare")
    clubs.perform(SetGoal(2025, "visits", 60))
    clubs.perform(WriteGoalAnalysis(2025, "visits", "Skrivet av enhetschefen."))
    clubs.actor = clubs.call(accounts.login, username="lisa", password=PASSWORD)
    window.apply_role()
    page = open_statistics(window, qtbot, 2025)
    tab = page.goal_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.model.row_texts("Besök på aktiviteter")[-1] == "Ej uppnått"
    assert tab.analysis.toPlainText() == "Skrivet av enhetschefen." and tab.analysis.isReadOnly()
    assert all(b.isHidden() for b in (tab.add, tab.change, tab.remove, tab.save))
    assert tab.note.text().startswith("Uppnått: minst 100 % av målet")
    activities = page.activity_tab
    assert not activities.below.isEnabled() and activities.save.isHidden()
    assert not page.has_unsaved_changes()
    clubs.actor = None


def test_the_unit_head_removes_a_goal(alone, qtbot, clubs, monkeypatch):
    clubs.perform(SetGoal(2025, "sessions:kultur", 10))
    page = open_statistics(alone, qtbot, 2025)
    tab = page.goal_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.current_key() == "sessions:kultur"
    monkeypatch.setattr("seniorhalsan.ui.pages.statistics.goals.ask", lambda *a, **k: True)
    qtbot.mouseClick(tab.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy() and tab.model.rowCount() == 0, timeout=10_000)
    assert clubs.read(list_goals, 2025) == []
