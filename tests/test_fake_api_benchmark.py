"""benchmarks/fake_api_rps.py still runs (tiny counts, no timing asserted)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT / "benchmarks" / "fake_api_rps.py").is_file():
    pytest.skip("benchmarks/ is not shipped here", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import fake_api_rps  # noqa: E402  (the project root must be importable first)


def test_the_figure_has_its_three_rows_of_positive_rates():
    figure = fake_api_rps.run(requests=30)
    assert len(figure.rows) == 3
    for row in figure.rows.values():
        assert row["requests_per_second"] > 0
        assert row["ms_per_request"] == pytest.approx(1000 / row["requests_per_second"])


def test_threads_share_one_client_and_every_push_is_accepted():
    assert fake_api_rps.requests_per_second(40, threads=4) > 0  # it checks api.accepted itself


def test_main_prints_each_row(capsys):
    assert fake_api_rps.main(["--requests", "10"]) == 0
    assert capsys.readouterr().out.count("requests/s") == 3
