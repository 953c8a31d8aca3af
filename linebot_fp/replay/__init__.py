"""Store requests as JSON lines now, send them later: each line delivered once.

* :mod:`~linebot_fp.replay.files`: ``dump_requests`` / ``load_requests``, the
  file format (one ``Request.to_dict()`` per line), and the failure file.
* :mod:`~linebot_fp.replay.runner`: ``iter_replay`` sends the lines and yields
  one ``Outcome`` per line as it settles, keeping none (``replay`` collects
  them in a list); a line of unknown outcome is resent only with a retry key
  LINE still keeps (24 hours from its first send) or an idempotent method.
* :mod:`~linebot_fp.replay.journal`: the SQLite journal beside the file that
  makes a rerun after a crash or a Ctrl-C neither lose nor duplicate a line;
  :mod:`~linebot_fp.replay.journal_problems` says what to do with one that
  cannot be used.
* :mod:`~linebot_fp.replay.survey`: what a run has before it (lines left,
  their recipients against the month's quota).
* :mod:`~linebot_fp.replay.pacing`, :mod:`~linebot_fp.replay.progress` and
  :mod:`~linebot_fp.replay.summary`: the rate limits, the progress display and
  the counters of ``python -m linebot_fp replay`` (:mod:`~linebot_fp.replay.command`).

::

    with open("campaign.jsonl", "w") as file:
        dump_requests(requests, file)          # each push keyed: never delivered twice
    with open("campaign.jsonl") as lines, Journal("campaign.jsonl.journal.sqlite") as journal:
        for outcome in iter_replay(load_requests(lines), client.send, journal=journal):
            if not outcome.ok:
                print(outcome.line, outcome.detail)
"""

from __future__ import annotations

from linebot_fp.replay.files import (
    Entry,
    describe_error,
    dump_requests,
    failure_line,
    load_requests,
)
from linebot_fp.replay.journal import Journal, JournalError, JournalRow, LineState, journal_path
from linebot_fp.replay.runner import (
    KEY_LIFETIME,
    Outcome,
    Status,
    iter_replay,
    key_is_trusted,
    replay,
    resend_is_safe,
    status_of,
)

__all__ = ["KEY_LIFETIME", "Entry", "Journal", "JournalError", "JournalRow", "LineState",
           "Outcome", "Status", "describe_error", "dump_requests", "failure_line",
           "iter_replay", "journal_path", "key_is_trusted", "load_requests", "replay",
           "resend_is_safe", "status_of"]
