"""The wheel a user installs carries the templates and language data, not only the code."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import REPO


def test_wheel_contains_templates_and_language_resources(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {p.name for p in (REPO / "templates").iterdir() if p.is_file()}
    assert templates and {f"chrono/templates/{name}" for name in templates} <= names
    data = {str(p.relative_to(REPO)) for p in (REPO / "chrono").rglob("*.toml")}
    assert "chrono/rules/en/patterns.toml" in data and data <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "chrono = chrono.cli:main" in text and "chrono.mkdocs_plugin:ChronoPlugin" in text
