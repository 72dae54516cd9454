"""Statistik: hand-made years computed off the GUI thread, shown as tables and charts."""

import datetime as dt
import threading
from functools import partial

import pytest
from PySide6.QtCore import Qt

from seniorhalsan import stats
from seniorhalsan.operations.feedback import RegisterFeedback
from seniorhalsan.services import feedback, groups
from seniorhalsan.services.feedback import FeedbackInput
from seniorhalsan.ui import i18n
from tests import factories

D = dt.date


@pytest.fixture
def years(db):
    """2025 at two places, with a little of 2024 to compare with; answers worked out by hand."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gym = factories.place_named(db, "Gymmet Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör", kind="kultur")

    count = partial(factories.session, db)

    count(gympa, axelsberg, D(2025, 1, 13), women=20, men=5, new_visitors=5)   # T1
    count(kor, axelsberg, D(2025, 4, 30), women=30, men=4, other=1)              # T1
    count(gympa, gym, D(2025, 5, 2), women=6, men=4)                             # T2
    count(gympa, gym, D(2025, 9, 1), total=12)                                   # T3, no gender split
    count(gympa, axelsberg, D(2024, 3, 4), women=10, men=10)                     # the year before, T1
    count(kor, axelsberg, D(2024, 10, 7), women=30, men=0)                       # the year before, T3

    # Fixartjänst: A first came in 2024 (returning in 2025); B and C are new in 2025.
    a = factories.person(db, reference="A", birth_year=1950, gender="kvinna")
    b = factories.person(db, reference="B", birth_year=1935, gender="man")
    c = factories.person(db, reference="C", birth_year=1962, gender="kvinna")
    factories.contact(db, a.id, day=D(2024, 2, 1))
    factories.contact(db, a.id, day=D(2025, 2, 3), tasks=["brandvarnare"])
    factories.contact(db, b.id, day=D(2025, 3, 3), tasks=["brandvarnare", "halkskydd"])
    factories.contact(db, c.id, day=D(2025, 10, 3), kind="telefon")

    db.call(groups.add_group_meeting, service="anhorigstod", held_on=D(2025, 3, 1), kind="grupp",
            title="Anhöriggrupp", participants=7)
    db.call(groups.add_training, held_on=D(2025, 2, 2), audience="Hemtjänsten", participants=11, service="syn_horsel")

    def fb(day, kind, sender, about=None, answered=None):
        item = db.call(feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about,
                       text="text", contact="adress")
        if answered:
            db.call(feedback.record_answer, item.id, answered_on=answered)

    fb(D(2025, 2, 10), "synpunkt", "Senior", "Tillgänglighet", answered=D(2025, 2, 20))   # T1
    fb(D(2025, 6, 10), "beröm", "Närstående")                                             # T2
    fb(D(2025, 11, 10), "klagomål", "Senior", "Bemötande")                                # T3
    return db


def open_statistics(alone, qtbot, year, tertial=None):
    alone.show_page("statistics")
    page = alone.page("statistics")
    qtbot.waitUntil(lambda: not page.is_busy())  # the current year, started when the page opened
    page.choose(year, tertial)
    assert page.is_busy() and page.busy.isVisible()  # computing, off the GUI thread
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    assert page.result.year == year and page.busy.isHidden()
    return page


def test_a_year_as_tables_and_charts(alone, qtbot, years, qtmodeltester):
    page = open_statistics(alone, qtbot, 2025)
    assert [page.year.itemData(i) for i in range(page.year.count())] == [2026, 2025, 2024]
    # visits 25 + 35 + 10 + 12 = 82; by gender 56 women, 13 men, 1 other of 70 counted; 2024 had 50
    s = page.summary_model
    assert [s.headerData(c, Qt.Orientation.Horizontal) for c in range(s.columnCount())] == [
        "", "2025", "Andel", "2024", "Förändring"]  # the years by their numbers
    assert s.row_texts("Besök totalt") == ["82", "", "50", "+64\xa0%"]
    # the genders are shares of the visits where gender was counted, the row they stand under
    assert s.row_texts("Besök där kön räknades") == ["70", "85\xa0%", "50", "+40\xa0%"]
    assert [line.indent for line in s.lines[2:5]] == [True, True, True]
    assert s.row_texts("Kvinnor") == ["56", "80\xa0%", "40", "+40\xa0%"]
    assert s.row_texts("Män") == ["13", "19\xa0%", "10", "+30\xa0%"]
    assert s.row_texts("Annat/okänt kön") == ["1", "1\xa0%", "0", "–"]
    assert s.row_texts("Utan uppdelning på kön") == ["12", "15\xa0%", "0", "–"]
    assert s.row_texts("Nya besökare") == ["5", "6\xa0%", "–", ""]  # nobody counted new visitors in 2024
    assert s.row_texts("Inställda tillfällen (ej registrerat)") == ["–", "", "–", ""]
    assert s.row_texts("Genomförda tillfällen") == ["4", "", "2", "+100\xa0%"]
    assert page.tertial_model.row_texts("T1 (januari–april)") == ["60", "73\xa0%", "20", "+200\xa0%"]
    assert page.tertial_model.row_texts("T3 (september–december)") == ["12", "15\xa0%", "30", "\u221260\xa0%"]

    assert page.place_model.row_texts("Axelsberg") == ["60", "50", "9", "2", "50", "+20\xa0%"]
    assert page.place_model.row_texts("Gymmet Axelsberg") == ["22", "6", "4", "2", "0", "–"]
    assert [line.label for line in page.place_model.lines] == ["Axelsberg", "Gymmet Axelsberg"]  # no rows of 0
    assert page.kind_model.row_texts("Fysisk aktivitet") == ["47", "57\xa0%", "20", "+135\xa0%"]
    assert page.kind_model.row_texts("Kultur") == ["35", "43\xa0%", "30", "+17\xa0%"]

    services = page.service_model
    assert [services.headerData(c, Qt.Orientation.Horizontal)
            for c in range(services.columnCount())] == ["", "IT-stöd", "Fixartjänst", "Syn- och hörselstöd",
                                                         "Anhörigstöd", "Äldrestöd"]
    fix = 1  # Fixartjänst's column among the services
    assert services.row_texts("Kontakter")[fix] == "3"
    assert services.row_texts("Hembesök")[fix] == "2" and services.row_texts("Telefon")[fix] == "1"
    assert services.row_texts("Kontakter 2024")[fix] == "1"
    assert services.row_texts("Förändring, kontakter")[fix] == "+200\xa0%"
    assert services.row_texts("Personer")[fix] == "3"
    assert services.row_texts("Nya personer")[fix] == "2"
    assert services.row_texts("Andel nya (av personerna)")[fix] == "67\xa0%"
    assert services.row_texts("Kvinnor")[fix] == "67\xa0%" and services.row_texts("Män")[fix] == "33\xa0%"
    # ages in 2025: A 75, B 90, C 63
    assert [services.row_texts(label)[fix] for label in ("Under 65 år", "65–74 år", "75–84 år", "85 år och äldre")] \
        == ["33\xa0%", "0\xa0%", "33\xa0%", "33\xa0%"]
    assert services.row_texts("Andel nya (av personerna)")[0] == "–"  # IT-stöd had nobody
    assert page.task_model.row_texts("Brandvarnare") == ["2"]
    assert page.task_model.row_texts("Halkskydd") == ["1"]

    groups = page.group_model
    assert groups.row_texts("Anhörigstöd") == ["1", "7", "–", ""]  # 2024 had no groups recorded
    assert groups.row_texts("   Grupp") == ["1", "7", "", ""]
    assert groups.row_texts("Fixartjänst (ej registrerat)") == ["–", "–", "–", ""]
    assert groups.row_texts("Utbildningar för personal") == ["1", "11", "–", ""]
    assert groups.row_texts("Syn- och hörselstöd")[:2] == ["1", "11"]  # the training, under its service
    assert [groups.headerData(c, Qt.Orientation.Horizontal) for c in range(groups.columnCount())][3] == \
        "Deltagare 2024"
    assert page.task_model.row_texts("Brandvarnare") == ["2"]
    tasks = [line.label for line in page.task_model.lines if line.heading]
    assert "Fixartjänst" in tasks and "Syn- och hörselstöd (ej registrerat)" in tasks
    for model in page.models:
        qtmodeltester.check(model)

    # the feedback table in the order of the city's template
    model = page.feedback_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["", "T1", "T2", "T3 (VB)", "Totalt"]
    labels = [line.label for line in model.lines]
    assert labels[:3] == ["Inkomna totalt", "Beröm", "Antal beröm"]
    assert labels[4:11] == ["Annan (t.ex. okänd)", "Brukare/patient", "Medarbetare/verksamhet inom förvaltningen",
                            "Närstående (anhörig, god man, etc.)", "Patientnämnden",
                            "Samverkanspart (ex annan förvaltning, Region Stockholm, Polis)", "Senior"]
    # the city's form's own names, whole
    assert labels[12] == "Annat (ange vad i rapporteringsvyn)"
    assert labels[13] == "Bemanning (Kontinuitet, vikarieanskaffning)"
    assert labels[22] == "Tillgänglighet (öppettider, telefontider, fysisk miljö)"
    assert labels[23].startswith("Utebliven/försenad insats")
    assert labels[24] == "Varav antal avvikelser som lett till (ej incidenter som rapporteras i IA) (ej registrerat)"
    assert model.row_texts(labels[24]) == ["–", "–", "–", "–"]
    assert labels[-4:] == ["Återkoppling", "Antal klagomål där återkoppling har lämnats", "Åtgärder",
                           "Antal klagomål där åtgärder vidtagits"]
    assert model.rowCount() == 29  # every row of the template, zeros included
    assert model.row_texts("Inkomna totalt") == ["1", "1", "1", "3"]
    assert model.row_texts("Antal beröm") == ["0", "1", "0", "1"]
    assert model.row_texts("Senior") == ["1", "0", "1", "2"]
    assert model.row_texts("Patientnämnden") == ["0", "0", "0", "0"]
    assert model.row_texts("Bemötande") == ["0", "0", "1", "1"]
    assert model.row_texts("Antal klagomål där återkoppling har lämnats") == ["1", "0", "0", "1"]
    assert model.row_texts("Antal klagomål där åtgärder vidtagits") == ["0", "0", "0", "0"]

    # the charts
    months = page.month_chart.values()
    assert months["2025"] == [25, 0, 0, 35, 10, 0, 0, 0, 12, 0, 0, 0]
    assert months["2024"] == [0, 0, 20, 0, 0, 0, 0, 0, 0, 30, 0, 0]
    assert page.month_chart.categories[:3] == ["jan", "feb", "mars"]
    places = dict(zip(page.place_chart.categories, page.place_chart.values()["Besök"], strict=True))
    assert places == {"Axelsberg": 60, "Gymmet Axelsberg": 22}
    assert page.place_chart.categories[-1] == "Axelsberg"  # the biggest at the top
    assert page.gender_chart.values() == {"Kvinnor": 56, "Män": 13, "Annat/okänt": 1}
    assert page.gender_chart.series.slices()[0].label() == "Kvinnor 80\xa0%"  # as in the table
    persons = page.persons_chart
    fixare = persons.categories.index("Fixartjänst")
    assert persons.values()["Nya"][fixare] == 2 and persons.values()["Återkommande"][fixare] == 1
    assert persons.categories[-1] == "IT-stöd"  # the services top down in their usual order
    kinds = dict(zip(page.kind_chart.categories, page.kind_chart.values()["Besök"], strict=True))
    assert kinds["Fysisk aktivitet"] == 47 and kinds["Kultur"] == 35


def test_a_tertial_is_the_year_so_far_like_the_tertial_reports(alone, qtbot, years):
    page = open_statistics(alone, qtbot, 2025, tertial=1)
    assert page.chosen() == (2025, D(2025, 4, 30))
    assert page.result.figures == years.read(stats.year_stats, 2025, until=D(2025, 4, 30))
    assert page.summary_model.row_texts("Besök totalt") == ["60", "", "20", "+200\xa0%"]
    assert [line.label for line in page.tertial_model.lines] == ["T1 (januari–april)"]
    assert page.month_chart.values()["2025"] == [25, 0, 0, 35]
    assert page.feedback_model.row_texts("Inkomna totalt") == ["1", "0", "0", "1"]
    assert page.service_model.row_texts("Kontakter")[1] == "2"
    assert "1 januari – 30 april 2025" in page.note.text() and "samma dagar 2024" in page.note.text()
    assert "tertialrapporterna" in page.period.toolTip()

    page.choose(2025, 2)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.result.last == D(2025, 8, 31)
    assert page.summary_model.row_texts("Besök totalt")[0] == "70"

    # the running year is counted up to today, and compared with the same days a year earlier
    page.choose(2026)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.chosen() == (2026, D(2026, 11, 20)) and page.result.last == D(2026, 11, 20)
    assert "inte slut" in page.note.text()
    page.choose(2026, 1)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.chosen() == (2026, D(2026, 4, 30)) and "inte slut" not in page.note.text()

    # the screenshot script has no time to wait for the worker: the figures are there at once
    page.year.blockSignals(True)
    page.year.setCurrentIndex(page.year.findData(2025))
    page.year.blockSignals(False)
    page.period.setCurrentIndex(0)
    page.prepare_screenshot()
    assert page.result.year == 2025 and page.summary_model.row_texts("Besök totalt")[0] == "82"
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)


def test_opening_the_page_reads_the_figures_and_the_years_once_off_the_gui_thread(alone, qtbot, years, monkeypatch):
    asked = []
    real_read = alone.app.db.read

    def spy(fn, *args, **kwargs):
        if fn.__module__.startswith("seniorhalsan.stats"):
            asked.append((fn, threading.current_thread() is threading.main_thread()))
        return real_read(fn, *args, **kwargs)

    monkeypatch.setattr(alone.app.db, "read", spy)
    alone.show_page("statistics")
    page = alone.page("statistics")
    qtbot.waitUntil(lambda: not page.is_busy())
    assert asked == [(stats.year_overview, False)]  # the years to choose from come with the figures
    assert [page.year.itemData(i) for i in range(page.year.count())] == [2026, 2025, 2024]
    page.choose(2019)  # a year without data stays chosen
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.year.currentData() == 2019 and page.result.year == 2019
    assert [page.year.itemData(i) for i in range(page.year.count())] == [2026, 2025, 2024, 2019]


def test_the_work_runs_through_the_worker_and_only_the_last_answer_counts(alone, qtbot, years, monkeypatch):
    alone.show_page("statistics")
    page = alone.page("statistics")
    qtbot.waitUntil(lambda: not page.is_busy())
    context = page.app
    calls = []
    real_run = context.run

    def spy(fn, *args, **kwargs):
        calls.append((fn, args, kwargs.get("until")))
        return real_run(fn, *args, **kwargs)

    monkeypatch.setattr(context, "run", spy)
    page.choose(2024)
    page.choose(2025, 1)  # changed before the first answer came
    assert page.running == 2
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    assert calls == [(stats.year_overview, (2024,), None), (stats.year_overview, (2025,), D(2025, 4, 30))]
    assert (page.result.year, page.result.last) == (2025, D(2025, 4, 30))

    # another page saves feedback: the figures shown are computed again
    page.choose(2025)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    alone.app.perform(RegisterFeedback(FeedbackInput(
        received_on=D(2025, 12, 1), type="synpunkt", from_key="Senior", about_key="Kompetens",
        text="Mer kunskap om hörapparater.")))
    qtbot.waitUntil(lambda: page.feedback_model.row_texts("Inkomna totalt")[-1] == "4", timeout=10_000)
    assert page.feedback_model.row_texts("Kompetens") == ["0", "0", "1", "1"]



def test_switching_language_shows_the_figures_again(alone, qtbot, years):
    page = open_statistics(alone, qtbot, 2025)
    i18n.set_language("en")
    assert page.summary_model.row_texts("Visits in all")[-1] == "+64%"  # words and numbers the English way
    i18n.set_language("sv")
    assert page.summary_model.row_texts("Besök totalt")[-1] == "+64\xa0%"
