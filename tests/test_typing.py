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
from collections.abc import Callable
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


#: one error a checker reported: (file name, line, rule)
Diagnostic = tuple[str, int, str]


def by_file(diagnostics: list[Diagnostic]) -> dict[str, set[int]]:
    """The lines with an error, per file name."""
    lines: dict[str, set[int]] = {}
    for name, line, _ in diagnostics:
        lines.setdefault(name, set()).add(line)
    return lines


def run_mypy(*paths: Path) -> tuple[int, list[Diagnostic]]:
    """mypy --strict (the project's config: Python 3.10) -> (exit code, its errors)."""
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
         "--show-absolute-path", "--show-error-codes", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, [
        (Path(match[1]).name, int(match[2]), match[3])
        for match in re.finditer(r"^(.+?):(\d+): error: .*\[([\w-]+)\]$", result.stdout, re.M)]


def pyright_command() -> list[str]:
    """The pyright next to this interpreter (the test extra installs it), else on PATH."""
    local = Path(sys.executable).parent / "pyright"
    found = str(local) if local.exists() else shutil.which("pyright")
    if found is None:
        pytest.skip("pyright is not installed (pip install -e '.[test]')")
    return [found]


def run_pyright(*paths: Path) -> tuple[int, list[Diagnostic]]:
    """pyright -> (exit code, its errors); skipped when it cannot start (no node)."""
    result = subprocess.run(
        [*pyright_command(), "--outputjson", "--pythonpath", sys.executable,
         *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        pytest.skip(f"pyright could not run: {(result.stdout + result.stderr)[-500:]}")
    return result.returncode, [
        (Path(diagnostic["file"]).name, diagnostic["range"]["start"]["line"] + 1,  # from 0
         diagnostic.get("rule", ""))
        for diagnostic in report["generalDiagnostics"] if diagnostic["severity"] == "error"]


CHECKERS = {"mypy-strict": run_mypy, "pyright": run_pyright}


@pytest.fixture(scope="module")
def wrong_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with one assert_type that does not hold."""
    wrong = tmp_path_factory.mktemp("wrong") / "bot_wrong.py"
    wrong.write_text(SAMPLE.read_text().replace(
        "assert_type(profile, Profile)", "assert_type(profile, Content)  # error: wrong"))
    return wrong


@pytest.fixture(scope="module", params=sorted(CHECKERS))
def report(request: pytest.FixtureRequest, wrong_sample: Path) -> tuple[int, list[Diagnostic]]:
    """One checker's verdict on the sample bot, the mistakes and the wrong sample, run once."""
    return CHECKERS[request.param](SAMPLE, MISTAKES, wrong_sample)


def test_the_mistakes_file_marks_mistakes():
    assert len(marked_lines(MISTAKES)) >= 6
    assert marked_lines(SAMPLE) == set()


def test_the_bot_passes(report):
    _, errors = report
    assert by_file(errors).get(SAMPLE.name, set()) == set()


def test_each_mistake_is_caught(report):
    code, errors = report
    assert code == 1
    assert by_file(errors).get(MISTAKES.name) == marked_lines(MISTAKES)


def test_an_assert_type_that_does_not_hold_is_an_error(report, wrong_sample):
    """The sample's assert_type lines are real checks: a wrong one is an error."""
    _, errors = report
    assert marked_lines(wrong_sample)
    assert by_file(errors).get(wrong_sample.name) == marked_lines(wrong_sample)


# -- the README's code type-checks too ---------------------------------------------------------
# Each ```python block of the README that is not a doctest (">>>") and not the legacy
# "before" (imports of the old ``linebot``) is checked; one that awaits at the top is a
# coroutine's body and is checked as one. A fragment uses names from the text around it
# (``body``, ``signature``): "not defined" is all a checker may say about it. A block
# that defines every name it uses is a program: it is also run.

README = ROOT / "README.md"
UNDEFINED = {"name-defined", "reportUndefinedVariable"}


def readme_blocks() -> list[tuple[int, str]]:
    """(line of the fence, code) of each checked README block."""
    found = []
    for match in re.finditer(r"^```python\n(.*?)^```", README.read_text(), re.M | re.S):
        code = match[1]
        if code.startswith(">>>") or re.search(r"^(from|import) linebot\b(?!_)", code, re.M):
            continue
        found.append((README.read_text()[:match.start()].count("\n") + 1, as_module(code)))
    return found


def as_module(code: str) -> str:
    """``code``, inside an ``async def`` when it awaits at the top (it shows a coroutine's body)."""
    try:
        compile(code, "README", "exec")
    except SyntaxError as error:
        if "outside async function" not in str(error) and "outside function" not in str(error):
            raise
        body = "".join(f"    {line}" if line.strip() else line
                       for line in code.splitlines(keepends=True))
        return f"async def readme_block() -> None:\n{body}"
    return code


@pytest.fixture(scope="module")
def readme_files(tmp_path_factory) -> dict[str, tuple[int, Path]]:
    """Each checked block as a file: name -> (README line, path)."""
    folder = tmp_path_factory.mktemp("readme")
    files = {}
    for line, code in readme_blocks():
        path = folder / f"readme_line_{line}.py"
        path.write_text(code)
        files[path.name] = (line, path)
    return files


@pytest.fixture(scope="module")
def readme_errors(readme_files) -> Callable[[str], list[Diagnostic]]:
    """A checker's errors on the README blocks, each checker run once."""
    found: dict[str, list[Diagnostic]] = {}

    def errors(checker: str) -> list[Diagnostic]:
        if checker not in found:
            found[checker] = CHECKERS[checker](*(path for _, path in readme_files.values()))[1]
        return found[checker]

    return errors


def test_the_readme_has_programs_to_check(readme_files):
    assert len(readme_files) >= 6


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_readme_code_type_checks(readme_files, readme_errors, checker):
    wrong = sorted((readme_files[name][0], rule) for name, _, rule in readme_errors(checker)
                   if rule not in UNDEFINED)
    assert wrong == [], "README blocks (by fence line) with type errors"


def test_readme_programs_run(readme_files, readme_errors, tmp_path, monkeypatch):
    """Blocks that define every name they use run as written; their test_* functions pass."""
    fragments = {name for name, _, rule in readme_errors("mypy-strict") if rule in UNDEFINED}
    programs = [path for name, (_, path) in readme_files.items() if name not in fragments]
    assert len(programs) >= 4
    monkeypatch.chdir(tmp_path)  # in case a block writes a file
    for path in programs:
        namespace: dict[str, object] = {"__name__": "readme_block"}
        exec(compile(path.read_text(), str(path), "exec"), namespace)
        for name, value in namespace.items():
            if name.startswith("test_") and callable(value):
                value()
