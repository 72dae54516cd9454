"""One measure and its floor, in a fresh process; prints the result as JSON.

    python -m benchmarks.worker MEASURE [--db FILE] [--runs N]

Run by `benchmarks.run`, one process per measure, so each starts from the same state
and its peak memory is its own.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from . import generate
from .harness import Side, compare

YEAR = generate.LAST_YEAR
TERM = f"ht{YEAR}"
IMPORT_ROWS = 30_000


def _open(path: Path):
    from seniorhalsan.database import open_database
    from seniorhalsan.paths import sqlite_url

    return open_database(sqlite_url(path), unit_key=generate.MEASURED_UNIT, daily_backup=False)


def _floor_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the program's own settings for the file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


# --- statistics ---------------------------------------------------------------------------


def stats(path: str, runs: int) -> dict:
    """On a SQLite file, or with a URL on PostgreSQL (psycopg for the floor)."""
    from seniorhalsan.stats import year_stats

    from .stats_floor import year_stats_sql

    if "://" in path:
        import psycopg
        from sqlalchemy.engine import make_url

        from seniorhalsan.database import open_database

        db = open_database(path, unit_key=generate.MEASURED_UNIT, daily_backup=False)
        conn = psycopg.connect(make_url(path).set(drivername="postgresql").render_as_string(hide_password=False),
                               autocommit=True)
    else:
        db = _open(Path(path))
        conn = _floor_connection(Path(path))
    program = db.read(year_stats, YEAR)
    floor = year_stats_sql(conn, db.unit_id, YEAR, db.clock())
    differences = differing(program.to_json(), floor)
    # the program's side ends, as `stats --json` does, in the JSON's shape
    result = compare(Side(lambda: db.read(year_stats, YEAR).to_json()),
                     Side(lambda: year_stats_sql(conn, db.unit_id, YEAR, db.clock())), runs=runs)
    result["info"] = {
        "same_numbers": not differences,
        "differences": differences[:5],
        "visits": program.attendance.visits,
        "sessions": program.attendance.sessions,
        "contacts": sum(s.contacts for s in program.services.values()),
    }
    db.dispose()
    return result


def differing(program, floor, where: str = "") -> list[str]:
    """Where two JSON values differ (the keys' paths), so a floor that drifts says where."""
    if isinstance(program, dict) and isinstance(floor, dict):
        out = [f"{where}/{key}" for key in program.keys() ^ floor.keys()]
        for key in program.keys() & floor.keys():
            out += differing(program[key], floor[key], f"{where}/{key}")
        return sorted(out)
    if isinstance(program, list) and isinstance(floor, list) and len(program) == len(floor):
        return [d for i, (a, b) in enumerate(zip(program, floor, strict=True)) for d in differing(a, b, f"{where}/{i}")]
    return [] if program == floor and type(program) is type(floor) else [where or "/"]


# --- printed documents ----------------------------------------------------------------------


def _document(path: Path, runs: int, kind: str) -> dict:
    from seniorhalsan.reports import api
    from seniorhalsan.reports.figures import collect_year
    from seniorhalsan.reports.folder import FolderReport
    from seniorhalsan.reports.folder_data import collect_folder
    from seniorhalsan.reports.output import write_file
    from seniorhalsan.reports.yearly import YearReport

    from .reports_floor import contents, padding, plain_document, shape

    db = _open(path)
    out = Path(tempfile.mkdtemp(prefix="seniorhalsan-bench-"))
    if kind == "folder":
        report = FolderReport(db.read(collect_folder, TERM))

        def program():
            return api.write_folder(db, TERM, out / "folder.pdf")
    else:
        report = YearReport(db.read(collect_year, YEAR))

        def program():
            return api.write_year_report(db, YEAR, out / "statistik.pdf")
    written = program()  # also registers the fonts, once per process as in the program
    items = contents(report.story())
    extra = padding(items, written.pages, report.pagesize)
    # the folder's contents name each part's page: its text is set twice, in the floor too
    passes = 2 if kind == "folder" else 1
    floor_pages = plain_document(items, extra, report.pagesize)[1]

    def floor():
        write_file(out / "plain.pdf", plain_document(items, extra, report.pagesize, passes)[0])

    result = compare(Side(program), Side(floor), runs=runs)
    tables, rows = shape(items)
    result["info"] = {"pages": written.pages, "floor_pages": floor_pages, "tables": tables, "rows": rows}
    shutil.rmtree(out, ignore_errors=True)
    db.dispose()
    return result


def folder(path: Path, runs: int) -> dict:
    return _document(path, runs, "folder")


def year_report(path: Path, runs: int) -> dict:
    return _document(path, runs, "year")


# --- import -----------------------------------------------------------------------------------


def attendance_csv(path: Path, rows: int = IMPORT_ROWS) -> Path:
    """A seeded CSV of attendance rows for the measured unit, ten years before the data begins."""
    target = generate.OUT / f"narvaro-{rows}-v{generate.VERSION}.csv"
    if target.exists():
        return target
    conn = sqlite3.connect(path)
    unit_id = conn.execute("SELECT id FROM units WHERE key = ?", (generate.MEASURED_UNIT,)).fetchone()[0]
    places = [r[0] for r in conn.execute("SELECT name FROM places WHERE unit_id = ? ORDER BY id", (unit_id,))]
    activities = [r[0] for r in conn.execute("SELECT name FROM activities WHERE unit_id = ? ORDER BY id", (unit_id,))]
    conn.close()
    rng = random.Random(generate.SEED)
    first = dt.date(generate.LAST_YEAR - 19, 1, 1)
    span = (dt.date(generate.LAST_YEAR - 10, 12, 31) - first).days
    lines = []
    for _ in range(rows):
        total = rng.randint(0, 40)
        women = sum(1 for _ in range(total) if rng.random() < 0.8)
        day = first + dt.timedelta(days=rng.randint(0, span))
        lines.append([day.isoformat(), rng.choice(places), rng.choice(activities), women, total - women, 0,
                      rng.randint(0, min(total, 2))])
    lines.sort()
    partial = target.with_name(target.name + ".part")
    with open(partial, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["datum", "mötesplats", "aktivitet", "kvinnor", "män", "övriga", "nya"])
        writer.writerows(lines)
    partial.replace(target)
    return target


def _fresh_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


INSERT = (
    "INSERT INTO activity_sessions (unit_id, activity_id, place_id, held_on, cancelled, women, men, other, total,"
    " new_visitors) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"
)


def bulk_insert(path: Path, csv_path: Path, unit_id: int) -> int:
    """The floor: read the CSV, look the names up, one executemany in one transaction."""
    conn = _floor_connection(path)
    places = dict(conn.execute("SELECT name, id FROM places WHERE unit_id = ?", (unit_id,)))
    activities = dict(conn.execute("SELECT name, id FROM activities WHERE unit_id = ?", (unit_id,)))
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        rows = []
        for day, place, activity, women, men, other, new in reader:
            w, m, o = int(women), int(men), int(other)
            rows.append((unit_id, activities[activity], places[place], day, w, m, o, w + m + o, int(new)))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(INSERT, rows)
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def _import_measure(path: Path, runs: int, csv_path: Path, program_import, floor_insert) -> dict:
    """An import into a fresh copy of the database at `path`, against its floor on another fresh
    copy: `program_import(db, csv_path)` gives the import's report, `floor_insert(copy, csv_path,
    unit_id)` the rows the floor wrote."""
    work = Path(tempfile.mkdtemp(prefix="seniorhalsan-bench-"))
    copy = work / "import.sqlite3"
    _fresh_copy(path, copy)
    state: dict = {}

    def prepare():
        if "db" in state:
            state.pop("db").dispose()
        _fresh_copy(path, copy)
        state["db"] = _open(copy)  # opening (and its integrity check) is not part of the import

    def program():
        state["created"] = program_import(state["db"], csv_path).created

    def floor():
        state["floor_rows"] = floor_insert(copy, csv_path, state["db"].unit_id)

    result = compare(Side(program, prepare), Side(floor, prepare), runs=runs)
    result["info"] = {"rows": state.get("floor_rows"), "created": state.get("created")}
    if "db" in state:
        state.pop("db").dispose()
    shutil.rmtree(work, ignore_errors=True)
    return result


def import_rows(path: Path, runs: int) -> dict:
    from seniorhalsan.importing import import_file

    return _import_measure(path, runs, attendance_csv(path),
                           lambda db, csv_path: db.call(import_file, "attendance", csv_path), bulk_insert)


# --- contacts import -----------------------------------------------------------------------

CONTACT_PERSONS = 3_000


def contacts_csv(path: Path, rows: int = IMPORT_ROWS) -> Path:
    """A seeded CSV of support contacts for the measured unit, ten years before the data begins:
    3 000 persons not yet known (each created by the import) with ten contacts each, their staff,
    minutes, now and then a note, and Fixartjänst's checklist."""
    target = generate.OUT / f"kontakter-{rows}-v{generate.VERSION}.csv"
    if target.exists():
        return target
    conn = sqlite3.connect(path)
    unit_id = conn.execute("SELECT id FROM units WHERE key = ?", (generate.MEASURED_UNIT,)).fetchone()[0]
    staff = [r[0] for r in conn.execute("SELECT name FROM staff WHERE unit_id = ? ORDER BY id", (unit_id,))]
    services = [r[0] for r in conn.execute("SELECT name FROM services ORDER BY sort_order")]
    tasks = [r[0] for r in conn.execute(
        "SELECT t.name FROM service_tasks t JOIN services s ON s.id = t.service_id WHERE s.key = 'fixartjanst'")]
    conn.close()
    rng = random.Random(generate.SEED)
    first = dt.date(generate.LAST_YEAR - 19, 1, 1)
    span = (dt.date(generate.LAST_YEAR - 10, 12, 31) - first).days
    kinds = ["hembesök", "telefon", "öppen mottagning", "besök på mötesplats", "digitalt"]
    people = [(f"B{n:05d}", rng.randint(1925, 1950), rng.choice(["kvinna", "kvinna", "man"]), rng.choice(services))
              for n in range(1, CONTACT_PERSONS + 1)]
    lines = []
    for n in range(rows):
        reference, born, gender, service = people[n % len(people)]
        done = ", ".join(rng.sample(tasks, rng.randint(0, 2))) if service == "Fixartjänst" else ""
        day = first + dt.timedelta(days=rng.randint(0, span))
        lines.append([day.isoformat(), service, reference, born, gender, rng.choice(kinds), rng.choice(staff),
                      rng.choice([15, 30, 45, 60, 90]), "Uppföljning" if rng.random() < 0.2 else "", done])
    lines.sort()
    partial = target.with_name(target.name + ".part")
    with open(partial, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["datum", "tjänst", "person", "födelseår", "kön", "kontakttyp", "medarbetare", "minuter",
                         "anteckning", "utfört"])
        writer.writerows(lines)
    partial.replace(target)
    return target


def bulk_insert_contacts(path: Path, csv_path: Path, unit_id: int) -> int:
    """The floor: read the CSV, look the names up, insert the persons, then the contacts, their
    checklists and the access log's rows for them, each with one executemany, in one transaction."""
    from seniorhalsan.db.session import NO_ACCOUNT
    from seniorhalsan.vocabulary import CONTACT_KINDS, GENDERS

    conn = _floor_connection(path)
    services = dict(conn.execute("SELECT name, id FROM services"))
    tasks = dict(conn.execute("SELECT name, id FROM service_tasks"))
    staff = dict(conn.execute("SELECT name, id FROM staff WHERE unit_id = ?", (unit_id,)))
    kinds = {label.lower(): key for key, label in CONTACT_KINDS.items()}
    genders = {label.lower(): key for key, label in GENDERS.items()}
    persons: dict[str, tuple[int, str]] = {}
    lines = []
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        for day, service, reference, born, gender, kind, who, minutes, note, done in reader:
            persons.setdefault(reference, (int(born), genders[gender]))
            lines.append((day, services[service], reference, kinds[kind], staff[who], int(minutes), note or None,
                          [tasks[t.strip()] for t in done.split(",") if t.strip()]))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO persons (unit_id, reference, birth_year, gender) VALUES (?, ?, ?, ?)",
                     [(unit_id, ref, born, gender) for ref, (born, gender) in persons.items()])
    ids = dict(conn.execute("SELECT reference, id FROM persons WHERE unit_id = ?", (unit_id,)))
    top = conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]
    conn.executemany(
        "INSERT INTO contacts (id, unit_id, service_id, person_id, contact_date, kind, staff_id, minutes, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(top + n, unit_id, svc, ids[ref], day, kind, who, minutes, note)
         for n, (day, svc, ref, kind, who, minutes, note, _done) in enumerate(lines, start=1)])
    conn.executemany("INSERT INTO contact_tasks (contact_id, task_id) VALUES (?, ?)",
                     [(top + n, task) for n, line in enumerate(lines, start=1) for task in line[7]])
    # the access log's row for each person and contact created, as the program writes them
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    conn.executemany(
        "INSERT INTO access_log (unit_id, at, username, operation, record_type, record_id) VALUES (?, ?, ?, ?, ?, ?)",
        [(unit_id, now, NO_ACCOUNT, "skapa", "person", ids[ref]) for ref in persons]
        + [(unit_id, now, NO_ACCOUNT, "skapa", "kontakt", top + n) for n in range(1, len(lines) + 1)])
    conn.execute("COMMIT")
    conn.close()
    return len(lines)


def import_contacts(path: Path, runs: int) -> dict:
    from seniorhalsan.operations.imports import ImportFile

    result = _import_measure(path, runs, contacts_csv(path),
                             lambda db, csv_path: db.perform(ImportFile("contacts", str(csv_path))).value,
                             bulk_insert_contacts)
    result["info"]["persons"] = CONTACT_PERSONS
    return result


MEASURES = {"stats": stats, "folder": folder, "year_report": year_report, "import": import_rows,
            "contacts": import_contacts}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("measure", choices=[*MEASURES, "history"])
    parser.add_argument("--db", required=True, help="a SQLite file, or a URL for the statistics on PostgreSQL")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.measure == "history":
        from .window import history

        result = history(Path(args.db), args.runs)
    elif args.measure == "stats":
        result = stats(args.db, args.runs)
    else:
        result = MEASURES[args.measure](Path(args.db), args.runs)
    json.dump(result, sys.stdout)
    sys.stdout.flush()
    os._exit(0)  # Qt's objects need no orderly teardown here, and it has crashed at exit


if __name__ == "__main__":
    main()
