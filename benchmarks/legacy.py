"""The legacy ``line-bot-sdk`` 2.4.3 in its own virtual environment.

Its ``linebot`` package clashes with v3's, so it can never share a process (or an
environment) with the official SDK v3: the benchmarks run it in fresh processes
of its own interpreter, ``benchmarks/.envs/legacy-2.4.3/bin/python`` (git-ignored),
created on first use with ``python -m venv`` and ``pip install line-bot-sdk==2.4.3``
(pip compiles its bytecode at install, as for any installed package).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LEGACY", "LEGACY_VERSION", "LegacySdk", "legacy_sdk"]

LEGACY_VERSION = "2.4.3"
LEGACY = f"line-bot-sdk {LEGACY_VERSION} (legacy)"
ENVS = Path(__file__).resolve().parent / ".envs"


@dataclass(frozen=True)
class LegacySdk:
    """The interpreter that has the legacy SDK, or why there is none."""

    python: str | None
    problem: str | None = None

    @property
    def available(self) -> bool:
        return self.problem is None


def _python_of(env: Path) -> Path:
    return env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def _has_legacy(python: Path) -> bool:
    if not python.is_file():
        return False
    probe = subprocess.run([str(python), "-c", "import linebot; print(linebot.__version__)"],
                           capture_output=True, text=True, check=False, timeout=120)
    return probe.returncode == 0 and probe.stdout.strip() == LEGACY_VERSION


def legacy_sdk(*, create: bool = True, envs: Path = ENVS) -> LegacySdk:
    """The legacy SDK's interpreter, creating its environment when ``create`` and missing."""
    env = envs / f"legacy-{LEGACY_VERSION}"
    python = _python_of(env)
    if _has_legacy(python):
        return LegacySdk(str(python))
    if not create:
        return LegacySdk(None, f"no environment with line-bot-sdk {LEGACY_VERSION} at {env}")
    steps = ([sys.executable, "-m", "venv", str(env)],
             [str(python), "-m", "pip", "install", "--quiet", f"line-bot-sdk=={LEGACY_VERSION}"])
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False, timeout=900)
        if done.returncode != 0:
            return LegacySdk(None, f"could not set up line-bot-sdk {LEGACY_VERSION}: "
                                   f"{(done.stderr or done.stdout).strip()[-300:]}")
    if not _has_legacy(python):
        return LegacySdk(None, f"line-bot-sdk {LEGACY_VERSION} does not import in {env}")
    return LegacySdk(str(python))
