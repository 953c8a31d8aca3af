"""Run every benchmark figure in one go, print the tables, write the results as JSON.

    python -m benchmarks.run                  # all figures, both official SDKs side by side
    python -m benchmarks.run --quick          # fewer runs, for a first look
    python -m benchmarks.run --update-readme  # also paste the tables into benchmarks/README.md

Without ``line-bot-sdk`` v3 installed (or with ``--no-official``) it says so and
reports our own numbers and the budgets against the plain-Python floors only. The
legacy ``line-bot-sdk`` 2.4.3 runs in its own environment, created on first use
under ``benchmarks/.envs/`` (``--no-legacy`` leaves it out).
``--check`` exits with status 1 when a measured budget is not met.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import platform
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import (
    builds,
    cold_start,
    fake_api_rps,
    inbox_webhooks,
    memory,
    parse_throughput,
    profiling,
    replay_memory,
    replay_roundtrip,
)
from benchmarks.common import OFFICIAL, Budget, Figure, OfficialSdk, official_sdk
from benchmarks.legacy import LEGACY_VERSION, LegacySdk, legacy_sdk

__all__ = ["environment", "main", "markdown", "profile_markdown", "update_readme"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
README = HERE / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def environment(sdk: OfficialSdk, legacy: LegacySdk | None = None) -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "linebot_fp": _version("linebot_fp"),
        "line-bot-sdk": sdk.version if sdk.available else None,
        "official_sdk_problem": sdk.problem,
        "legacy line-bot-sdk": LEGACY_VERSION if legacy is not None and legacy.available
        else None,
        "pydantic": _version("pydantic") if sdk.available else None,
        "cattrs": _version("cattrs"),
    }


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


# -- tables --------------------------------------------------------------------------------------


def markdown(figures: Iterable[Figure], env: dict[str, Any]) -> str:
    """The figures as Markdown tables: numbers, ratios against v3, budgets."""
    official = env["line-bot-sdk"]
    lines = [
        f"Measured {env['date']} on {env['cpu']}, Python {env['python']}, "
        f"linebot_fp {env['linebot_fp']}, cattrs {env['cattrs']}, "
        + (f"line-bot-sdk {official} (pydantic {env['pydantic']})" if official
           else f"**official SDK not measured**: {env['official_sdk_problem']}")
        + (f", legacy line-bot-sdk {env['legacy line-bot-sdk']} in its own environment."
           if env.get("legacy line-bot-sdk") else "."),
        "",
    ]
    budgets: list[Budget] = []
    for figure in figures:
        lines += [f"**{figure.title}**", ""]
        lines.append("| contender | " + " | ".join(m.label for m in figure.metrics) + " |")
        lines.append("|---|" + "---:|" * len(figure.metrics))
        for name, row in figure.rows.items():
            cells = []
            for metric in figure.metrics:
                cell = f"{row[metric.key]:,.{metric.digits}f}"
                factor = figure.ratio(name, metric.key)
                if factor is not None and name != figure.reference:
                    versus = "v3" if figure.reference == OFFICIAL else "floor"
                    cell += f" ({factor:.2f}x {versus})"
                cells.append(cell)
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += [*(f"\n_{note}_" for note in figure.notes), ""]
        budgets += figure.budgets
    lines += ["**Budgets**", "", "| budget | measured | limit | met |", "|---|---:|---:|---|"]
    for budget in budgets:
        measured = "n/a" if budget.ratio is None else f"{budget.ratio:.3g}"
        limit = f"{'≥' if budget.at_least else '≤'} {budget.limit:.3g}"
        met = {True: "yes", False: "**NO**", None: "skipped (no official SDK)"}[budget.met]
        lines.append(f"| {budget.text} | {measured} | {limit} | {met} |")
    return "\n".join(lines) + "\n"


def profile_markdown(profiles: dict[str, Any]) -> str:
    """The profiles as Markdown: time by area, then the top functions (or modules)."""
    lines: list[str] = []
    for name, result in profiles.items():
        if name == "cold_start":
            lines += _cold_start_markdown(result)
            continue
        lines += [f"**Profile of `{name}`**: {result['operation']}, "
                  f"{result['total_us_per_op']:.1f} µs per operation under cProfile", "",
                  "| area | µs/op | share |", "|---|---:|---:|"]
        lines += [f"| {row['area']} | {row['us_per_op']:.2f} | {row['share']:.0%} |"
                  for row in result["by_area"]]
        lines += ["", "| function (own time) | calls/op | own µs/op | cumulative µs/op | share |",
                  "|---|---:|---:|---:|---:|"]
        lines += [f"| `{row['function']}` | {row['calls_per_op']:g} | {row['own_us_per_op']:.2f} "
                  f"| {row['cumulative_us_per_op']:.2f} | {row['share']:.0%} |"
                  for row in result["top"]]
        lines.append("")
    return "\n".join(lines)


def _cold_start_markdown(result: dict[str, Any]) -> list[str]:
    lines = [f"**Profile of our cold start**: {result['in_process_ms']:.1f} ms in-process, "
             f"median of {result['runs']} fresh processes under `-X importtime`", "",
             "| step | ms | share |", "|---|---:|---:|"]
    lines += [f"| `{row['step']}` | {row['ms']:.1f} | {row['share']:.0%} |"
              for row in result["steps"]]
    lines += ["", "| imports by area (own time) | ms | share |", "|---|---:|---:|"]
    lines += [f"| {row['area']} | {row['ms']:.1f} | {row['share']:.0%} |"
              for row in result["imports_by_area"]]
    if result["not_itemised"]:
        lines += ["", "_not itemised by `-X importtime` (loaded through `importlib`, counted in "
                  "their step): " + ", ".join(f"`{name}`" for name in result["not_itemised"])
                  + "_"]
    lines += ["", "| module | own import ms |", "|---|---:|"]
    lines += [f"| `{row['module']}` | {row['own_ms']:.2f} |" for row in result["top_modules"]]
    lines.append("")
    return lines


def update_readme(text: str, readme: Path = README) -> None:
    """Replace what stands between the results markers of ``readme`` with ``text``."""
    current = readme.read_text(encoding="utf-8")
    head, found, rest = current.partition(START)
    _, found_end, tail = rest.partition(END)
    if not (found and found_end):
        raise SystemExit(f"{readme} has no {START} ... {END} section to update")
    readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


# -- the run -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs and shorter loops")
    parser.add_argument("--runs", type=int, help="fresh processes per cold-start contender (10)")
    parser.add_argument("--repeat", type=int, help="timed loops per throughput contender (7)")
    parser.add_argument("--no-official", action="store_true", help="measure our numbers only")
    parser.add_argument("--no-legacy", action="store_true",
                        help="leave out the legacy line-bot-sdk 2.4.3 (its own environment)")
    parser.add_argument("--rps-requests", type=int,
                        help="pushes per FakeLineApi row (2000; 200 with --quick)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile section")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json",
                        help="where the JSON results go (benchmarks/results/latest.json)")
    parser.add_argument("--update-readme", action="store_true",
                        help="paste the tables into benchmarks/README.md")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is not met")
    args = parser.parse_args(argv)

    sdk = OfficialSdk(None, "left out with --no-official") if args.no_official else official_sdk()
    if not sdk.available:
        print(f"note: {sdk.problem}; reporting linebot_fp's own numbers only", file=sys.stderr)
    legacy = (LegacySdk(None, "left out with --no-legacy") if args.no_legacy
              else legacy_sdk())
    if not legacy.available:
        print(f"note: {legacy.problem}; the legacy SDK is left out", file=sys.stderr)
    runs = args.runs or (3 if args.quick else 10)
    repeat = args.repeat or (3 if args.quick else 7)
    min_time = 0.05 if args.quick else 0.2
    rps_requests = args.rps_requests or (200 if args.quick else 2000)
    env = environment(sdk, legacy)

    measures: dict[str, Callable[[], Figure]] = {
        "cold start": lambda: cold_start.run(runs=runs, sdk=sdk, legacy=legacy),
        "webhook parsing": lambda: parse_throughput.run(repeat=repeat, min_time=min_time, sdk=sdk),
        "builds": lambda: builds.run(repeat=repeat, min_time=min_time, sdk=sdk),
        "memory per event": lambda: memory.run(sdk=sdk, legacy=legacy),
        "replay round trip": lambda: replay_roundtrip.run(repeat=repeat, min_time=min_time),
        "replay memory": lambda: replay_memory.run(quick=args.quick),
        "FakeLineApi requests/s": lambda: fake_api_rps.run(rps_requests),
        "webhooks through the apps per inbox": lambda: inbox_webhooks.run(rps_requests),
    }
    figures = []
    for label, measure in measures.items():
        print(f"measuring {label} ...", file=sys.stderr, flush=True)
        figures.append(measure())
    profiles: dict[str, Any] = {}
    if not args.no_profile:
        print("profiling our paths ...", file=sys.stderr, flush=True)
        profiles = profiling.run(calls=2000 if args.quick else 20000,
                                 cold_runs=2 if args.quick else 5, dump_dir=args.output.parent)

    tables = markdown(figures, env)
    print(tables)
    if profiles:
        print(profile_markdown(profiles))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "environment": env,
        "figures": [figure.as_dict() for figure in figures],
        "profiles": profiles,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {args.output}", file=sys.stderr)
    if args.update_readme:
        update_readme(tables + ("\n" + profile_markdown(profiles) if profiles else ""))
        print(f"tables pasted into {README}", file=sys.stderr)
    unmet = [b.text for figure in figures for b in figure.budgets if b.met is False]
    return 1 if args.check and unmet else 0


if __name__ == "__main__":
    raise SystemExit(main())
