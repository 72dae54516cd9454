"""Gallring clears personal data while every past year's statistics stay exactly the same."""

import datetime as dt
import json

from sqlalchemy import text

from seniorhalsan import stats
from seniorhalsan.services import contacts, persons, retention
from tests import commandline, factories

D = dt.date


def person_with_contacts(db, reference, days, service="fixartjanst", **kw):
    who = factories.person(db, reference=reference, name=f"Namn {reference}", phone="08-123 45 67", note="Bor ensam",
                           **kw)
    for day in days:
        tasks = ["brandvarnare"] if service == "fixartjanst" else []
        factories.contact(db, who.id, service=service, day=day, note="Bytte batterier", tasks=tasks)
    return who


def all_years(db):
    """What `stats --json` says for each year."""
    return {year: db.read(stats.year_stats, year).to_json() for year in range(2019, 2027)}


def test_gallring_keeps_every_years_numbers(db):
    old = person_with_contacts(db, "GAMMAL", [D(2019, 5, 1), D(2021, 3, 3)], birth_year=1930, gender="man")
    recent = person_with_contacts(db, "NY", [D(2020, 1, 1), D(2026, 6, 1)])
    person_with_contacts(db, "SYN", [D(2022, 2, 2)], service="syn_horsel")
    before = all_years(db)

    planned = db.read(retention.preview, older_than_years=3)
    assert (planned.cutoff, planned.persons) == (D(2023, 11, 20), 2)
    done = db.call(retention.gallra, older_than_years=3)
    assert done.persons == 2

    assert all_years(db) == before
    cleared = db.read(persons.get_person, old.id)
    assert cleared.erased and (cleared.reference, cleared.name, cleared.phone, cleared.note) == (None, None, None, None)
    assert (cleared.birth_year, cleared.gender) == (1930, "man")
    assert all(c.note is None for c in db.read(contacts.list_contacts, person_id=old.id))
    kept = db.read(persons.get_person, recent.id)
    assert kept.reference == "NY" and kept.phone == "08-123 45 67"
    assert db.read(persons.person_by_reference, "GAMMAL") is None
    assert db.call(retention.gallra, older_than_years=3).persons == 0  # nothing left to clear


def test_a_person_is_removed_on_request(db):
    who = person_with_contacts(db, "BORT", [D(2026, 10, 1)])
    before = all_years(db)
    db.call(retention.erase_person, who.id)
    assert db.read(persons.get_person, who.id).erased
    assert all_years(db) == before
    with db.engine.connect() as conn:
        entries = conn.execute(text("select operation, record_type, record_id, detail from access_log")).all()
    assert ("gallra", "person", who.id, "på begäran") in entries


def test_the_command_compares_stats_before_and_after(db_url, tmp_path):
    from seniorhalsan.database import open_database

    db = open_database(db_url, daily_backup=False)
    person_with_contacts(db, "A", [D(2015, 5, 5)])
    person_with_contacts(db, "B", [D(2016, 6, 6), D(2017, 7, 7)], service="anhorigstod")
    db.dispose()

    def cli(*args):
        return commandline.run(*args, "--db-url", db_url)

    before = {y: json.loads(cli("stats", "--year", str(y), "--json").stdout) for y in (2015, 2016, 2017)}
    refused = cli("gallra", "--older-than", "5")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = cli("gallra", "--older-than", "5", "--yes")
    assert done.returncode == 0 and "2 personer" in done.stdout
    after = {y: json.loads(cli("stats", "--year", str(y), "--json").stdout) for y in (2015, 2016, 2017)}
    assert after == before
