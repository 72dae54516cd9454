"""Reading real PDFs back the way a user's tools do: poppler's pdftotext, pdffonts and pdfinfo."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _file(pdf: bytes | Path, tmp: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    return path


def text(pdf: bytes | Path, tmp: Path, *, layout: bool = False, first: int | None = None,
         last: int | None = None, crop: tuple[float, float, float, float] | None = None) -> str:
    """The text of the document (or of pages first..last, or of a crop x, y, w, h in points)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    if crop:
        x, y, w, h = crop
        args += ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w)), "-H", str(int(h))]
    args += [str(_file(pdf, tmp)), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(pdf: bytes | Path, tmp: Path) -> list[str]:
    """The text of each page."""
    return text(pdf, tmp, layout=True).split("\f")[:-1]


def fonts(pdf: bytes | Path, tmp: Path) -> dict[str, bool]:
    """Font name (without the subset prefix) → embedded, as pdffonts reports it."""
    out = subprocess.run(["pdffonts", str(_file(pdf, tmp))], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines()[2:]:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        # columns from the right: ... emb sub uni object ID
        found[name] = parts[-5] == "yes"
    return found


def info(pdf: bytes | Path, tmp: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(_file(pdf, tmp))], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def page_size(pdf: bytes | Path, tmp: Path) -> tuple[float, float]:
    match = re.search(r"([\d.]+) x ([\d.]+) pts", info(pdf, tmp)["Page size"])
    return float(match.group(1)), float(match.group(2))


def squash(text_: str) -> str:
    """Whitespace (including the no-break spaces reportlab writes as spaces) as single spaces."""
    return re.sub(r"\s+", " ", text_.replace("\xa0", " ")).strip()


def cells(page: str, label: str) -> list[str]:
    """The cells after `label` on the first line that holds it and more (cells are 2+ spaces apart)."""
    for line in page.splitlines():
        if label in line:
            after = line[line.index(label) + len(label):].strip()
            if after:  # a label alone on its line is a chart's, not a table row
                # pdftotext sometimes reads the narrow (no-break) space before "%" as no space
                return [re.sub(r"(\d)%", r"\1 %", c) for c in re.split(r"\s{2,}", after) if c]
    raise AssertionError(f"{label!r} not found with values after it")
