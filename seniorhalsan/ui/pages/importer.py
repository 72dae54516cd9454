"""Import (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

ImportPage = placeholder("import", lambda: _("Import"))
