"""``RedisInbox``: the inbox many machines share, on a Redis server (extra ``linebot_fp[redis]``).

Each change is one Lua script, so it is atomic on the server whatever the
number of machines. Under the ``namespace`` (``linebot_fp:inbox``):

* ``{ns}:e:{id}``: a hash per event (its JSON, state, attempts, times, notes);
* ``{ns}:line:{chat}``: the chat's unfinished event ids in order; its head is
  the only one of the chat that may be leased;
* ``{ns}:heads``: a sorted set of the chats with unfinished events, scored by
  the time their head may be leased (due, or its lease lapsing): a lease call
  reads the chats whose score has passed;
* ``{ns}:open``, ``{ns}:leased``, ``{ns}:parked``, ``{ns}:done``: sorted sets
  of ids for counting, lapsing, listing and purging.

Times come from the client's ``clock`` (the machines' clocks must agree, as
NTP keeps them). The keys of one namespace are written by scripts that name
them from their arguments, which a single server, a replica set or Sentinel
accepts; on Redis Cluster put the namespace in a hash tag (``{bot}:inbox``).
redis-py is imported through :func:`linebot_fp.extras.import_extra` when the
inbox is made.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from linebot_fp.extras import import_extra
from linebot_fp.inbox.base import (
    Counts,
    Entry,
    InboxSettings,
    NewEvent,
    State,
    backoff_delay,
    new_lease,
    notes_json,
)

__all__ = ["RedisInbox"]

# Lua helpers shared by the scripts: the key of a chat's line, and putting the
# chat's head (if any) back into ``heads`` at the time it may be leased.
_COMMON = """
local ns = ARGV[1]
local function line_key(chat) return ns .. ':line:' .. chat end
local function rehead(chat)
  local head = redis.call('LINDEX', line_key(chat), 0)
  if not head then
    redis.call('ZREM', ns .. ':heads', chat)
    return
  end
  local fields = redis.call('HMGET', ns .. ':e:' .. head, 'state', 'due', 'leased_until')
  local at = fields[2]
  if fields[1] == 'leased' then at = fields[3] end
  redis.call('ZADD', ns .. ':heads', at, chat)
end
"""

_RECORD = _COMMON + """
local now, keep = tonumber(ARGV[2]), tonumber(ARGV[3])
local old = redis.call('ZRANGEBYSCORE', ns .. ':done', '-inf', now - keep, 'LIMIT', 0, 100)
for _, id in ipairs(old) do
  redis.call('DEL', ns .. ':e:' .. id)
  redis.call('ZREM', ns .. ':done', id)
