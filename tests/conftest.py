"""Suite-wide settings and shared fixtures.

* Hypothesis without per-example deadlines (CI machines are shared).
* ``redis_server``: one real Redis server for the session (see ``redis_support``);
  ``redis_url`` gives each test an empty database on it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from redis_support import RedisServer, running_redis

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
