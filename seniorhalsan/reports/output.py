"""Writing a finished document: into a temporary file beside the target, then renamed.

A build that fails never leaves half a file, and a file that is already there is only
replaced once the new one is complete. The file is readable by its owner only (0600),
like everything else the program writes: a report can hold names and feedback.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import UserError

KINDS = {".pdf": "en PDF", ".xlsx": "en Excel-arbetsbok", ".csv": "en CSV-fil"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def csv_text(value: object) -> str:
    """A CSV cell a spreadsheet shows as the text it is: one that would start a formula
    (a name typed as "=HYPERLINK(…)") gets a leading apostrophe, as Excel itself writes it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def check_target(path: str | os.PathLike, suffix: str | None = None) -> Path:
    """The output path, refused in Swedish when it cannot be written (before any work is done)
    or, given `suffix`, when its name says it is another kind of file than the one written."""
    target = Path(path).expanduser()
    if target.is_dir():
        example = target / ("utskrift" + (suffix or ".pdf"))
        raise UserError(f"Utfil: {target} är en mapp. Ange ett filnamn, t.ex. {example}.")
    if suffix and target.suffix.lower() != suffix:
        named = f"slutar på {target.suffix}" if target.suffix else "har ingen ändelse"
        raise UserError(f"Utfil: filen blir {KINDS.get(suffix, suffix)} men namnet {target.name} {named}; "
                        f"skriv t.ex. {target.with_suffix(suffix).name}.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise UserError(f"Utfil: mappen {folder} finns inte.")
    if not folder.is_dir():
        raise UserError(f"Utfil: {folder} är ingen mapp.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"Utfil: det går inte att skriva i mappen {folder}.")
    if target.exists() and not os.access(target, os.W_OK):
        raise UserError(f"Utfil: {target} är skrivskyddad.")
    return target


def write_file(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` all at once; a Swedish UserError when the system refuses."""
    target = check_target(path)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise UserError(f"Utfil: {target} kunde inte sparas; filen är skrivskyddad eller öppen i ett "
                            "annat program.") from exc
        raise UserError(f"Utfil: {target} kunde inte sparas: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
