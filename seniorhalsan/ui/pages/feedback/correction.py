"""Saving a corrected "Tyck till" item from the form: all of it with the version it was read at, or nothing."""

from __future__ import annotations

from ....errors import NotFound, UserError
from ....operations.feedback import CorrectFeedback
from ....services import feedback as feedback_service
from ....services.feedback import FeedbackInfo
from ...common import AppContext, submit
from ...i18n import _
from .form import FeedbackForm


def save_correction(app: AppContext, form: FeedbackForm) -> FeedbackInfo | None:
    """The saved item, with the form back to registering; or None, the form showing why
    (under the fields, or above the buttons with someone else's newer values filled in)."""
    item = form.editing
    assert item is not None
    form.errors.clear()
    ok, saved = submit(
        form, form.errors,
        lambda: app.perform(CorrectFeedback(item.id, form.values(), version=item.version)),
        on_stale=lambda exc: _show_newer(app, form, exc),
    )
    if not ok:
        return None
    form.stop_edit()
    return saved


def _show_newer(app: AppContext, form: FeedbackForm, exc: UserError) -> None:
    """Someone else changed the item meanwhile: the form takes theirs and says so; or it is gone."""
    try:
        current = app.db.read(feedback_service.get_feedback, form.editing.id)
    except NotFound:
        current = None
    if current is None:
        form.stop_edit()
        form.errors.show_message(_("Synpunkten finns inte längre; någon annan kan ha tagit bort den."))
    else:
        form.start_edit(current)
        form.errors.show_message(str(exc))
