"""benchmarks/inbox_webhooks.py still runs (tiny counts, no timing asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT / "benchmarks" / "inbox_webhooks.py").is_file():
    pytest.skip("benchmarks/ is not shipped here", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import inbox_webhooks  # noqa: E402


def test_the_inbox_benchmark_measures_every_inbox(redis_url):
    figure = inbox_webhooks.run(webhooks=30, redis_url=redis_url)
    assert list(figure.rows) == ["no record", "MemoryInbox", "SqliteInbox", "RedisInbox"]
    for row in figure.rows.values():
        assert row["answered_per_second"] > 0
        assert row["handled_per_second"] > 0
    assert figure.rows["no record"]["added_ms"] == 0
