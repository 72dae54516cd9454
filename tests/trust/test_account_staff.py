"""An account tied to the staff member who signs in with it; refusals name services and roles."""

import datetime as dt

import pytest

from seniorhalsan.errors import Forbidden, ValidationError
from seniorhalsan.operations.accounts import CreateAccount, TieAccountToStaff
from seniorhalsan.services import accounts, contacts, staff
from tests import commandline, factories

PASSWORD = "ett-långt-lösen"


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


@pytest.fixture
def unit(db):
    """The unit head, a fixare tied to his staff row, an IT pedagogue not tied, a coordinator."""
    karin = factories.staff_member(db, "Karin Berg", title="Enhetschef")
    tomas = factories.staff_member(db, "Tomas Fixare", services=["fixartjanst", "aldrestod"])
    factories.staff_member(db, "Ingrid IT", services=["it_stod"])
    maria = factories.staff_member(db, "Maria Samordnare", services=["syn_horsel", "anhorigstod"])
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef", staff_id=karin.id))
    sign_in(db, "karin")
    db.perform(CreateAccount(username="tomas", password=PASSWORD, role="instruktor",
                             services=("aldrestod", "fixartjanst", "it_stod"), staff_id=tomas.id))
    db.perform(CreateAccount(username="ingrid", password=PASSWORD, role="instruktor", services=("it_stod",)))
    db.perform(CreateAccount(username="maria", password=PASSWORD, role="samordnare", staff_id=maria.id))
    return {"karin": karin, "tomas": tomas, "maria": maria}


def test_an_account_shows_its_staff_member_and_its_services_by_name(db, unit):
    listed = {a.username: a for a in db.read(accounts.list_accounts)}
    assert listed["tomas"].staff_id == unit["tomas"].id and listed["tomas"].staff_name == "Tomas Fixare"
    assert listed["tomas"].service_names == ("IT-stöd", "Fixartjänst", "Äldrestöd")
    assert listed["ingrid"].staff_id is None and listed["ingrid"].staff_name is None


def test_the_unit_head_ties_and_unties_an_account(db, unit, unchanged):
    ingrid = db.read(staff.find_staff, "Ingrid IT")
    tied = db.perform(TieAccountToStaff("ingrid", ingrid.id)).value
    assert tied.staff_name == "Ingrid IT"
    assert db.perform(TieAccountToStaff("ingrid", None)).value.staff_id is None
    sign_in(db, "maria")
    with unchanged(), pytest.raises(Forbidden) as refused:
        db.perform(TieAccountToStaff("ingrid", ingrid.id))
    assert "samordnare" in str(refused.value) and "samordnare" != "lasare"


def test_a_staff_member_has_one_active_account(db, unit, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(TieAccountToStaff("ingrid", unit["tomas"].id))
    assert refused.value.fields == ["staff"] and "Tomas Fixare har redan kontot tomas" in str(refused.value)
    with unchanged(), pytest.raises(ValidationError):
        db.perform(CreateAccount(username="tomas2", password=PASSWORD, role="lasare", staff_id=unit["tomas"].id))
    db.call(accounts.disable_account, username="tomas")  # he left: his new account may be his
    assert db.perform(TieAccountToStaff("ingrid", unit["tomas"].id)).value.staff_name == "Tomas Fixare"


def test_the_first_account_can_add_the_unit_head_to_the_staff(db):
    created = db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef",
                                       display_name="Karin Berg", new_staff=True)).value
    karin = db.read(staff.find_staff, "Karin Berg")
    assert created.staff_id == karin.id and karin.title == "Enhetschef" and karin.kind == "anstalld"


def test_own_work_gives_an_instructor_their_staff_member_and_their_own_services_first(db, unit):
    sign_in(db, "tomas")
    own = db.read(staff.own_work)
    assert own.staff.name == "Tomas Fixare"
    # the account's services, those he works in first (in the usual order), then the others he may use
    assert own.services == ("fixartjanst", "aldrestod", "it_stod")
    sign_in(db, "ingrid")  # not tied to a staff member: the account's services
    own = db.read(staff.own_work)
    assert own.staff is None and own.services == ("it_stod",)
    sign_in(db, "maria")  # a coordinator: the services of her staff member
    own = db.read(staff.own_work)
    assert own.staff.name == "Maria Samordnare" and own.services == ("syn_horsel", "anhorigstod")
    db.actor = None
    assert db.read(staff.own_work) == staff.OwnWork(None, ())


@pytest.mark.parametrize("service, name", [("fixartjanst", "Fixartjänst"), ("syn_horsel", "Syn- och hörselstöd"),
                                           ("aldrestod", "Äldrestöd")])
def test_a_refusal_names_the_service_never_its_key(db, unit, unchanged, service, name):
    person = factories.person(db, reference="NY-1")  # no contact yet: any instructor may take them on
    sign_in(db, "ingrid")  # IT-stöd only
    with unchanged(), pytest.raises(Forbidden) as refused:
        db.call(contacts.add_contact, person_id=person.id, service=service, contact_date=dt.date(2026, 4, 1),
                kind="hembesok")
    assert f"Du arbetar inte med {name} " in str(refused.value)
    assert service not in str(refused.value) and service.replace("_", " ") not in str(refused.value)


def test_an_instructor_without_a_service_is_refused_with_a_services_name(db, unit, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(CreateAccount(username="nils", password=PASSWORD, role="instruktor"))
    assert "Fixartjänst" in str(refused.value) and "fixartjanst" not in str(refused.value)


def cli(db_url, *args, user="karin", new_password=None):
    env = {"SENIORHALSAN_USER": None, "SENIORHALSAN_PASSWORD": PASSWORD, "SENIORHALSAN_NEW_PASSWORD": new_password}
    return commandline.run(*args, "--db-url", db_url, "--user", user, env=env)


def test_the_command_line_ties_accounts_to_staff(db, db_url, unit):
    db.dispose()
    added = cli(db_url, "user", "add", "ingrid2", "--role", "instruktor", "--service", "it_stod",
                "--staff", "ingrid it", new_password="nytt-långt-lösen")
    assert added.returncode == 0, added.stderr
    assert "Kontot ingrid2 (instruktör för IT-stöd, Ingrid IT) är skapat." in added.stdout
    listing = cli(db_url, "user", "list")
    line = next(row for row in listing.stdout.splitlines() if row.startswith("tomas"))
    assert "Tomas Fixare" in line and "IT-stöd, Fixartjänst, Äldrestöd" in line and "fixartjanst" not in line
    assert cli(db_url, "user", "staff", "ingrid2", "--none").stdout.strip() == \
        "Kontot ingrid2 är inte knutet till någon medarbetare."
    again = cli(db_url, "user", "staff", "ingrid2", "Ingrid IT")
    assert again.returncode == 0 and "knutet till Ingrid IT" in again.stdout
    unknown = cli(db_url, "user", "staff", "ingrid2", "Okänd Person")
    assert unknown.returncode == 1 and "Okänd Person finns inte" in unknown.stderr and "Enheten" in unknown.stderr
    taken = cli(db_url, "user", "staff", "ingrid2", "Tomas Fixare")
    assert taken.returncode == 1 and "Medarbetare: Tomas Fixare har redan kontot tomas" in taken.stderr
    assert cli(db_url, "user", "staff", "ingrid2").returncode == 2  # neither a staff member nor --none
    assert cli(db_url, "user", "staff", "ingrid2", "--none", user="maria").returncode == 1
