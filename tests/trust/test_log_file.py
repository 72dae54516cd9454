"""No personal data in the log file: forced errors write their statements without values."""

import os
import sqlite3
import subprocess
import sys

from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url
from tests import factories

SECRETS = ("HEMLIG-REF-77", "Gunhild Hemligsson", "1937", "Tellusgatan 9")


def run(*args):
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", *args], capture_output=True, text=True,
                            env=os.environ.copy(), stdin=subprocess.DEVNULL, timeout=120)
    assert "Traceback" not in result.stderr
    return result


def test_the_log_holds_no_personal_data_after_forced_errors(db_path, tmp_path, _private_data_dir):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    factories.person(db, reference="HEMLIG-REF-77", name="Gunhild Hemligsson", birth_year=1937,
                     address="Tellusgatan 9")
    db.dispose()
    with sqlite3.connect(db_path) as conn:  # every change of a person or contact now fails inside the database
        conn.execute("CREATE TRIGGER tvinga_fel_1 BEFORE UPDATE ON persons "
                     "BEGIN SELECT RAISE(ABORT, 'tvingat fel'); END")
        conn.execute("CREATE TRIGGER tvinga_fel_2 BEFORE INSERT ON contacts "
                     "BEGIN SELECT RAISE(ABORT, 'tvingat fel'); END")
    erased = run("gallra", "--person", "HEMLIG-REF-77", "--yes", "--db", str(db_path))
    assert erased.returncode == 70
    rows = tmp_path / "kontakter.csv"
    rows.write_text("datum;tjänst;person;födelseår;kön;kontakttyp;anteckning\n"
                    "2026-05-05;Fixartjänst;HEMLIG-REF-77;1937;kvinna;hembesök;Tellusgatan 9\n", encoding="utf-8")
    imported = run("import", "contacts", str(rows), "--db", str(db_path))
    assert imported.returncode == 70
    log = (_private_data_dir / "seniorhalsan.log").read_text(encoding="utf-8")
    assert log.count("tvingat fel") >= 2 and "UPDATE persons" in log  # the errors are there, with their statements
    for secret in SECRETS:
        assert secret not in log, secret
