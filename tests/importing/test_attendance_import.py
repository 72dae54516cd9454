"""Importing attendance: whole files or nothing, every bad line reported, twice adds nothing."""

import datetime as dt

import pytest
from openpyxl import Workbook

from seniorhalsan import importing, stats
from seniorhalsan.errors import ValidationError
from seniorhalsan.importing import ImportRefused
from seniorhalsan.services import activities, attendance_history
from tests import factories

GOOD = """datum;mötesplats;aktivitet;kvinnor;män;övriga;nya
2025-03-03;Axelsberg;Seniorgympa;18;4;0;2
2025-03-03;Axelsberg;Seniorgympa;10;2;;
2025-03-04;Västertorp;Matlyftet;20;8;1;0
"""


@pytest.fixture
def catalogue(db):
    factories.activity(db, "Seniorgympa")
    factories.activity(db, "Matlyftet", kind="social")
    return db


def write(tmp_path, text, name="närvaro.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def visits(db, year=2025):
    return db.read(stats.year_stats, year).attendance.visits


def test_a_good_file_is_imported(catalogue, tmp_path):
    report = catalogue.call(importing.import_file, "attendance", write(tmp_path, GOOD))
    assert (report.rows, report.created, report.updated, report.unchanged) == (3, 3, 0, 0)
    figures = catalogue.read(stats.year_stats, 2025).attendance
    assert (figures.visits, figures.women, figures.men, figures.other) == (63, 48, 14, 1)
    assert (figures.new_visitors, figures.sessions) == (2, 3)


def test_the_same_file_twice_adds_nothing(catalogue, tmp_path):
    path = write(tmp_path, GOOD)
    catalogue.call(importing.import_file, "attendance", path)
    again = catalogue.call(importing.import_file, "attendance", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert visits(catalogue) == 63
    assert catalogue.read(attendance_history.count_sessions) == 3


def test_a_corrected_file_updates_the_counts(catalogue, tmp_path):
    catalogue.call(importing.import_file, "attendance", write(tmp_path, GOOD))
    corrected = GOOD.replace("20;8;1;0", "21;8;1;0") + "2025-03-05;Västertorp;Matlyftet;5;5;0\n"
    report = catalogue.call(importing.import_file, "attendance", write(tmp_path, corrected, "ny.csv"))
    assert (report.created, report.updated, report.unchanged) == (1, 1, 2)
    assert visits(catalogue) == 74


def test_bad_lines_are_all_reported_and_nothing_is_saved(catalogue, tmp_path, unchanged):
    bad = GOOD + (
        "2025-03-05;Axelsbrg;Seniorgympa;3;1;0\n"      # line 5: misspelt place
        "2025-03-06;Axelsberg;Seniorgymp;3;1;0\n"      # line 6: misspelt activity
        "2025-03-07;Axelsberg;Seniorgympa;-3;1;0\n"    # line 7: negative
        "2025-13-07;Axelsberg;Seniorgympa;3;1;0\n"     # line 8: no such date
        "2026-12-01;Axelsberg;Seniorgympa;3;1;0\n"     # line 9: the future
        "2025-03-07;Axelsberg;Seniorgympa;;;\n"        # line 10: no count
    )
    with unchanged(), pytest.raises(ImportRefused) as refused:
        catalogue.call(importing.import_file, "attendance", write(tmp_path, bad))
    errors = {(e.line, e.column): e.message for e in refused.value.report.errors}
    assert set(errors) == {
        (5, "mötesplats"), (6, "aktivitet"), (7, "kvinnor"), (8, "datum"), (9, "datum"), (10, "totalt")}
    assert "Menade du: Axelsberg" in errors[(5, "mötesplats")]
    assert "Menade du: Seniorgympa" in errors[(6, "aktivitet")]
    assert "negativt" in errors[(7, "kvinnor")]
    assert "framtiden" in errors[(9, "datum")]
    assert "Inget sparades" in str(refused.value)
    assert "Rad 5, kolumn mötesplats" in str(refused.value)


def test_a_total_alone_and_a_comma_file_with_bom(catalogue, tmp_path):
    text = "\ufeffDatum,Mötesplats,Aktivitet,Totalt,Nya\n2025-10-01,axelsberg,seniorgympa,30,3\n"
    catalogue.call(importing.import_file, "attendance", write(tmp_path, text))
    figures = catalogue.read(stats.year_stats, 2025).attendance
    assert (figures.visits, figures.unspecified, figures.new_visitors) == (30, 30, 3)


def test_excels_windows_1252_csv(catalogue, tmp_path):
    text = "DATUM;MÖTESPLATS;AKTIVITET;KVINNOR;MÄN;ÖVRIGA\r\n2025-03-03;Älvsjö centrum;Seniorgympa;7;2;0\r\n"
    path = write(tmp_path, text, encoding="cp1252")
    assert b"\xc4lvsj\xf6" in path.read_bytes()  # really Windows-1252
    catalogue.call(importing.import_file, "attendance", path)
    assert catalogue.read(stats.year_stats, 2025).attendance.by_place["Älvsjö centrum"] == 9


def test_xlsx(catalogue, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Mötesplats", "Aktivitet", "Kvinnor", "Män", "Övriga"])
    sheet.append([dt.datetime(2025, 5, 6), "Västertorp", "Matlyftet", 12, 3, 0])
    sheet.append(["2025-05-07", "Västertorp", "Matlyftet", 11.0, 2, None])
    path = tmp_path / "närvaro.xlsx"
    book.save(path)
    report = catalogue.call(importing.import_file, "attendance", path)
    assert report.created == 2
    assert visits(catalogue) == 28


def test_xlsx_bad_line_numbers_are_sheet_rows(catalogue, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["datum", "mötesplats", "aktivitet", "totalt"])
    sheet.append([dt.date(2025, 5, 6), "Västertorp", "Matlyftet", 5])
    sheet.append([dt.date(2025, 5, 6), "Ingenstans", "Matlyftet", 5])
    path = tmp_path / "fel.xlsx"
    book.save(path)
    with pytest.raises(ImportRefused) as refused:
        catalogue.call(importing.import_file, "attendance", path)
    assert [(e.line, e.column) for e in refused.value.report.errors] == [(3, "mötesplats")]


def test_missing_columns_are_named(catalogue, tmp_path):
    with pytest.raises(ValidationError) as refused:
        catalogue.call(importing.import_file, "attendance", write(tmp_path, "datum;plats\n2025-01-01;Axelsberg\n"))
    assert "aktivitet" in str(refused.value) and "totalt" in str(refused.value)


def test_create_missing_makes_places_and_activities(db, tmp_path):
    text = ("datum;mötesplats;aktivitet;totalt;typ\n"
            "2025-06-01;Sommartorget;Improvisation;40;kultur\n"
            "2025-06-02;Sommartorget;Improvisation;20;kultur\n")
    report = db.call(importing.import_file, "attendance", write(tmp_path, text), create_missing=True)
    assert report.created_records == ["mötesplatsen Sommartorget", "aktiviteten Improvisation"]
    figures = db.read(stats.year_stats, 2025).attendance
    assert figures.by_place["Sommartorget"] == 60 and figures.by_kind["kultur"] == 60


def test_an_activity_created_without_a_type_gets_none_and_the_report_says_so(db, tmp_path):
    text = ("datum;mötesplats;aktivitet;totalt\n2025-06-01;Axelsberg;Qigong;12\n2025-06-01;Axelsberg;Gympa;30\n"
            "2025-06-08;Axelsberg;Qigong;10\n")
    report = db.call(importing.import_file, "attendance", write(tmp_path, text), create_missing=True)
    assert report.untyped == ["Qigong", "Gympa"]
    assert "2 aktiviteter behöver en typ (filen angav ingen): Qigong, Gympa." in report.summary()
    assert "Typ ej angiven" in report.summary() and "Aktiviteter och schema" in report.summary()
    assert db.read(activities.find_activity, "Qigong").kind is None
    by_kind = db.read(stats.year_stats, 2025).attendance.by_kind
    assert by_kind["ej_angiven"] == 52 and by_kind["social"] == 0  # not guessed to be social
    # the coordinator chooses the type: the visits move to it
    qigong = db.read(activities.find_activity, "Qigong")
    db.call(activities.update_activity, qigong.id, kind="fysisk")
    by_kind = db.read(stats.year_stats, 2025).attendance.by_kind
    assert (by_kind["ej_angiven"], by_kind["fysisk"]) == (30, 22)


def test_a_missing_file_and_a_binary_file_are_refused_clearly(db, tmp_path):
    from seniorhalsan.errors import UserError

    with pytest.raises(UserError, match="finns inte"):
        db.call(importing.import_file, "attendance", tmp_path / "saknas.csv")
    binary = tmp_path / "bild.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError):
        db.call(importing.import_file, "attendance", binary)


def test_a_renamed_place_is_found_by_its_name_on_each_day(catalogue, tmp_path):
    from seniorhalsan.services import attendance_history, places

    gronda = factories.place_named(catalogue, "Gröndal")
    catalogue.call(places.rename_place, gronda.id, new_name="Gröndalsträffen", from_date=dt.date(2025, 3, 1))
    text = ("datum;mötesplats;aktivitet;totalt\n"
            "2025-02-27;Gröndal;Seniorgympa;11\n"           # the old name before the renaming
            "2025-03-03;GRONDALSTRAFFEN;Seniorgympa;12\n"   # the new name, folded
            "2025-02-27;Gröndalsträffen;Seniorgympa;13\n")  # the new name holds for earlier days too
    report = catalogue.call(importing.import_file, "attendance", write(tmp_path, text))
    assert report.created == 3
    assert catalogue.read(attendance_history.count_sessions, place_id=gronda.id) == 3
    with pytest.raises(ImportRefused) as refused:
        catalogue.call(importing.import_file, "attendance",
                       write(tmp_path, "datum;mötesplats;aktivitet;totalt\n2025-03-04;Gröndal;Seniorgympa;5\n",
                             "sen.csv"))
    assert [(e.line, e.column) for e in refused.value.report.errors] == [(2, "mötesplats")]


def test_a_repeated_heading_reads_its_first_column(catalogue, tmp_path):
    text = ("datum;mötesplats;aktivitet;totalt;totalt\n"
            "2025-03-03;Axelsberg;Seniorgympa;7;99\n"
            "2025-03-04;Axelsberg;Seniorgympa; 8 \n")
    report = catalogue.call(importing.import_file, "attendance", write(tmp_path, text))
    assert report.created == 2 and visits(catalogue) == 15
