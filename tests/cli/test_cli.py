"""The `seniorhalsan` command as a user runs it: Swedish messages, exit codes, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest
from argon2 import extract_parameters
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import create_engine, text

from seniorhalsan.cli import data
from seniorhalsan.cli import main as cli_main
from tests import commandline


def run(*args, db=None, env=None):
    if db is not None:
        args = (*args, *(["--db-url", db] if "://" in str(db) else ["--db", str(db)]))
    return commandline.run(*args, env=env)


def test_the_command_runs_as_a_process_of_its_own_with_real_password_hashing(db_url):
    """The one test that starts the command as a user does, and the one that uses the
    program's own argon2 cost (every other test hashes cheaply, see tests/conftest.py)."""
    env = {**os.environ, "SENIORHALSAN_NEW_PASSWORD": "ett-långt-lösen", "SENIORHALSAN_PASSWORD": "ett-långt-lösen"}

    def command(*args):
        done = subprocess.run([sys.executable, "-m", "seniorhalsan", *args, "--db-url", db_url], capture_output=True,
                              text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
        assert "Traceback" not in done.stderr
        return done

    added = command("user", "add", "karin", "--role", "enhetschef")
    assert added.returncode == 0, added.stderr
    engine = create_engine(db_url)
    with engine.connect() as conn:
        stored = conn.execute(text("select password_hash from users")).scalar_one()
    engine.dispose()
    assert extract_parameters(stored) == RFC_9106_LOW_MEMORY  # argon2id, 64 MiB, 3 passes
    signed_in = command("stats", "--year", "2025", "--json", "--user", "karin")
    assert signed_in.returncode == 0, signed_in.stderr
    assert json.loads(signed_in.stdout)["year"] == 2025
    env["SENIORHALSAN_PASSWORD"] = "fel-lösenord"
    refused = command("stats", "--year", "2025", "--user", "karin")
    assert refused.returncode == 1 and "Fel användarnamn eller lösenord" in refused.stderr


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0
    assert "användning: seniorhalsan" in result.stdout
    for command in ("demo", "import", "stats"):
        assert command in result.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("seniorhalsan ")


def test_a_wrong_argument_is_explained_in_swedish(tmp_path):
    result = run("stats", "--year", "förra", db=tmp_path / "x.sqlite3")
    assert result.returncode == 2
    assert "ogiltigt värde: 'förra'" in result.stderr
    missing = run("stats", db=tmp_path / "x.sqlite3")
    assert "följande argument saknas: --year" in missing.stderr


def test_stats_json_has_the_agreed_shape(db_url):
    result = run("stats", "--year", "2025", "--json", db=db_url)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"year", "attendance", "services", "groups", "trainings", "feedback", "signups",
                            "goals", "outreach", "volunteers"}
    assert figures["goals"] == []  # a year without goals
    assert set(figures["outreach"]) == {"events", "reached", "by_kind"}
    assert set(figures["outreach"]["by_kind"]["informationsmote"]) == {"events", "reached"}
    assert set(figures["volunteers"]) == {"active", "sessions", "visits"}
    assert set(figures["signups"]) == {"occasions", "places_offered", "signed_up", "attended", "waiting_list",
                                       "distinct_persons", "by_kind"}
    assert set(figures["attendance"]) == {
        "visits", "women", "men", "other", "unspecified", "new_visitors", "sessions", "by_tertial", "by_place",
        "by_kind", "by_activity", "sessions_by_kind"}
    assert set(figures["services"]) == {"it_stod", "fixartjanst", "syn_horsel", "anhorigstod", "aldrestod"}
    assert set(figures["services"]["fixartjanst"]) == {
        "contacts", "by_contact_kind", "persons", "new_persons", "persons_by_gender", "persons_by_age",
        "contacts_by_age", "tasks", "previous_year", "new_persons_by_route"}
    assert list(figures["services"]["fixartjanst"]["new_persons_by_route"]) == [
        "bistandshandlaggare", "vardcentral", "tryggt_mottagande", "senior_connect", "annons_folder", "anhorig",
        "sjalv_grannar", "annan_enhet", "okant", "ej_angiven"]
    assert set(figures["services"]["fixartjanst"]["by_contact_kind"]) == {
        "hembesok", "telefon", "oppen_mottagning", "motesplats", "digitalt"}
    assert set(figures["feedback"]) == {"total", "praise", "from", "about", "answered", "acted_on"}
    assert set(figures["feedback"]["from"]) == {
        "annan", "brukare", "medarbetare", "narstaende", "patientnamnden", "samverkanspart", "senior"}
    assert len(figures["feedback"]["about"]) == 12
    assert set(figures["feedback"]["answered"]) == {"T1", "T2", "T3", "total"}


def test_a_refused_import_exits_non_zero_with_the_reason(tmp_path, db_url):
    bad = tmp_path / "närvaro.csv"
    bad.write_text("datum;mötesplats;aktivitet;totalt\n2025-01-01;Månen;Gympa;4\n", encoding="utf-8")
    result = run("import", "attendance", str(bad), db=db_url)
    assert result.returncode == 1
    assert "Rad 2, kolumn mötesplats: 'Månen' är ingen känd mötesplats." in result.stderr
    assert "Inget sparades" in result.stderr


