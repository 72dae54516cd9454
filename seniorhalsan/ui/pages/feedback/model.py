"""The "Tyck till" register as a table: its columns, status words and the overdue mark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ....services.feedback import FeedbackInfo
from ... import i18n
from ...i18n import _
from ...models import Column

SHORT_TEXT = 70


def type_labels() -> dict[str, str]:
    return {"berom": _("Beröm"), "synpunkt": _("Synpunkt"), "klagomal": _("Klagomål")}


def channel_labels() -> dict[str, str]:
    """The same keys as `vocabulary.FEEDBACK_CHANNELS`, in the window's language."""
    return {
        "blankett": _("Tyck till-blankett"),
        "muntligt": _("Muntligt"),
        "brev": _("Brev"),
        "telefon": _("Telefon"),
        "epost": _("E-post"),
        "annat": _("Annat"),
    }


def status_filters() -> list[tuple[str | None, str]]:
    """The register's status filter: the service's keys with words for them."""
    return [
        (None, _("Alla")),
        ("obesvarad", _("Obesvarade")),
        ("besvarad", _("Återkoppling lämnad")),
        ("atgardad", _("Åtgärdade")),
    ]


def status_text(item: FeedbackInfo) -> str:
    """What comes next for it: an answer owed comes first, even when something was already done."""
    if item.waits_for_answer:
        return _("Försenad") if item.overdue else _("Väntar på återkoppling")
    if item.acted_on:
        return _("Åtgärd vidtagen")
    if item.answered_on:
        return _("Återkoppling lämnad")
    if item.type == "berom":
        return _("Beröm")
    return _("Ingen adress")


def overdue_since(item: FeedbackInfo) -> dt.date:
    """The first day the återkoppling was late."""
    return item.response_due + dt.timedelta(days=1)


def overdue_text(item: FeedbackInfo, today: dt.date) -> str:
    if not item.overdue:
        return ""
    since = overdue_since(item)
    return i18n.plural((today - since).days + 1, _("Återkopplingen är försenad sedan {since} ({n} dag)."),
                       _("Återkopplingen är försenad sedan {since} ({n} dagar)."),
                       since=i18n.date_text(since, "long"))


def short_text(text: str, length: int = SHORT_TEXT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def about_text(item: FeedbackInfo, short_names: dict[str, str]) -> str:
    if item.about_key is None:
        return ""
    name = short_names.get(item.about_key, item.about_name or "")
    return f"{name}: {item.about_note}" if item.about_note else name


def highlight(item: FeedbackInfo) -> str | None:
    return "warning" if item.overdue else None


def register_columns(short_names: dict[str, str], today: Callable[[], dt.date]) -> list[Column[FeedbackInfo]]:
    """`short_names` maps template keys (from and about) to their short names."""

    def tip(extra: Callable[[FeedbackInfo], str] | None = None) -> Callable[[FeedbackInfo], str]:
        def tooltip(item: FeedbackInfo) -> str:
            parts = [overdue_text(item, today()), extra(item) if extra else ""]
            return "\n\n".join(p for p in parts if p)

        return tooltip

    return [
        Column(lambda: _("Mottagen"), lambda r: r.received_on, "date", tip()),
        Column(lambda: _("Typ"), lambda r: type_labels().get(r.type, r.type), "text", tip()),
        Column(lambda: _("Från"), lambda r: short_names.get(r.from_key, r.from_name), "text",
               tip(lambda r: r.from_name)),
        Column(lambda: _("Gäller"), lambda r: about_text(r, short_names), "text", tip(lambda r: r.about_name or "")),
        Column(lambda: _("Mötesplats"), lambda r: r.place_name or "", "text", tip(lambda r: r.activity_name or "")),
        Column(lambda: _("Text"), lambda r: short_text(r.text), "text", tip(lambda r: r.text)),
        Column(lambda: _("Svara senast"), lambda r: r.response_due if r.waits_for_answer else None, "date", tip()),
        Column(lambda: _("Status"), status_text, "text", tip()),
    ]
