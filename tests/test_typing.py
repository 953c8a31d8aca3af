"""A user's bot type-checks: mypy --strict and pyright on the files under tests/typing/.

``bot_sample.py`` must pass both checkers (its ``assert_type`` lines say what
an editor infers: ``client.send(api.get_profile(u))`` is a ``Profile``), and
each line of ``bot_mistakes.py`` marked ``# error`` must be an error for both,
and no other line. The checkers run as a user runs them, in a subprocess.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TYPING = Path(__file__).parent / "typing"
ROOT = Path(__file__).parent.parent
SAMPLE = TYPING / "bot_sample.py"
MISTAKES = TYPING / "bot_mistakes.py"


def marked_lines(path: Path) -> set[int]:
    """The numbers of the lines that end in a ``# error: why`` comment."""
    return {number for number, line in enumerate(path.read_text().splitlines(), 1)
            if re.search(r"  # error: ", line)}


def run_mypy(*paths: Path) -> tuple[int, dict[str, set[int]]]:
    """mypy --strict (the project's config: Python 3.10) -> (exit code, error lines per file)."""
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
         "--show-absolute-path", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    errors: dict[str, set[int]] = {}
    for line in result.stdout.splitlines():
        if match := re.match(r"(.+?):(\d+): error:", line):
            errors.setdefault(Path(match[1]).name, set()).add(int(match[2]))
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, errors


def pyright_command() -> list[str]:
    """The pyright next to this interpreter (the test extra installs it), else on PATH."""
    local = Path(sys.executable).parent / "pyright"
    found = str(local) if local.exists() else shutil.which("pyright")
    if found is None:
        pytest.skip("pyright is not installed (pip install -e '.[test]')")
    return [found]


def run_pyright(*paths: Path) -> tuple[int, dict[str, set[int]]]:
    """pyright -> (exit code, error lines per file); skipped when it cannot start (no node)."""
    result = subprocess.run(
        [*pyright_command(), "--outputjson", "--pythonpath", sys.executable,
         *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        pytest.skip(f"pyright could not run: {(result.stdout + result.stderr)[-500:]}")
    errors: dict[str, set[int]] = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1  # pyright counts from 0
            errors.setdefault(Path(diagnostic["file"]).name, set()).add(line)
    return result.returncode, errors


@pytest.fixture(scope="module")
def mypy_report() -> tuple[int, dict[str, set[int]]]:
    return run_mypy(SAMPLE, MISTAKES)


@pytest.fixture(scope="module")
def pyright_report() -> tuple[int, dict[str, set[int]]]:
    return run_pyright(SAMPLE, MISTAKES)


def test_the_mistakes_file_marks_mistakes():
    assert len(marked_lines(MISTAKES)) >= 6
    assert marked_lines(SAMPLE) == set()


def test_mypy_strict_passes_the_bot(mypy_report):
    _, errors = mypy_report
    assert errors.get(SAMPLE.name, set()) == set()


def test_mypy_strict_catches_each_mistake(mypy_report):
    code, errors = mypy_report
    assert code == 1
    assert errors.get(MISTAKES.name) == marked_lines(MISTAKES)


def test_pyright_passes_the_bot(pyright_report):
    _, errors = pyright_report
    assert errors.get(SAMPLE.name, set()) == set()


def test_pyright_catches_each_mistake(pyright_report):
    code, errors = pyright_report
    assert code == 1
    assert errors.get(MISTAKES.name) == marked_lines(MISTAKES)


def test_an_assert_type_that_does_not_hold_fails_both_checkers(tmp_path):
    """The sample's assert_type lines are real checks: a wrong one is an error."""
    wrong = tmp_path / "bot_wrong.py"
    wrong.write_text(SAMPLE.read_text().replace(
        "assert_type(profile, Profile)", "assert_type(profile, Content)  # error: wrong"))
    assert marked_lines(wrong)
    assert run_mypy(wrong)[1] == {wrong.name: marked_lines(wrong)}
    assert run_pyright(wrong)[1] == {wrong.name: marked_lines(wrong)}
