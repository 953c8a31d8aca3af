"""The benchmarks still run: each of our measurement functions once, with tiny counts.

No timing is asserted and the official SDK is never needed: this only keeps
``benchmarks/`` from rotting as the package changes. The numbers themselves
come from ``python -m benchmarks.run`` (see ``benchmarks/README.md``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT / "benchmarks" / "run.py").is_file():
    pytest.skip("benchmarks/ is not shipped here", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import (  # noqa: E402  (the project root must be importable first)
    builds,
    cold_start,
    legacy,
    memory,
    parse_throughput,
    profiling,
    replay_roundtrip,
    run,
)
from benchmarks.common import (  # noqa: E402
    OFFICIAL,
    OURS,
    Budget,
    OfficialSdk,
    official_sdk,
    take_turns,
)
from benchmarks.mixed_body import (  # noqa: E402
    BODY,
    EVENT_COUNT,
    ONE_EVENT_BODY,
    SECRET,
    body_of,
    sign,
)
from linebot_fp.webhook import signature as our_signature  # noqa: E402

NO_SDK = OfficialSdk(None, "not measured in the test suite")
NO_LEGACY = legacy.LegacySdk(None, "not measured in the test suite")


def test_bodies_are_signed_as_linebot_fp_signs_them():
    assert sign(BODY) == our_signature(BODY, SECRET)
    assert json.loads(ONE_EVENT_BODY)["events"] == json.loads(BODY)["events"][:1]
    assert len(json.loads(BODY)["events"]) == EVENT_COUNT == 10


def test_parse_figure_runs_without_the_official_sdk():
    figure = parse_throughput.run(repeat=1, min_time=0.001, sdk=NO_SDK, sizes=(1, 20))
    assert set(figure.rows) == {OURS, parse_throughput.BARE}
    assert all(value > 0 for row in figure.rows.values() for value in row.values())
    assert [budget.met is None for budget in figure.budgets] == [True, False, True, False]
    assert any("official SDK not measured" in note for note in figure.notes)
    json.dumps(figure.as_dict())


def test_build_figure_runs_without_the_official_sdk():
    figure = builds.run(repeat=1, min_time=0.001, sdk=NO_SDK)
    assert set(figure.rows) == {OURS, builds.HAND}
    assert set(figure.rows[OURS]) == {f"{case}_us" for case in builds.CASES}
    versus_official = figure.budgets[0::2]
    versus_floor = figure.budgets[1::2]
    assert all(budget.met is None for budget in versus_official)
    assert all(budget.ratio is not None for budget in versus_floor)
    json.dumps(figure.as_dict())


def test_bodies_of_any_size_repeat_the_mixed_events():
    events = json.loads(body_of(25))["events"]
    assert len(events) == 25
    assert events[10:20] == json.loads(BODY)["events"]


def test_take_turns_times_every_contender():
    calls = {"a": 0, "b": 0}

    def count(name):
        def operation():
            calls[name] += 1
        return operation

    seconds = take_turns({"a": count("a"), "b": count("b")}, repeat=2, min_time=0.0001)
    assert set(seconds) == {"a", "b"}
    assert all(value > 0 for value in seconds.values())
    assert min(calls.values()) >= 3  # warm-up, calibration and two rounds


def test_our_parse_operation_reads_every_event():
    events = parse_throughput.ours()()
    assert [type(event).__name__ for event in events] == [
        "MessageEvent", "MessageEvent", "MessageEvent", "FollowEvent", "UnfollowEvent",
        "PostbackEvent", "BeaconEvent", "JoinEvent", "MemberJoinedEvent", "UnsendEvent",
    ]


@pytest.mark.parametrize("case", list(builds.CASES))
def test_our_bodies_are_the_hand_written_ones(case):
    assert json.loads(builds.builders(OURS)[case]()) == builds.expected_json(case)
    assert json.loads(builds.builders(builds.HAND)[case]()) == builds.expected_json(case)


def test_memory_per_event_is_measured_in_a_fresh_process():
    figure = memory.run(sdk=NO_SDK, legacy=NO_LEGACY, count=20)
    assert set(figure.rows) == {OURS, memory.DICTS}
    assert all(row["bytes_per_event"] > 0 for row in figure.rows.values())


def test_replay_round_trip_reads_back_every_request():
    figure = replay_roundtrip.run(repeat=1, min_time=0.001, count=5)
    assert set(figure.rows) == {OURS, replay_roundtrip.FLOOR}
    assert all(row["us_per_request"] > 0 for row in figure.rows.values())


def test_legacy_environment_is_reported_missing_without_creating_it(tmp_path):
    found = legacy.legacy_sdk(create=False, envs=tmp_path)
    assert not found.available
    assert "no environment" in (found.problem or "")
    assert not any(tmp_path.iterdir())


def test_cold_start_runs_fresh_processes():
    figure = cold_start.run(runs=1, sdk=NO_SDK, legacy=NO_LEGACY)
    assert set(figure.rows) == {cold_start.EMPTY, OURS}
    ours = figure.rows[OURS]
    assert ours["modules"] > figure.rows[cold_start.EMPTY]["modules"]
    assert ours["peak_rss_mb"] > 0
    assert ours["wall_ms"] > 0
    assert [sample["urllib3_loaded"] for sample in figure.extra["samples"][OURS]] == [0.0]
    assert all(budget.met is None for budget in figure.budgets)


def test_a_failing_cold_start_script_is_reported(monkeypatch):
    monkeypatch.setitem(cold_start.SCRIPTS, OURS, "raise SystemExit('broken on purpose')\n")
    with pytest.raises(RuntimeError, match="broken on purpose"):
        cold_start.run_once(OURS)


def test_profiles_name_our_code():
    profiles = profiling.run(calls=2, top=5, cold_runs=1)
    assert set(profiles) == {"parse", "push_build", "flex_build", "cold_start"}
    parse_areas = {row["area"] for row in profiles["parse"]["by_area"]}
    assert "codec (converter + generated hooks)" in parse_areas
    assert len(profiles["push_build"]["top"]) == 5
    steps = [row["step"] for row in profiles["cold_start"]["steps"]]
    assert steps == list(profiling.PHASES)
    assert any(row["module"].startswith("linebot_fp")
               for row in profiles["cold_start"]["top_modules"])


@pytest.mark.parametrize(("filename", "expected"), [
    ("/x/linebot_fp/codec.py", "codec (converter + generated hooks)"),
    ("<structure MessageEvent>", "codec (converter + generated hooks)"),
    ("<post_init QuickReply>", "models (__init__, __post_init__, checks)"),
    ("/x/linebot_fp/api/_build.py", "api builders (_build.py, messaging.py)"),
    ("/usr/lib/python3.11/json/encoder.py", "json (stdlib)"),
    ("/usr/lib/python3.11/hmac.py", "signature (hmac, base64)"),
    ("/usr/lib/python3.11/functools.py", "other"),
])
def test_profile_areas(filename, expected):
    assert profiling.area(filename) == expected


@pytest.mark.parametrize(("ratio", "limit", "at_least", "met"), [
    (7.5, 5.0, True, True),
    (4.9, 5.0, True, False),
    (0.09, 0.1, False, True),
    (0.16, 0.1, False, False),
    (None, 0.1, False, None),
])
def test_budget_verdicts(ratio, limit, at_least, met):
    assert Budget("b", ratio, limit, at_least).met is met


def test_official_sdk_probe_says_why_when_missing():
    sdk = official_sdk()
    if importlib.util.find_spec("linebot") is None:
        assert not sdk.available
        assert "not installed" in (sdk.problem or "")
    else:
        assert sdk.available == (sdk.problem is None)


def test_run_reports_our_numbers_without_the_official_sdk(tmp_path, capsys):
    output = tmp_path / "latest.json"
    status = run.main(["--quick", "--no-official", "--no-legacy", "--runs", "1", "--repeat", "1",
                       "--rps-requests", "5", "--no-profile", "--output", str(output)])
    assert status == 0
    results = json.loads(output.read_text(encoding="utf-8"))
    assert [figure["key"] for figure in results["figures"]] == [
        "cold_start", "parse", "builds", "memory", "replay", "replay_memory", "fake_api_rps",
        "inbox_webhooks"]
    assert all(OFFICIAL not in figure["results"] for figure in results["figures"])
    printed = capsys.readouterr()
    assert "official SDK not measured" in printed.out
    assert "skipped (no official SDK)" in printed.out


def test_update_readme_replaces_only_the_results_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{run.START}\nold\n{run.END}\noutro\n", encoding="utf-8")
    run.update_readme("new table", readme)
    assert readme.read_text(encoding="utf-8") == (
        f"intro\n{run.START}\nnew table\n{run.END}\noutro\n")
