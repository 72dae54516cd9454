"""What the Tyck till page's tests share: the page opened on a tab, a choice made, an item registered."""

import datetime as dt

from seniorhalsan.services import feedback
from seniorhalsan.ui.pages.feedback.page import REGISTER

D = dt.date
SEPTEMBER_FIRST = D(2026, 9, 1)


def open_page(window, tab=REGISTER):
    window.show_page("feedback")
    page = window.page("feedback")
    page.tabs.setCurrentIndex(tab)
    return page


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def add(db, day=SEPTEMBER_FIRST, kind="synpunkt", sender="Senior", about="Tillgänglighet", **kw):
    """An item registered by someone else (or earlier), as the test's starting point."""
    return db.call(feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about,
                   text=kw.pop("text", "Fler tider för gympan, tack."), **kw)


def selected_ids(page):
    listed = page.register_list
    return [listed.model.row_at(index.row()).id for index in listed.table.selectionModel().selectedRows()]
