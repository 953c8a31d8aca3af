"""One contract for every token cache (memory, SQLite file, real Redis server), plus each one's own.

The renewal lock is shown to exclude: threads entering ``renewing`` for one key at
the same moment run one at a time, while another key is not held up.
"""

import os
import stat
import threading
import time

import pytest

from linebot_fp.extras import MissingExtraError
from linebot_fp.tokens import CachedToken, MemoryTokenCache, RedisTokenCache, SqliteTokenCache
from linebot_fp.tokens.cached import renewal_margin


@pytest.fixture(params=["memory", "sqlite", "redis"])
def cache(request, tmp_path):
    if request.param == "memory":
        return MemoryTokenCache()
    if request.param == "sqlite":
        return SqliteTokenCache(tmp_path / "tokens.db")
    return RedisTokenCache(request.getfixturevalue("redis_url"))


def token(text="tok-1", issued=1000.0, lifetime=900.0, key_id=None):
    return CachedToken(text, issued, issued + lifetime, key_id)


def test_a_stored_token_comes_back_whole(cache):
    assert cache.get("1:stateless") is None
    with cache.renewing("1:stateless") as slot:
        assert slot.get() is None
        slot.put(token(key_id="kid-x"))
        assert slot.get() == token(key_id="kid-x")
    assert cache.get("1:stateless") == token(key_id="kid-x")
    assert cache.get("2:stateless") is None  # keyed by channel


def test_discard_forgets_only_the_token_named(cache):
    with cache.renewing("1:v2.1") as slot:
        slot.put(token("a"))
    cache.discard("1:v2.1", "b")
    assert cache.get("1:v2.1").token == "a"
    cache.discard("1:v2.1", "a")
    assert cache.get("1:v2.1") is None


def renew_then_fail(cache):
    with cache.renewing("1:stateless") as slot:
        slot.put(token())
        raise RuntimeError("interrupted after the put")


def test_an_interrupted_sqlite_renewal_is_undone_and_releases_the_lock(tmp_path):
    cache = SqliteTokenCache(tmp_path / "tokens.db", lock_timeout=1)
    with pytest.raises(RuntimeError):
        renew_then_fail(cache)
    assert cache.get("1:stateless") is None
    with cache.renewing("1:stateless") as slot:  # not still held
        slot.put(token())
    assert cache.get("1:stateless") == token()


def test_renewing_one_key_is_exclusive_and_other_keys_are_free(cache):
    inside = []
    overlap = []
    lock = threading.Lock()
    start = threading.Barrier(4)

    def renew(key):
        start.wait(timeout=30)
        with cache.renewing(key):
            with lock:
                if key in inside:
                    overlap.append(key)
                inside.append(key)
            time.sleep(0.05)
            with lock:
                inside.remove(key)

    threads = [threading.Thread(target=renew, args=(key,)) for key in ("a", "a", "a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert overlap == []


def test_the_stored_form_is_read_leniently():
    assert CachedToken.loads(None) is None
    assert CachedToken.loads("not json") is None
    assert CachedToken.loads('{"token": 1, "issued_at": 0, "expires_at": 1}') is None
    assert CachedToken.loads(token().dumps()) == token()


def test_the_renewal_margin_is_a_tenth_of_the_life_within_bounds():
    assert renewal_margin(900) == 90
    assert renewal_margin(30 * 24 * 3600) == 3 * 24 * 3600
    assert renewal_margin(300) == 60
    assert renewal_margin(60) == 30


def test_the_sqlite_file_is_private(tmp_path):
    path = tmp_path / "tokens.db"
    cache = SqliteTokenCache(path)
    with cache.renewing("1:stateless") as slot:
        slot.put(token())
    for name in os.listdir(tmp_path):  # the database and its -wal / -shm files
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600, name


def test_a_sqlite_file_open_to_others_is_made_private(tmp_path):
    path = tmp_path / "tokens.db"
    path.write_bytes(b"")
    path.chmod(0o644)
    SqliteTokenCache(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_sqlite_cache_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        SqliteTokenCache(tmp_path / "nowhere" / "tokens.db")


def test_a_redis_token_expires_with_the_token(redis_url):
    import redis

    cache = RedisTokenCache(redis_url, prefix="t:")
    with cache.renewing("1:stateless") as slot:
        slot.put(token(lifetime=900))
    ttl = redis.Redis.from_url(redis_url).ttl("t:1:stateless")
    assert 890 <= ttl <= 900


def test_redis_cache_takes_a_url_or_a_client(redis_url):
    import redis

    with pytest.raises(ValueError, match="url or a client"):
        RedisTokenCache()
    client = redis.Redis.from_url(redis_url)
    assert RedisTokenCache(client=client).redis is client
    assert "redis://" not in repr(RedisTokenCache(redis_url))  # a URL may hold a password


def test_redis_cache_without_redis_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(MissingExtraError, match=r"linebot_fp\[redis\]"):
        RedisTokenCache("redis://127.0.0.1:1/0")
