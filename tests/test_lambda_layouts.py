"""The package works as AWS Lambda loads it: from a zip file, and from ``.pyc`` files only.

Each layout is built in a temporary folder (a zip of the sources, a folder of
``.pyc`` files without sources, a zip of ``.pyc`` files) and a fresh process
imports ``linebot_fp`` from it alone, parses a webhook of every event kind,
builds a reply, and checks that every public model pickles, copies, replaces,
resolves its hints, has its signature and round-trips through JSON.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from first_use_support import EVENT_JSON, EXPECTED

import linebot_fp

PACKAGE = Path(linebot_fp.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent

_CHECKS = r"""
import copy, dataclasses, inspect, json, pickle, sys, typing
job = json.loads(sys.argv[1])
import linebot_fp, linebot_fp.models
from linebot_fp import codec
from linebot_fp.api import reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.webhook import parse_unverified
from model_samples import model_classes, sample

events = parse_unverified(json.dumps({"events": list(job["events"].values())}).encode())
kinds = {tag: f"{type(event).__module__}:{type(event).__qualname__}"
         for tag, event in zip(job["events"], events)}
reply = reply_message("r" * 32, TextSendMessage(text="hello"))
problems = []
classes = model_classes()
for cls in classes:
    try:
        value = sample(cls)
        assert pickle.loads(pickle.dumps(cls)) is cls
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.copy(value) == value and copy.deepcopy(value) == value
        assert dataclasses.replace(value) == value
        assert {f.name for f in dataclasses.fields(cls)} <= set(typing.get_type_hints(cls))
        inspect.signature(cls)
        assert codec.structure(json.loads(codec.dumps(value)), type(value)) == value
    except Exception as error:
        problems.append(f"{cls.__name__}: {type(error).__name__}: {error}")
files = sorted({module.__file__ for name, module in sys.modules.items()
                if name.startswith("linebot_fp") and getattr(module, "__file__", None)})
print(json.dumps({"kinds": kinds, "reply": json.loads(reply.body), "problems": problems,
                  "classes": len(classes), "files": files}))
"""


def _zip(folder: Path, target: Path, suffix: str) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob(f"*{suffix}")):
            archive.write(path, path.relative_to(folder.parent))


def _sources(into: Path) -> Path:
    copied = into / "linebot_fp"
    shutil.copytree(PACKAGE, copied, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return copied


def _bytecode_only(into: Path) -> Path:
    copied = _sources(into)
    assert compileall.compile_dir(copied, quiet=1, legacy=True)  # module.pyc beside module.py
    for source in copied.rglob("*.py"):
        source.unlink()
    return copied


def _layout(kind: str, tmp_path: Path) -> tuple[str, str]:
    """``(entry for sys.path, what every module's __file__ starts with)``."""
    build = tmp_path / "build"
    build.mkdir()
    if kind == "zip of sources":
        _zip(_sources(build), tmp_path / "layer.zip", ".py")
        return str(tmp_path / "layer.zip"), str(tmp_path / "layer.zip")
    if kind == "pyc files only":
        _bytecode_only(build)
        return str(build), str(build)
    _zip(_bytecode_only(build), tmp_path / "layer.zip", ".pyc")
    return str(tmp_path / "layer.zip"), str(tmp_path / "layer.zip")


@pytest.mark.parametrize("kind", ["zip of sources", "pyc files only", "zip of pyc files only"])
def test_the_package_works_from_a_lambda_layout(kind: str, tmp_path: Path) -> None:
    entry, prefix = _layout(kind, tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([entry, str(TESTS)]),
           "PYTHONDONTWRITEBYTECODE": "1"}
    job = json.dumps({"events": EVENT_JSON})
    done = subprocess.run([sys.executable, "-c", _CHECKS, job], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=180)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert all(path.startswith(prefix) for path in result["files"]), result["files"]
    if kind != "zip of sources":
        assert all(path.endswith(".pyc") for path in result["files"]), result["files"]
    assert result["kinds"] == EXPECTED
    assert result["reply"]["messages"] == [{"type": "text", "text": "hello"}]
    assert result["problems"] == []
    assert result["classes"] > 300
