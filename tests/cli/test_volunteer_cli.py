"""The volunteer register and each staff member's own figures from the command line."""

import json

from seniorhalsan.operations.accounts import CreateAccount
from seniorhalsan.services import accounts
from tests import reach_data
from tests.cli.test_cli import run
from tests.reports import pdftools

PASSWORD = "ett-långt-lösen"


def test_a_volunteer_is_added_listed_and_leaves(db, db_url):
    added = run("volunteer", "add", "Stig Holmér", "--phone", "070-174 06 42", "--helps-with", "Leder Canasta",
                "--place", "Axelsberg", "--place", "fruängens centrum", "--since", "2024-01-15", db=db_url)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Volontären Stig Holmér är tillagd från 2024-01-15."
    listed = run("volunteer", "list", db=db_url)
    assert "Stig Holmér" in listed.stdout and "Leder Canasta" in listed.stdout
    assert "Axelsberg, Fruängens centrum" in listed.stdout and "070-174 06 42" in listed.stdout
    ended = run("volunteer", "end", "stig holmér", "--date", "2026-06-30", db=db_url)
    assert ended.returncode == 0 and "Stig Holmér slutade 2026-06-30." in ended.stdout
    assert "Inga volontärer är med just nu" in run("volunteer", "list", db=db_url).stdout
    [entry] = json.loads(run("volunteer", "list", "--all", "--json", db=db_url).stdout)
    assert entry == {"name": "Stig Holmér", "phone": "070-174 06 42", "email": None, "helps_with": "Leder Canasta",
                     "places": ["Axelsberg", "Fruängens centrum"], "since": "2024-01-15", "until": "2026-06-30",
                     "erased": False}


def test_refusals_name_the_field_and_exit_1(db, db_url):
    unknown = run("volunteer", "add", "Gun", "--place", "Månen", db=db_url)
    assert unknown.returncode == 1 and "Platser: 'Månen' är ingen känd mötesplats." in unknown.stderr
    nobody = run("volunteer", "end", "Ingen Alls", db=db_url)
    assert nobody.returncode == 1 and "Volontär: 'Ingen Alls' finns inte bland volontärerna." in nobody.stderr
    run("volunteer", "add", "Gun", "--since", "2025-05-01", db=db_url)
    early = run("volunteer", "end", "Gun", "--date", "2025-04-01", db=db_url)
    assert early.returncode == 1 and "Till och med: 2025-04-01 ligger före dagen hen började" in early.stderr
    assert run("volunteer", "add", "Gun", "--since", "i går", db=db_url).returncode == 2  # argparse's own


def test_report_staff_prints_ones_own_or_everyones(db, db_url, tmp_path):
    made = reach_data.build(db)
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef"))
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.perform(CreateAccount(username="tomas", password=PASSWORD, role="instruktor", services=("fixartjanst",),
                             staff_id=made.staff["Tomas"]))
    env = {"SENIORHALSAN_PASSWORD": PASSWORD}
    target = tmp_path / "egna.pdf"
    own = run("report", "staff", "--year", "2025", "--user", "tomas", "-o", str(target), db=db_url, env=env)
    assert own.returncode == 0, own.stderr
    assert "Sparade: Tomas Greger: egna siffror 2025 (1 sida)" in own.stdout
    assert pdftools.cells(pdftools.pages(target, tmp_path)[0], "Fixartjänst") == ["5", "4"]
    other = run("report", "staff", "--year", "2025", "--staff", "Petra Nyholm", "--user", "tomas", "-o",
                str(tmp_path / "x.pdf"), db=db_url, env=env)
    assert other.returncode == 1 and "Du kan skriva ut dina egna siffror, inte andras" in other.stderr
    assert not (tmp_path / "x.pdf").exists()
    everyone = run("report", "staff", "--year", "2025", "--user", "karin", "-o", str(tmp_path / "alla.pdf"),
                   db=db_url, env=env)
    assert everyone.returncode == 0 and "Medarbetarnas egna siffror 2025 (4 sidor)" in everyone.stdout


def test_gallra_tells_of_the_volunteers_it_cleared(db, db_url):
    reach_data.build(db)
    done = run("gallra", "--older-than", "1", "--yes", db=db_url)
    assert done.returncode == 0, done.stderr
    assert "Namn och kontaktuppgifter är borttagna för 1 volontär som slutade före" in done.stdout
