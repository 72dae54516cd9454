"""Accounts: the first is the unit head's, passwords are argon2 hashes, logins are checked."""

import pytest
from sqlalchemy import text

from seniorhalsan.errors import Forbidden, ValidationError
from seniorhalsan.services import accounts

PASSWORD = "rätt-lösenord"


def add(db, name, role, **kw):
    return db.call(accounts.create_account, username=name, password=kw.pop("password", PASSWORD), role=role, **kw)


def as_user(db, name, password=PASSWORD):
    db.actor = db.call(accounts.login, username=name, password=password)
    return db.actor


def test_the_first_account_must_be_the_unit_heads(db, unchanged):
    assert not db.read(accounts.has_accounts)
    with unchanged(), pytest.raises(ValidationError) as refused:
        add(db, "maria", "samordnare")
    assert refused.value.fields == ["role"]
    add(db, "karin", "enhetschef")
    assert db.read(accounts.has_accounts)


def test_passwords_are_stored_as_argon2_hashes(db):
    add(db, "karin", "enhetschef")
    with db.engine.connect() as conn:
        stored = conn.execute(text("select password_hash from users")).scalar()
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_login_checks_the_password_and_says_little(db):
    add(db, "karin", "enhetschef")
    with pytest.raises(accounts.LoginFailed, match="Fel användarnamn eller lösenord"):
        db.call(accounts.login, username="karin", password="fel-lösenord")
    with pytest.raises(accounts.LoginFailed, match="Fel användarnamn eller lösenord"):
        db.call(accounts.login, username="okänd", password=PASSWORD)
    actor = as_user(db, "Karin")
    assert (actor.username, actor.role) == ("karin", "enhetschef")


def test_only_the_unit_head_manages_accounts(db, unchanged):
    add(db, "karin", "enhetschef")
    as_user(db, "karin")
    add(db, "maria", "samordnare")
    add(db, "tomas", "instruktor", services=["fixartjanst"])
    as_user(db, "maria")
    with unchanged(), pytest.raises(Forbidden):
        add(db, "nisse", "enhetschef")
    with pytest.raises(Forbidden):
        db.read(accounts.list_accounts)
    # but everyone may change their own password
    db.call(accounts.set_password, username="maria", password="ett-nytt-lösen")
    with pytest.raises(Forbidden):
        db.call(accounts.set_password, username="karin", password="ett-nytt-lösen")
    as_user(db, "maria", "ett-nytt-lösen")


def test_account_fields_are_validated(db, unchanged):
    add(db, "karin", "enhetschef")
    as_user(db, "karin")
    with unchanged(), pytest.raises(ValidationError) as refused:
        add(db, "Tomas G", "instruktor", password="kort")
    assert refused.value.fields == ["username", "services", "password"]
    with unchanged(), pytest.raises(ValidationError):
        add(db, "karin", "lasare")  # taken


def test_a_disabled_account_cannot_sign_in(db):
    add(db, "karin", "enhetschef")
    as_user(db, "karin")
    add(db, "maria", "samordnare")
    db.call(accounts.disable_account, username="maria")
    with pytest.raises(accounts.LoginFailed, match="avstängt"):
        db.call(accounts.login, username="maria", password=PASSWORD)
    with pytest.raises(ValidationError):
        db.call(accounts.disable_account, username="karin")  # not oneself
