"""What every figure shares: the timing loop, the official SDK probe, results and budgets.

Timing rules (the same for every contender):

* each operation runs once untimed (warm-up: hooks generated, caches filled);
* ``number`` is calibrated so that one loop lasts at least ``min_time`` seconds;
* the contenders take turns: ``repeat`` rounds, each timing one loop of every
  contender, and each contender's best loop counts (the least disturbed run);
* the garbage collector stays on, as in a server; ``gc.collect()`` runs before
  each timed loop, so no contender pays for the garbage of the one before.
"""

from __future__ import annotations

import gc
import importlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any

__all__ = [
    "OFFICIAL",
    "OURS",
    "Budget",
    "Figure",
    "Metric",
    "OfficialSdk",
    "take_turns",
    "official_sdk",
    "ratio",
]

OURS = "linebot_fp"
OFFICIAL = "line-bot-sdk v3"


@dataclass(frozen=True)
class OfficialSdk:
    """Whether the official SDK v3 can be measured here, and why not when it cannot."""

    version: str | None
    problem: str | None = None

    @property
    def available(self) -> bool:
        return self.problem is None


def official_sdk() -> OfficialSdk:
    """Probe for ``line-bot-sdk`` >= 3 without failing when it is absent or broken."""
    try:
        version = importlib.metadata.version("line-bot-sdk")
    except importlib.metadata.PackageNotFoundError:
        return OfficialSdk(None, "line-bot-sdk is not installed (pip install -e '.[bench]')")
    major = version.split(".", 1)[0]
    if not major.isdigit() or int(major) < 3:
        return OfficialSdk(version, f"line-bot-sdk {version} is installed; v3 or newer is needed")
    try:
        importlib.import_module("linebot.v3")
        importlib.import_module("linebot.v3.messaging")
    except Exception as exc:  # any import failure means: report our numbers only
        return OfficialSdk(version, f"line-bot-sdk {version} does not import: {exc!r}")
    return OfficialSdk(version)


def _loop(operation: Callable[[], object], number: int) -> float:
    start = perf_counter()
    for _ in range(number):
        operation()
    return perf_counter() - start


def take_turns(operations: dict[str, Callable[[], object]], *, repeat: int = 7,
               min_time: float = 0.2) -> dict[str, float]:
    """Seconds per call of each operation, the contenders taking turns loop by loop.

    Each operation runs once untimed and gets its own ``number`` (a loop of at
    least ``min_time``); then ``repeat`` rounds time one loop of every contender
    in turn, so a noisy moment of the machine hurts them alike. Best loop counts.
    """
    numbers: dict[str, int] = {}
    for name, operation in operations.items():
        operation()
        number = 1
        while (elapsed := _loop(operation, number)) < min_time:
            number = max(number * 2, int(number * min_time / max(elapsed, 1e-9) * 1.1))
        numbers[name] = number
    best = dict.fromkeys(operations, float("inf"))
    for _ in range(max(repeat, 1)):
        for name, operation in operations.items():
            gc.collect()  # every loop starts from the same collector state: no debts inherited
            best[name] = min(best[name], _loop(operation, numbers[name]) / numbers[name])
    return best


@dataclass(frozen=True)
class Budget:
    """One line of the performance budget: ``ratio`` against ``limit``.

    ``ratio`` is ``None`` when the reference could not be measured (the budget is skipped).
    """

    text: str
    ratio: float | None
    limit: float
    at_least: bool

    @property
    def met(self) -> bool | None:
        if self.ratio is None:
            return None
        return self.ratio >= self.limit if self.at_least else self.ratio <= self.limit

    def as_dict(self) -> dict[str, Any]:
        return {"budget": self.text, "ratio": self.ratio, "limit": self.limit,
                "at_least": self.at_least, "met": self.met}


@dataclass(frozen=True)
class Metric:
    """One measured quantity of a figure (a table column)."""

    key: str
    label: str
    digits: int = 0


@dataclass(frozen=True)
class Figure:
    """One benchmark figure: its contenders' numbers, the budgets they meet, notes."""

    key: str
    title: str
    metrics: tuple[Metric, ...]
    rows: dict[str, dict[str, float]]
    budgets: tuple[Budget, ...] = ()
    notes: tuple[str, ...] = ()
    reference: str = OFFICIAL
    extra: dict[str, Any] = field(default_factory=dict)

    def ratio(self, name: str, metric: str) -> float | None:
        """``rows[name][metric]`` over the reference contender's, when both exist."""
        reference = self.rows.get(self.reference, {}).get(metric)
        value = self.rows.get(name, {}).get(metric)
        if reference is None or value is None or reference == 0:
            return None
        return value / reference

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "metrics": {metric.key: metric.label for metric in self.metrics},
            "results": self.rows,
            "ratios_vs_official": {
                name: {metric.key: self.ratio(name, metric.key) for metric in self.metrics}
                for name in self.rows
            },
            "budgets": [budget.as_dict() for budget in self.budgets],
            "notes": list(self.notes),
            **self.extra,
        }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or ``None`` when either is missing."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator
