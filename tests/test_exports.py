"""The packages' exports: declared once, the run-time index derived and kept in step.

Each package declares its exports as imports under ``if TYPE_CHECKING:``
(``from module import *`` for a module's ``__all__``); the index served at run
time is generated from them by ``python -m linebot_fp._export_index``. These
tests fail when an index is out of date, and check what the index promises.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from linebot_fp import _export_index

PACKAGES = _export_index.PACKAGES


@pytest.mark.parametrize("package", PACKAGES)
def test_the_index_is_what_the_declared_imports_give(package: str) -> None:
    path = Path(importlib.import_module(package).__file__ or "")
    source = path.read_text(encoding="utf-8")
    assert _export_index.rewritten(package, source) == source, (
        f"{package}'s export index is out of date: run python -m linebot_fp._export_index")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_export_loads_from_the_module_that_defines_it(package: str) -> None:
    module = importlib.import_module(package)
    index = vars(module)["_EXPORTS"]
    assert module.__all__ == sorted(name for names in index.values() for name in names)
    assert sorted(dir(module)) == sorted(set(dir(module)))
    assert set(module.__all__) <= set(dir(module))
    for home, names in index.items():
        for name in names:
            value = getattr(module, name)
            assert getattr(importlib.import_module(home), name) is value, (package, name)


@pytest.mark.parametrize("package", PACKAGES)
def test_star_imports_of_a_module_give_its_whole_all(package: str) -> None:
    module = importlib.import_module(package)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    for declared, names in _export_index.declared_imports(source):
        wanted = importlib.import_module(declared).__all__ if names is None else names
        assert set(wanted) <= set(module.__all__), declared


def test_the_tool_reports_an_index_out_of_date(tmp_path: Path) -> None:
    source = Path(importlib.import_module("linebot_fp.transports").__file__ or "").read_text()
    stale = source.replace('"HttpxTransport",', "")
    assert _export_index.rewritten("linebot_fp.transports", stale) == source
    with pytest.raises(ValueError, match=r"no .* section"):
        _export_index.rewritten("linebot_fp.transports", "x = 1\n")
    done = subprocess.run([sys.executable, "-m", "linebot_fp._export_index", "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


def test_names_load_on_first_use_only() -> None:
    code = ("import sys, linebot_fp, linebot_fp.models, linebot_fp.api, linebot_fp.testing; "
            "print(sorted(m for m in sys.modules if m.startswith('linebot_fp')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == str(sorted([
        "linebot_fp", "linebot_fp._exports", "linebot_fp.api", "linebot_fp.api._registry",
        "linebot_fp.errors", "linebot_fp.models", "linebot_fp.request", "linebot_fp.testing"]))
