"""Importing support contacts ("Tyck till" items: test_feedback_import.py)."""

import pytest

from seniorhalsan import importing, stats
from seniorhalsan.importing import ImportRefused
from seniorhalsan.services import contacts, persons
from tests import factories

CONTACTS = """datum;tjänst;person;födelseår;kön;kontakttyp;medarbetare;minuter;anteckning
2025-02-03;Fixartjänst;FX-1;1941;kvinna;hembesök;Tomas Greger;60;Brandvarnare bytt
2025-02-10;fixartjanst;FX-1;1941;kvinna;telefon;;;
2025-03-01;Syn- och hörselstöd;SH-9;1930;man;öppen mottagning;;30;
2025-03-02;IT-stöd;IT-4;1950;annat;besök på mötesplats;;;
"""

def write(tmp_path, text, name="fil.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def staff(db):
    factories.staff_member(db, "Tomas Greger", services=["fixartjanst"])
    return db


def test_contacts_create_persons_and_contacts(staff, tmp_path):
    report = staff.call(importing.import_file, "contacts", write(tmp_path, CONTACTS))
    assert (report.created, report.unchanged) == (4, 0)
    fx1 = staff.read(persons.person_by_reference, "FX-1")
    assert (fx1.birth_year, fx1.gender) == (1941, "kvinna")
    visits = staff.read(contacts.list_contacts, person_id=fx1.id)
    assert [(c.kind, c.staff_name, c.minutes) for c in visits] == [
        ("telefon", None, None), ("hembesok", "Tomas Greger", 60)]
    s = staff.read(stats.year_stats, 2025).services
    assert (s["fixartjanst"].contacts, s["fixartjanst"].persons) == (2, 1)
    assert s["syn_horsel"].by_contact_kind["oppen_mottagning"] == 1
    assert s["it_stod"].persons_by_gender.other == 1


def test_contacts_twice_adds_nothing(staff, tmp_path):
    path = write(tmp_path, CONTACTS)
    staff.call(importing.import_file, "contacts", path)
    again = staff.call(importing.import_file, "contacts", path)
    assert (again.created, again.unchanged) == (0, 4)
    assert staff.read(contacts.count_contacts) == 4


def test_a_conflicting_birth_year_or_gender_is_an_error(staff, tmp_path, unchanged):
    factories.person(staff, reference="FX-1", birth_year=1941, gender="kvinna")
    text = (CONTACTS + "2025-04-01;Fixartjänst;FX-1;1942;kvinna;hembesök;;;\n"
            "2025-04-02;Fixartjänst;FX-1;1941;man;hembesök;;;\n")
    with unchanged(), pytest.raises(ImportRefused) as refused:
        staff.call(importing.import_file, "contacts", write(tmp_path, text))
    assert [(e.line, e.column) for e in refused.value.report.errors] == [(6, "födelseår"), (7, "kön")]
    assert "1941" in refused.value.report.errors[0].message


def test_bad_contact_lines_are_reported(staff, tmp_path, unchanged):
    text = (
        "datum;tjänst;person;födelseår;kön;kontakttyp\n"
        "2025-01-01;Fixartjänst;A;1940;kvinna;hembesök\n"
        "2025-01-02;Fixartjäns;B;1940;kvinna;hembesök\n"
        "2025-01-03;Fixartjänst;C;1885;kvinna;hembesök\n"
        "2025-01-04;Fixartjänst;D;1940;okänd varelse;brevduva\n"
        "2025-01-05;Fixartjänst;;1940;kvinna;hembesök\n"
    )
    with unchanged(), pytest.raises(ImportRefused) as refused:
        staff.call(importing.import_file, "contacts", write(tmp_path, text))
    found = [(e.line, e.column) for e in refused.value.report.errors]
    assert found == [(3, "tjänst"), (4, "födelseår"), (5, "kön"), (5, "kontakttyp"), (6, "person")]
    assert "Menade du: Fixartjänst" in refused.value.report.errors[0].message


def test_an_unknown_staff_member_is_an_error_unless_created(db, tmp_path):
    path = write(tmp_path, CONTACTS)
    with pytest.raises(ImportRefused) as refused:
        db.call(importing.import_file, "contacts", path)
    assert [(e.line, e.column) for e in refused.value.report.errors] == [(2, "medarbetare")]
    report = db.call(importing.import_file, "contacts", path, create_missing=True)
    assert "medarbetaren Tomas Greger" in report.created_records
