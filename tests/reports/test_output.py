"""Writing a document: all or nothing, and clear Swedish refusals."""

import os

import pytest

from seniorhalsan.errors import UserError
from seniorhalsan.reports import output


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"gammal")
    output.write_file(target, b"ny rapport")
    assert target.read_bytes() == b"ny rapport"
    assert os.listdir(tmp_path) == ["rapport.pdf"]  # no temporary file left behind
    assert target.stat().st_mode & 0o777 == 0o600  # a report can hold personal data: its owner's only


def test_a_failed_write_leaves_the_old_file_and_no_half_file(tmp_path, monkeypatch):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"gammal")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full_disk)
    with pytest.raises(UserError, match="kunde inte sparas"):
        output.write_file(target, b"ny")
    assert target.read_bytes() == b"gammal"
    assert os.listdir(tmp_path) == ["rapport.pdf"]


def test_a_missing_folder_or_a_folder_as_target_is_refused(tmp_path):
    with pytest.raises(UserError, match=r"mappen .*saknas.* finns inte"):
        output.check_target(tmp_path / "saknas" / "x.pdf")
    with pytest.raises(UserError, match="är en mapp"):
        output.check_target(tmp_path)
    (tmp_path / "fil").write_text("x")
    with pytest.raises(UserError, match="är ingen mapp"):
        output.check_target(tmp_path / "fil" / "x.pdf")
