"""Store requests as JSON lines now, send them later: each line delivered once.

* :mod:`~linebot_fp.replay.files`: ``dump_requests`` / ``load_requests``, the
  file format (one ``Request.to_dict()`` per line), and the failure file.
* :mod:`~linebot_fp.replay.runner`: ``replay`` sends the lines and returns one
  ``Outcome`` per line.
* :mod:`~linebot_fp.replay.journal`: the SQLite journal beside the file that
  makes a rerun after a crash or a Ctrl-C neither lose nor duplicate a line.
* :mod:`~linebot_fp.replay.pacing` and :mod:`~linebot_fp.replay.progress`:
  the rate limit and the progress display of ``python -m linebot_fp replay``
  (:mod:`~linebot_fp.replay.command`).

::

    with open("campaign.jsonl", "w") as file:
        dump_requests(requests, file)          # each push keyed: never delivered twice
    with open("campaign.jsonl") as lines, Journal("campaign.jsonl.journal.sqlite") as journal:
        outcomes = replay(load_requests(lines), client.send, journal=journal)
"""

from __future__ import annotations

from linebot_fp.replay.files import (
    Entry,
    describe_error,
    dump_requests,
    failure_line,
    load_requests,
)
from linebot_fp.replay.journal import Journal, JournalRow, LineState, journal_path
from linebot_fp.replay.runner import Outcome, Status, replay, resend_is_safe, status_of

__all__ = ["Entry", "Journal", "JournalRow", "LineState", "Outcome", "Status", "describe_error",
           "dump_requests", "failure_line", "journal_path", "load_requests", "replay",
           "resend_is_safe", "status_of"]
