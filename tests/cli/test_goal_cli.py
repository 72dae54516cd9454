"""`seniorhalsan goal`: set, analysis, list (table and JSON), remove and figures, as a user runs them."""

import datetime as dt
import json

from seniorhalsan.services import accounts
from tests import factories
from tests.cli.test_cli import run

D = dt.date
PASSWORD = "ett-långt-lösen"


def test_goals_from_the_command_line(db, db_url, tmp_path):
    gympa = factories.activity(db, "Seniorgympa")
    factories.session(db, gympa, factories.place_named(db, "Axelsberg"), D(2025, 3, 3), women=80, men=19, other=1)
    analysis = tmp_path / "analys.txt"
    analysis.write_text("Fler besök än målet.\n\nMännen är få.", encoding="utf-8")

    done = run("goal", "set", "--year", "2025", "--figure", "visits", "--target", "110", "--women", "90", "--men", "19",
               "--analysis-file", analysis, db=db_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Sparat: mål 2025 för Besök på aktiviteter: 110 (kvinnor 90, män 19).\n"
    t1 = tmp_path / "t1.txt"
    t1.write_text("Bra start.", encoding="utf-8")
    done = run("goal", "analysis", "--year", "2025", "--figure", "visits", "--tertial", "1", "--file", t1, db=db_url)
    assert done.stdout == "Sparat: analysen av målet för Besök på aktiviteter (tertialrapport 1 2025).\n"
    assert run("goal", "set", "--year", "2025", "--figure", "feedback_answered_in_time", "--target", "90",
               db=db_url).returncode == 0

    listed = run("goal", "list", "--year", "2025", db=db_url)
    assert listed.returncode == 0, listed.stderr
    assert ("Besök på aktiviteter (visits)\n  mål 110 (kvinnor 90, män 19)\n  utfall 100: delvis uppnått\n"
            in listed.stdout)
    assert "    kvinnor 80: ej uppnått\n    män 19: uppnått\n  analys: årets, T1\n" in listed.stdout
    assert "  utfall –: ej registrerat\n" in listed.stdout  # no feedback at all in 2025: not "not reached"

    printed = json.loads(run("goal", "list", "--year", "2025", "--json", db=db_url).stdout)
    assert printed[0] == {"figure": "visits", "target": 110, "result": 100, "status": "delvis",
                          "women": {"target": 90, "result": 80, "status": "ej_uppnatt"},  # 88.9 %
                          "men": {"target": 19, "result": 19, "status": "uppnatt"},
                          "label": "Besök på aktiviteter",
                          "analysis": {"year": "Fler besök än målet.\n\nMännen är få.", "t1": "Bra start.", "t2": ""}}
    assert printed[1]["result"] is None and printed[1]["status"] == "ej_registrerat"

    stats = json.loads(run("stats", "--year", "2025", "--json", db=db_url).stdout)
    assert [set(g) for g in stats["goals"]] == [{"figure", "target", "result", "status", "women", "men"},
                                                {"figure", "target", "result", "status"}]
    assert "Mål\n---\n  Besök på aktiviteter\n    utfall 100 av målet 110 (2024: 0): delvis uppnått\n" in \
        run("stats", "--year", "2025", db=db_url).stdout

    removed = run("goal", "remove", "--year", "2025", "--figure", "visits", db=db_url)
    assert removed.returncode == 0 and removed.stdout == "Borttaget: målet 2025 för Besök på aktiviteter.\n"
    assert [g["figure"] for g in json.loads(run("goal", "list", "--year", "2025", "--json", db=db_url).stdout)] == [
        "feedback_answered_in_time"]
    assert run("goal", "list", "--year", "2024", db=db_url).stdout == "Inga mål är satta för 2024.\n"


def test_the_figures_a_goal_can_be_set_for(db_url):
    listed = run("goal", "figures", db=db_url)
    assert listed.returncode == 0
    assert "visits                     Besök på aktiviteter (mål för kvinnor och män går att sätta)\n" in listed.stdout
    assert "sessions:kultur            Genomförda tillfällen: Kultur\n" in listed.stdout
    figures = json.loads(run("goal", "figures", "--json", db=db_url).stdout)
    assert {"figure": "feedback_answered_in_time", "label": "Andel synpunkter med återkoppling i tid",
            "women_and_men": False, "share": True} in figures


def test_mistakes_are_refused_in_swedish_and_change_nothing(db, db_url, tmp_path):
    refused = run("goal", "set", "--year", "2025", "--figure", "visit", "--target", "0", db=db_url)
    assert refused.returncode == 1
    assert refused.stderr == ("Fel: Siffra: 'visit' är ingen siffra som ett mål kan sättas för (till exempel visits, "
                              "sessions:kultur, persons:fixartjanst).\n"
                              "Mål: ange ett mål mellan 1 och 10\xa0000\xa0000.\n")
    missing = run("goal", "set", "--year", "2025", "--figure", "visits", "--target", "10", "--analysis-file",
                  tmp_path / "finns-inte.txt", db=db_url)
    gone = tmp_path / "finns-inte.txt"
    assert (missing.returncode, missing.stderr) == (1, f"Fel: Analys: filen {gone} finns inte.\n")
    alone = run("goal", "set", "--year", "2025", "--figure", "visits", "--target", "10", "--tertial", "1", db=db_url)
    assert alone.returncode == 1 and "--tertial anger vilken rapport analysen gäller" in alone.stderr
    assert run("goal", "remove", "--year", "2025", "--figure", "visits", db=db_url).stderr == \
        "Fel: Det finns inget mål för Besök på aktiviteter 2025.\n"
    assert run("goal", "list", "--year", "2025", db=db_url).stdout == "Inga mål är satta för 2025.\n"
    assert run("goal", "set", "--year", "2025", db=db_url).returncode == 2  # argparse: --figure is missing


def test_only_the_unit_head_sets_goals(db, db_url):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    env = {"SENIORHALSAN_PASSWORD": PASSWORD}
    refused = run("goal", "set", "--year", "2025", "--figure", "visits", "--target", "10", "--user", "maria", db=db_url,
                  env=env)
    assert refused.returncode == 1 and "får inte sätta årets mål och skriva analysen" in refused.stderr
    assert run("goal", "set", "--year", "2025", "--figure", "visits", "--target", "10", "--user", "karin", db=db_url,
               env=env).returncode == 0
    assert "Besök på aktiviteter (visits)" in run("goal", "list", "--year", "2025", "--user", "maria", db=db_url,
                                                  env=env).stdout
