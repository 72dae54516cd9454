"""Arbitrary input to the importers and the services: a valid record or a clear refusal,
never a traceback and never a partial write."""

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from seniorhalsan import importing
from seniorhalsan.db.models import ActivitySession, Contact, Feedback, Person
from seniorhalsan.errors import UserError
from seniorhalsan.services import attendance, contacts, feedback, persons
from tests import factories

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

anything = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12), st.floats(allow_nan=True),
    st.text(max_size=40), st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
)


def counts(db) -> tuple[int, ...]:
    def count(ctx):
        return tuple(ctx.session.scalar(select(func.count()).select_from(m))
                     for m in (ActivitySession, Person, Contact, Feedback))
    return db.read(count)


def refused_or_saved(db, call, *, grows_by_one=True):
    before = counts(db)
    try:
        result = call()
    except UserError as exc:
        assert str(exc).strip()
        assert counts(db) == before, "a refused operation changed the database"
        return None
    after = counts(db)
    if grows_by_one:
        assert sum(after) - sum(before) <= 1
    return result


@pytest.fixture
def catalogue(db):
    return factories.activity(db, "Seniorgympa").id, factories.place_named(db, "Axelsberg").id


@SETTINGS
@given(women=anything, men=anything, other=anything, total=anything, new=anything, day=anything)
def test_attendance_takes_any_values(db, catalogue, women, men, other, total, new, day):
    activity, place = catalogue
    saved = refused_or_saved(db, lambda: db.call(
        attendance.record_attendance, activity_id=activity, place_id=place, held_on=day,
        women=women, men=men, other=other, total=total, new_visitors=new))
    if saved is not None:
        assert saved.total is None or saved.total >= 0
        assert saved.held_on <= db.clock()


@SETTINGS
@given(birth_year=anything, gender=anything, reference=anything, name=anything, email=anything)
def test_persons_take_any_values(db, birth_year, gender, reference, name, email):
    saved = refused_or_saved(db, lambda: db.call(
        persons.create_person, birth_year=birth_year, gender=gender, reference=reference, name=name, email=email))
    if saved is not None:
        assert 10 <= db.clock().year - saved.birth_year <= 115
        assert saved.gender in ("kvinna", "man", "annat")


@SETTINGS
@given(day=anything, kind=anything, minutes=anything, tasks=st.lists(st.text(max_size=12), max_size=3), note=anything)
def test_contacts_take_any_values(db, day, kind, minutes, tasks, note):
    who = db.read(persons.person_by_reference, "H1") or factories.person(db, reference="H1")
    refused_or_saved(db, lambda: db.call(
        contacts.add_contact, person_id=who.id, service="fixartjanst", contact_date=day, kind=kind,
        minutes=minutes, tasks=tasks, note=note))


@SETTINGS
@given(day=anything, kind=anything, sender=anything, about=anything, text=anything, due=anything)
def test_feedback_takes_any_values(db, day, kind, sender, about, text, due):
    refused_or_saved(db, lambda: db.call(
        feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about, text=text,
        response_due=due))


cell = st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
                 st.sampled_from(["2025-03-03", "Axelsberg", "Seniorgympa", "12", "-1", "", "beröm", "Senior",
                                  "Fixartjänst", "hembesök", "1940", "kvinna", "P1"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(importing.KINDS)),
       header=st.lists(st.sampled_from(["datum", "mötesplats", "aktivitet", "kvinnor", "män", "övriga", "totalt",
                                        "nya", "tjänst", "person", "födelseår", "kön", "kontakttyp", "typ", "från",
                                        "gäller", "text", "x"]), min_size=1, max_size=9),
       rows=st.lists(st.lists(cell, max_size=9), max_size=6),
       delimiter=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_importers_take_any_file(db, catalogue, tmp_path_factory, kind, header, rows, delimiter, encoding):
    text = "\n".join(delimiter.join(r) for r in [header, *rows]) + "\n"
    path = tmp_path_factory.mktemp("fil") / "fil.csv"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(text.encode("utf-8"))
    before = counts(db)
    try:
        report = db.call(importing.import_file, kind, path)
    except UserError as exc:
        assert str(exc).strip()
        assert counts(db) == before
    else:
        assert report.rows == report.created + report.updated + report.unchanged


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_importers_take_any_bytes(db, tmp_path_factory, blob, suffix):
    path = tmp_path_factory.mktemp("bin") / f"fil{suffix}"
    path.write_bytes(blob)
    before = counts(db)
    with contextlib.suppress(UserError):
        db.call(importing.import_file, "attendance", path)
    after = counts(db)
    assert after == before or after[0] > before[0]  # refused whole, or valid lines saved
