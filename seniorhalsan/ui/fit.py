"""Whether the window fits a small laptop's screen (1366 × 768) on every page and every tab.

The screenshot tool reports the views that do not fit, and a test checks every page registered
in `pages.PAGES` (with its tabs) at every text size; both measure the same way: the smallest
size the window's layouts allow (its minimum size), with the page and the tab shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QWidget,
)

from .i18n import _
from .pages import PAGES

SCREEN = QSize(1366, 768)


# what must never get less room than it needs: text, buttons and fields (a list or a text box
# that gets less scrolls, and is no loss)
WHOLE = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QCalendarWidget, QTabBar)


@dataclass(frozen=True)
class View:
    """A page, or one tab of it: the size the window needs to show it, and what is cut off
    in a window of the screen's size (text, buttons or fields given less room than they need)."""

    key: str
    name: str  # "Tyck till", "Tyck till › Registrera ny"
    needed: QSize
    cut_off: tuple[str, ...] = ()

    def fits(self, screen: QSize = SCREEN) -> bool:
        return (self.needed.width() <= screen.width() and self.needed.height() <= screen.height()
                and not self.cut_off)

    def describe(self) -> str:
        text = f"{self.name}: {self.needed.width()} × {self.needed.height()}"
        return text + ("; klipps: " + ", ".join(self.cut_off) if self.cut_off else "")


def needed(window: QWidget) -> QSize:
    """The least room the window's layouts allow it (what it grows to on a smaller screen)."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    return window.minimumSizeHint().expandedTo(window.minimumSize())


def cut_off(window: QWidget) -> tuple[str, ...]:
    """The texts, buttons and fields shown with less room than they need (a wrapped text
    counted at its width), outside the lists and scroll areas that scroll them into view."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, WHOLE) or not widget.isVisible() or _scrolled(widget, window):
            continue
        need = widget.minimumSizeHint().expandedTo(widget.minimumSize()).boundedTo(widget.maximumSize())
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.hasHeightForWidth():
            need.setHeight(max(need.height(), widget.heightForWidth(widget.width())))
        if widget.width() < need.width() - 1 or widget.height() < need.height() - 1:
            found.append(_name_of(widget))
        elif any(other.geometry().intersects(widget.geometry()) for other in shown_beside(widget, window)):
            found.append(_name_of(widget) + " (under en annan)")
    return tuple(found)


def shown_beside(widget: QWidget, window: QWidget) -> list[QWidget]:
    """The texts, buttons and fields beside it in the same parent, which it must not overlap."""
    parent = widget.parentWidget()
    return [other for other in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if other is not widget and isinstance(other, WHOLE) and other.isVisible()] if parent else []


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area or a list, or a part of a field (a spin box's text, a calendar's
    arrows), which its field lays out itself."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractScrollArea, *WHOLE)):
            return True
        parent = parent.parentWidget()
    return False


def _name_of(widget: QWidget) -> str:
    text = ""
    for attribute in ("text", "currentText", "title"):
        value = getattr(widget, attribute, None)
        if callable(value) and isinstance(value(), str) and value():
            text = value().replace("&", "")
            break
    text = " ".join(text.split())
    kind = type(widget).__name__
    if not text:
        kind += f" i {type(widget.parentWidget()).__name__}"
    return f"{kind} '{text[:40]}'" if text else kind


def tab_name(tabs: QTabWidget, index: int) -> str:
    return tabs.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")


@contextmanager
def only_tab(tabs: QTabWidget, index: int) -> Iterator[None]:
    """Measure one tab as if it were alone: a tab widget asks for the room of its biggest tab,
    so the tab that does not fit would make every other one look too big as well."""
    others = [tabs.widget(i) for i in range(tabs.count()) if i != index]
    saved = [(widget, widget.sizePolicy()) for widget in others]
    ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    for widget in others:
        widget.setSizePolicy(ignored)
    tabs.setCurrentIndex(index)
    try:
        yield
    finally:
        for widget, policy in saved:
            widget.setSizePolicy(policy)


def measure(window, key: str, name: str, settle: Callable[[], None]) -> View:
    """The view as the window shows it now, in a window of the screen's size (or as near as the
    window's minimum allows), as a maximised window on a small laptop."""
    window.resize(SCREEN)
    size = None
    for _round in range(6):  # a text that wraps at its new width asks its parents again, a level a round
        settle()
        if needed(window) == size:
            break
        size = needed(window)
        window.resize(SCREEN)
    return View(key, name, size, cut_off(window))


def views(window, settle: Callable[[], None], *, only: Collection[str] | None = None) -> Iterator[View]:
    """Show each page the signed-in role may see (in the order of `PAGES`; with `only`, those
    keys), then each of its tabs, and measure the window; `settle` lets the page finish loading
    (events, workers). The Kom igång list comes first, for the roles that set up a unit."""
    if window.may_set_up() and (only is None or "start" in only):
        window.show_start()
        settle()
        yield measure(window, "start", _("Kom igång"), settle)
    for spec in PAGES:
        if not window.may_see(spec.key) or (only is not None and spec.key not in only):
            continue
        window.show_page(spec.key)
        settle()
        page = window.page(spec.key)
        yield measure(window, spec.key, spec.title(), settle)
        for tabs in page.findChildren(QTabWidget):
            shown = tabs.currentIndex()
            for index in range(tabs.count()):
                with only_tab(tabs, index):
                    settle()
                    yield measure(window, spec.key, f"{spec.title()} › {tab_name(tabs, index)}", settle)
            tabs.setCurrentIndex(shown)
            settle()


def too_big(found: list[View], screen: QSize = SCREEN) -> list[View]:
    """The views that do not fit: each tab that does not; a page only where none of its tabs
    is to blame on its own (or it has no tabs)."""
    result = []
    for view in found:
        if view.fits(screen):
            continue
        is_page = "›" not in view.name
        tabs_to_blame = any("›" in other.name and other.key == view.key and not other.fits(screen)
                            for other in found)
        if not is_page or not tabs_to_blame:
            result.append(view)
    return result
