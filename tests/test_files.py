"""Output files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.errors import ChronoError, RenderError
from chrono.files import atomic_file, write_atomic


def test_a_file_written_in_pieces_appears_whole_with_no_temporary_file_left(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, iter([b"{", b"}"]))
    assert target.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("error", [ChronoError("bad input"), KeyboardInterrupt()])
def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, error: BaseException
) -> None:
    target = tmp_path / "state"
    target.write_bytes(b"old")
    with pytest.raises(type(error)), atomic_file(target) as handle:
        handle.write(b"half of the new")
        raise error
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["state"]


def test_a_folder_that_cannot_be_written_is_one_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="missing/out.json: cannot write"):
        write_atomic(tmp_path / "missing" / "out.json", b"{}")