def test_the_database_can_be_chosen_by_environment(tmp_path):
    target = tmp_path / "miljö.sqlite3"
    result = run("stats", "--year", "2025", env={"SENIORHALSAN_DB": str(target)})
    assert result.returncode == 0 and target.exists()


def test_an_unknown_database_address_is_refused_clearly(tmp_path):
    result = run("stats", "--year", "2025", "--db-url", "nosuchdb://x")
    assert result.returncode == 1 and "känns inte igen" in result.stderr


def test_an_unexpected_error_goes_to_the_log_not_the_screen(tmp_path, monkeypatch, capsys, _private_data_dir):
    def broken(args):
        raise RuntimeError("internt fel")

    monkeypatch.setattr(data, "cmd_stats", broken)
    code = cli_main.main(["stats", "--year", "2025", "--db", str(tmp_path / "db.sqlite3")])
    err = capsys.readouterr().err
    assert code == cli_main.EXIT_UNEXPECTED
    assert "oväntat fel" in err and "Traceback" not in err
    assert "RuntimeError: internt fel" in (_private_data_dir / "seniorhalsan.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_demo_then_stats_is_at_the_scale_of_the_year_report(db_url):
    db = db_url
    assert run("demo", "--year", "2025", db=db).returncode == 0
    figures = json.loads(run("stats", "--year", "2025", "--json", db=db).stdout)
    a = figures["attendance"]
    assert 28_000 <= a["visits"] <= 32_000
    assert 0.72 <= a["women"] / (a["women"] + a["men"]) <= 0.85
    s = figures["services"]
    assert 750 <= s["it_stod"]["contacts"] <= 950
    assert 380 <= s["fixartjanst"]["by_contact_kind"]["hembesok"] <= 480
    assert s["fixartjanst"]["new_persons"] >= 80
    syn = s["syn_horsel"]
    assert 380 <= syn["persons"] <= 450 and 0.6 <= syn["new_persons"] / syn["persons"] <= 0.7
    assert syn["persons_by_age"]["85+"] / syn["persons"] >= 0.8
    anh = s["anhorigstod"]
    assert 180 <= anh["persons"] <= 220 and anh["persons"] / anh["previous_year"]["persons"] >= 1.25
    assert 40 <= s["aldrestod"]["persons"] <= 50
    assert figures["trainings"]["participants"] >= 119
    assert figures["feedback"]["total"]["total"] >= 20
    again = run("demo", db=db)
    assert again.returncode == 1 and "redan" in again.stderr


def test_the_access_log_is_exported_whole_or_refused_in_swedish(db_url, tmp_path):
    passwords = {"SENIORHALSAN_NEW_PASSWORD": "ett-långt-lösen", "SENIORHALSAN_PASSWORD": "ett-långt-lösen"}
    assert run("user", "add", "karin", "--role", "enhetschef", db=db_url, env=passwords).returncode == 0
    out = tmp_path / "export"
    missing = run("access-log", "--csv", str(out / "logg.csv"), "--user", "karin", db=db_url, env=passwords)
    assert missing.returncode == 1
    assert f"Utfil: mappen {out} finns inte." in missing.stderr
    out.mkdir()
    target = out / "logg.csv"
    target.write_text("en gammal fil", encoding="utf-8")
    done = run("access-log", "--csv", str(target), "--user", "karin", db=db_url, env=passwords)
    assert done.returncode == 0 and "rader skrevs till" in done.stdout
    assert target.read_bytes().startswith("\ufefftid;användare;åtgärd;post;id;detalj".encode())
    assert [p.name for p in out.iterdir()] == ["logg.csv"]  # no temporary file left beside it


@pytest.mark.slow
def test_demo_without_a_database_fills_the_demo_file_never_the_units_own(_private_data_dir):
    from seniorhalsan.database import open_database
    from seniorhalsan.paths import default_db_path, demo_db_path, sqlite_url
    from seniorhalsan.services import lookups

    made = run("demo", "--year", "2025")
    assert made.returncode == 0, made.stderr
    assert f"Demodatabasen: {demo_db_path()}" in made.stdout
    assert not default_db_path().exists()  # the unit's own database got nothing (was not even created)
    demo = open_database(sqlite_url(demo_db_path()), daily_backup=False)
    assert demo.read(lookups.unit).demo and not demo.read(lookups.unit_is_empty)
    demo.dispose()


def test_demo_in_a_given_database_marks_it_as_demo(db_url, monkeypatch):
    from seniorhalsan.database import open_database
    from seniorhalsan.demo import DemoBuilder
    from seniorhalsan.services import lookups

    # the year itself is the slow test's; here only that the database says it is invented
    monkeypatch.setattr(DemoBuilder, "sessions", lambda self, year, terms: (0, 0))
    monkeypatch.setattr(DemoBuilder, "support", lambda self, years: (0, 0))
    monkeypatch.setattr(DemoBuilder, "feedback", lambda self, year: 0)
    monkeypatch.setattr(DemoBuilder, "groups_and_trainings", lambda self, year: None)
    assert run("demo", "--year", "2025", db=db_url).returncode == 0
    db = open_database(db_url, daily_backup=False)
    assert db.read(lookups.unit).demo
    db.dispose()
