"""Alt+letter goes where the user means: no two mnemonics in view at the same time share a letter.

Qt cycles between the widgets when two share one, so a keyboard user who presses Alt+A for
"Anteckning" may land in the menu instead. Checked on every page, tab and mode, in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

from seniorhalsan.services import feedback, schedule
from seniorhalsan.ui import i18n
from seniorhalsan.ui.pages import PAGES
from tests import factories
from tests.conftest import TODAY
from tests.signup_helpers import sign_up_people, trip


@pytest.fixture
def unit(db):
    """Enough of a unit that every page shows its lists, forms and chosen rows."""
    axelsberg = factories.place_named(db, "Axelsberg")
    maria = factories.staff_member(db, "Maria Berglind", services=["fixartjanst"])
    gympa = factories.activity(db, "Seniorgympa", leader_id=maria.id, place_id=axelsberg.id)
    ht = factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 17), ends_on=dt.date(2026, 12, 18))
    db.call(schedule.add_entry, term_id=ht.id, activity_id=gympa.id, place_id=axelsberg.id,
            weekday=TODAY.isoweekday(), starts_at=dt.time(10), ends_at=dt.time(11))
    astrid = factories.person(db, name="Astrid Ek")
    factories.contact(db, astrid.id, day=TODAY - dt.timedelta(days=7), staff_id=maria.id, minutes=45)
    item = db.call(feedback.register_feedback, received_on=TODAY - dt.timedelta(days=3), type="synpunkt",
                   from_key="Senior", about_key="Tillgänglighet", text="Fler tider för gympan, tack.",
                   place_id=axelsberg.id)
    sign_up_people(db, trip(db), 1)  # Anmälan shows a list, its form and its tabs
    return {"person": astrid, "feedback": item}


def mnemonic(text: str) -> str | None:
    """The letter Alt opens, as Qt reads it: the first `&` not doubled."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return None


def reachable_texts(window) -> list[str]:
    """The texts whose Alt+letter the user can press right now."""
    texts = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    return texts


def clashes(texts: list[str]) -> dict[str, list[str]]:
    by_letter = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter:
            by_letter[letter].append(text)
    return {letter: found for letter, found in sorted(by_letter.items()) if len(found) > 1}


def each_tab(window, page: QWidget, name: str) -> Iterator[str]:
    """Every tab of every tab widget on the page, nested ones as they come into view."""
    done: set[int] = set()
    while True:
        waiting = [t for t in page.findChildren(QTabWidget) if id(t) not in done and t.isVisibleTo(window)]
        if not waiting:
            return
        tabs = waiting[0]
        done.add(id(tabs))
        for index in range(tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                yield f"{name} / {mnemonic_free(tabs.tabText(index))}"
        tabs.setCurrentIndex(0)


def mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def modes(window, unit) -> Iterator[str]:
    """The states of the pages that show other fields or buttons than their first view."""
    support = window.page("support")
    window.show_page("support")
    support.tabs.setCurrentWidget(support.persons)
    support.persons.select_person(unit["person"])
    yield "Stödinsatser / en vald person"
    support.persons.card.show_details.setChecked(True)
    yield "Stödinsatser / kontaktuppgifterna visade"
    support.persons.card.show_details.setChecked(False)
    support.persons.start_new_person()
    yield "Stödinsatser / ny person"
    support.discard_changes()

    page = window.page("feedback")
    window.show_page("feedback")
    assert page.select_feedback(unit["feedback"].id)
    yield "Tyck till / en vald synpunkt"
    assert page.edit_item(page.detail.item)
    yield "Tyck till / synpunkten rättas"
    page.discard_changes()

    importer = window.page("import")
    window.show_page("import")
    importer.kind.setCurrentIndex(importer.kind.findData("schedule"))  # the term chooser comes into view
    yield "Import / schema"
    importer.kind.setCurrentIndex(0)

    prints = window.page("prints")
    window.show_page("prints")
    for kind, button in prints.kind_buttons.items():
        button.setChecked(True)
        yield f"Utskrifter / {kind}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_two_mnemonics_in_view_share_a_letter(window, unit, language):
    i18n.set_language(language)
    found = []

    def look(view: str) -> None:
        for letter, texts in clashes(reachable_texts(window)).items():
            found.append(f"{view}: Alt+{letter.upper()} {texts}")

    for spec in PAGES:
        window.show_page(spec.key)
        page = window.page(spec.key)
        look(spec.title())
        for view in each_tab(window, page, spec.title()):
            look(view)
    for view in modes(window, unit):
        look(view)
    assert not found, f"{len(found)} krockar:\n" + "\n".join(found)
