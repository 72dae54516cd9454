"""Keeping the translation catalogue current (pybabel's extract and update, as one command).

    .venv/bin/python -m seniorhalsan.ui.catalogue          # rewrite the .pot and update the .po files
    .venv/bin/python -m seniorhalsan.ui.catalogue --check  # exit 1 if the .pot is stale or a text lacks English

The tests run the check, so a new `_("…")` without an English translation fails CI. The
catalogues are found as the program finds them (`seniorhalsan.resources`); in a checkout
with its editable install that is `resources/translations/`, which the update rewrites.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from ..paths import resource

UI = Path(__file__).resolve().parent  # the window's code, whose texts are collected
LANGUAGES = ("en",)


def translations() -> Path:
    return Path(str(resource("translations")))


def template_path() -> Path:
    return translations() / "seniorhalsan.pot"


def po_path(language: str) -> Path:
    return translations() / language / "LC_MESSAGES" / "seniorhalsan.po"


ROOT = UI.parent.parent  # the checkout: this is a developer's tool, run from the repository
CONFIG = ROOT / "resources" / "translations" / "babel.cfg"
KEYWORDS = {"_": None, "N_": None}  # N_: a label marked where it is defined, translated where shown


def extract() -> Catalog:
    """Every `_("…")` and `N_("…")` in the files that babel.cfg names."""
    catalog = Catalog(project="Seniorhälsan", version="", charset="utf-8", locale=None)
    with open(CONFIG, encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=True, sort_output=True, width=100, include_lineno=False)
    return buffer.getvalue()


def ids(catalog: Catalog) -> set[str]:
    return {m.id for m in catalog if m.id}


def untranslated(language: str) -> list[str]:
    with open(po_path(language), "rb") as fh:
        po = read_po(fh)
    wanted = ids(extract())
    have = {m.id: m.string for m in po if m.id}
    return sorted(i for i in wanted if not have.get(i))


def check() -> list[str]:
    problems = []
    template = template_path()
    if not template.exists():
        return [f"{template} saknas"]
    with open(template, "rb") as fh:
        committed = ids(read_po(fh))
    fresh = ids(extract())
    for message in sorted(fresh - committed):
        problems.append(f"ny text saknas i mallen: {message!r}")
    for message in sorted(committed - fresh):
        problems.append(f"mallen har en text som inte längre används: {message!r}")
    for language in LANGUAGES:
        for message in untranslated(language):
            problems.append(f"{language}: saknar översättning: {message!r}")
    return problems


def update() -> None:
    template = extract()
    template_path().write_bytes(_po_bytes(template))
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with open(path, "rb") as fh:
                catalog = read_po(fh, locale=language)
        else:
            catalog = Catalog(locale=language, project="Seniorhälsan", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_po_bytes(catalog))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Uppdatera eller kontrollera översättningskatalogen.")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
