"""Suite-wide settings and shared fixtures.

* Hypothesis without per-example deadlines (CI machines are shared).
* ``redis_server``: one real Redis server for the session (see ``redis_support``);
  ``redis_url`` gives each test an empty database on it.
* The run's summary says how many tests were skipped because the full LINE OpenAPI
  spec, or the legacy SDK's documents beside it, are absent (``spec_support``), and
  where they were looked for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from redis_support import RedisServer, running_redis
from spec_support import NEEDS_SEEDS, NEEDS_SPEC, SEEDS_DIR, SPEC_DIR

settings.register_profile("linebot_fp", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("linebot_fp")


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A real ``redis-server`` on a free loopback port, stopped by its pid at the end."""
    with running_redis() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> Iterator[str]:
    """The server's URL, its database emptied before and after the test."""
    import redis

    connection = redis.Redis.from_url(redis_server.url)
    connection.flushdb()
    try:
        yield redis_server.url
    finally:
        connection.flushdb()
        connection.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line for each kind of reference data missing: how many tests it skipped, and why."""
    reasons = [str(report.longrepr[2]) for report in terminalreporter.stats.get("skipped", [])
               if isinstance(report.longrepr, tuple)]
    spec = sum(NEEDS_SPEC in reason for reason in reasons)
    seeds = sum(NEEDS_SEEDS in reason for reason in reasons)
    if spec:
        terminalreporter.write_line(
            f"{spec} skipped: they need the full LINE OpenAPI schemas, not found at "
            f"{SPEC_DIR}; set LINEBOT_FP_SPEC_DIR to run them (every other spec check reads "
            "tests/spec_facts.json)", yellow=True)
    if seeds:
        terminalreporter.write_line(
            f"{seeds} skipped: they compare the project with the legacy SDK's README and API "
            f"reference, not found at {SEEDS_DIR}", yellow=True)