end
local added = {}
for i = 4, #ARGV, 4 do
  local id, chat, solo, event = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local key = ns .. ':e:' .. id
  if redis.call('EXISTS', key) == 1 then
    added[#added + 1] = 0
  else
    local position = redis.call('INCR', ns .. ':position')
    redis.call('HSET', key, 'chat', chat, 'solo', solo, 'event', event, 'state', 'pending',
               'received', ARGV[2], 'attempts', 0, 'due', ARGV[2], 'leased_until', 0,
               'lease', '', 'error', '', 'notes', '{}', 'position', position)
    redis.call('ZADD', ns .. ':open', position, id)
    if redis.call('RPUSH', line_key(chat), id) == 1 then
      redis.call('ZADD', ns .. ':heads', ARGV[2], chat)
    end
    added[#added + 1] = 1
  end
end
return added
"""

_LEASE = _COMMON + """
local now, limit, until_ = tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local chats = redis.call('ZRANGEBYSCORE', ns .. ':heads', '-inf', now, 'LIMIT', 0, limit)
local leased = {}
for i, chat in ipairs(chats) do
  local id = redis.call('LINDEX', line_key(chat), 0)
  if id then
    local key = ns .. ':e:' .. id
    redis.call('HINCRBY', key, 'attempts', 1)
    redis.call('HSET', key, 'state', 'leased', 'leased_until', until_, 'lease', ARGV[4 + i])
    redis.call('ZADD', ns .. ':heads', until_, chat)
    redis.call('ZADD', ns .. ':leased', until_, id)
    leased[#leased + 1] = id
    leased[#leased + 1] = redis.call('HGETALL', key)
  else
    redis.call('ZREM', ns .. ':heads', chat)
  end
end
return leased
"""

# ARGV: ns, id, lease, then what to do: 'renew' until | 'note' notes | 'complete' now |
# 'retry' due error | 'park' error
_SETTLE = _COMMON + """
local id, lease, action = ARGV[2], ARGV[3], ARGV[4]
local key = ns .. ':e:' .. id
local fields = redis.call('HMGET', key, 'state', 'lease', 'chat', 'position')
if fields[1] ~= 'leased' or fields[2] ~= lease then return 0 end
local chat = fields[3]
if action == 'renew' then
  redis.call('HSET', key, 'leased_until', ARGV[5])
  redis.call('ZADD', ns .. ':leased', ARGV[5], id)
  redis.call('ZADD', ns .. ':heads', ARGV[5], chat)
elseif action == 'note' then
  redis.call('HSET', key, 'notes', ARGV[5])
elseif action == 'retry' then
  redis.call('HSET', key, 'state', 'pending', 'lease', '', 'due', ARGV[5], 'error', ARGV[6])
  redis.call('ZREM', ns .. ':leased', id)
  redis.call('ZADD', ns .. ':heads', ARGV[5], chat)
else
  if action == 'complete' then
    redis.call('HSET', key, 'state', 'done', 'lease', '', 'due', ARGV[5])
    redis.call('ZADD', ns .. ':done', ARGV[5], id)
  else
    redis.call('HSET', key, 'state', 'parked', 'lease', '', 'error', ARGV[5])
    redis.call('ZADD', ns .. ':parked', fields[4], id)
  end
  redis.call('LREM', line_key(chat), 1, id)
  redis.call('ZREM', ns .. ':open', id)
  redis.call('ZREM', ns .. ':leased', id)
  rehead(chat)
end
return 1
"""

# ARGV: ns, now, 'retry' | 'drop', then the ids ('*' alone: every parked event)
_MANAGE = _COMMON + """
local now, action = ARGV[2], ARGV[3]
local ids = {}
if ARGV[4] == '*' then
  ids = redis.call('ZRANGE', ns .. ':parked', 0, -1)
else
  for i = 4, #ARGV do ids[#ids + 1] = ARGV[i] end
end
local done = 0
for _, id in ipairs(ids) do
  if redis.call('ZREM', ns .. ':parked', id) == 1 then
    local key = ns .. ':e:' .. id
    done = done + 1
    if action == 'drop' then
      redis.call('DEL', key)
    else
      local position = redis.call('INCR', ns .. ':position')
      local chat = redis.call('HGET', key, 'chat')
      redis.call('HSET', key, 'state', 'pending', 'attempts', 0, 'due', now,
                 'position', position)
      redis.call('ZADD', ns .. ':open', position, id)
      if redis.call('RPUSH', line_key(chat), id) == 1 then
        redis.call('ZADD', ns .. ':heads', now, chat)
      end
    end
  end
end
return done
"""


class RedisInbox:
    """An inbox on the Redis server at ``url`` (``redis://host:6379/0``, ``rediss://`` for TLS).

    ``settings`` (or its fields as keywords) are those of
    :class:`~linebot_fp.inbox.base.InboxSettings`; ``clock`` gives wall-clock
    seconds (``time.time``); ``namespace`` prefixes every key, so several bots
    can share a server; ``socket_timeout`` bounds each round trip (seconds).
    Raises :class:`~linebot_fp.extras.MissingExtraError` without redis-py.
    """

    blocking = True

    def __init__(self, url: str, settings: InboxSettings | None = None, *,
                 clock: Callable[[], float] = time.time, namespace: str = "linebot_fp:inbox",
                 socket_timeout: float = 5.0, **timings: Any) -> None:
        redis = import_extra("redis", "redis", "RedisInbox")
        if not isinstance(namespace, str) or not namespace:
            raise ValueError(f"namespace must be a non-empty str, got {namespace!r}")
        self.url = url
        self.settings = settings if settings is not None else InboxSettings(**timings)
        self.clock = clock
        self.namespace = namespace
        self._redis = redis.Redis.from_url(url, decode_responses=True,
                                           socket_timeout=socket_timeout,
                                           socket_connect_timeout=socket_timeout)
        self._record = self._redis.register_script(_RECORD)
        self._lease = self._redis.register_script(_LEASE)
        self._settle = self._redis.register_script(_SETTLE)
        self._manage = self._redis.register_script(_MANAGE)

    def __repr__(self) -> str:
        return f"RedisInbox({self.url!r}, namespace={self.namespace!r})"

    # -- recording and leasing --------------------------------------------------------------------

    def record(self, events: Sequence[NewEvent]) -> list[bool]:
        if not events:
            return []
        args: list[Any] = [self.namespace, _number(self.clock()), _number(
            self.settings.keep_seconds)]
        for new in events:
            solo = new.chat is None
            args += [new.id, f"\0{new.id}" if solo else new.chat, int(solo), new.event]
        return [bool(flag) for flag in self._record(args=args)]

    def lease(self, owner: str, limit: int = 1) -> list[Entry]:
        now = self.clock()
        tokens = [new_lease() for _ in range(limit)]
        found = self._lease(args=[self.namespace, _number(now), limit,
                                  _number(now + self.settings.lease_seconds), *tokens])
        return [_entry(found[i], found[i + 1], keep_lease=True) for i in range(0, len(found), 2)]

    def renew(self, entries: Iterable[Entry]) -> list[bool]:
        until = _number(self.clock() + self.settings.lease_seconds)
        with self._redis.pipeline(transaction=False) as pipe:
            for entry in entries:
                self._settle(args=[self.namespace, entry.id, entry.lease or "", "renew", until],
                             client=pipe)
            return [bool(flag) for flag in pipe.execute()]

    def note(self, entry: Entry, notes: Mapping[str, Any]) -> bool:
        return self._settled(entry, "note", notes_json(notes))

    def complete(self, entry: Entry) -> bool:
        return self._settled(entry, "complete", _number(self.clock()))

    def fail(self, entry: Entry, error: str) -> State | None:
        if entry.attempts >= self.settings.max_attempts:
            return "parked" if self._settled(entry, "park", error) else None
        due = self.clock() + backoff_delay(self.settings, entry.attempts)
        return "pending" if self._settled(entry, "retry", _number(due), error) else None

    # -- looking and managing ---------------------------------------------------------------------

    def get(self, event_id: str) -> Entry | None:
        fields = self._redis.hgetall(self._key(event_id))
        return _entry(event_id, fields) if fields else None

    def parked(self, limit: int | None = None) -> list[Entry]:
        ids = self._redis.zrange(f"{self.namespace}:parked", 0, -1 if limit is None else limit - 1)
        with self._redis.pipeline(transaction=False) as pipe:
            for event_id in ids:
                pipe.hgetall(self._key(event_id))
            found = pipe.execute()
        return [_entry(event_id, fields) for event_id, fields in zip(ids, found, strict=True)
                if fields]

    def retry(self, event_ids: Iterable[str] | None = None) -> int:
        return self._managed("retry", event_ids)

    def drop(self, event_ids: Iterable[str] | None = None) -> int:
        return self._managed("drop", event_ids)

    def counts(self) -> Counts:
        ns = self.namespace
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.zcard(f"{ns}:open")
            pipe.zcount(f"{ns}:leased", f"({_number(self.clock())}", "+inf")
            pipe.zcard(f"{ns}:parked")
            pipe.zcard(f"{ns}:done")
            unfinished, leased, parked, done = pipe.execute()
        return Counts(unfinished - leased, leased, parked, done)

    def close(self) -> None:
        """Close the connections (the next call opens new ones)."""
        self._redis.connection_pool.disconnect()

    # -- the parts ---------------------------------------------------------------------------------

    def _key(self, event_id: str) -> str:
        return f"{self.namespace}:e:{event_id}"

    def _settled(self, entry: Entry, action: str, *values: str) -> bool:
        return bool(self._settle(args=[self.namespace, entry.id, entry.lease or "", action,
                                       *values]))

    def _managed(self, action: str, event_ids: Iterable[str] | None) -> int:
        ids = ["*"] if event_ids is None else list(event_ids)
        if not ids:
            return 0
        return int(self._manage(args=[self.namespace, _number(self.clock()), action, *ids]))


def _number(value: float) -> str:
    return repr(float(value))


def _entry(event_id: str, fields: Any, *, keep_lease: bool = False) -> Entry:
    if isinstance(fields, list):  # HGETALL inside a script: [field, value, field, value, ...]
        fields = dict(zip(fields[::2], fields[1::2], strict=True))
    solo = fields.get("solo") == "1"
    return Entry(id=event_id, chat=None if solo else fields["chat"], event=fields["event"],
                 state=fields["state"], received=float(fields["received"]),
                 attempts=int(fields["attempts"]), due=float(fields["due"]),
                 leased_until=float(fields["leased_until"]), error=fields.get("error") or None,
                 notes=json.loads(fields.get("notes") or "{}"),
                 lease=(fields.get("lease") or None) if keep_lease else None)
