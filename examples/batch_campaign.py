"""A campaign built as requests, stored as JSON lines, sent later by ``replay``.

    python examples/batch_campaign.py campaign.jsonl subscribers.txt   # build: no token needed
    export LINE_CHANNEL_ACCESS_TOKEN=...
    python -m linebot_fp replay campaign.jsonl --dry-run                # check every line
    python -m linebot_fp replay campaign.jsonl --concurrency 4          # send

``subscribers.txt`` holds one user id per line. The file is the whole campaign:
review it, keep it, send it. Every send carries an ``X-Line-Retry-Key`` derived
from the campaign name, so rebuilding the file gives the same keys and LINE
accepts each send once, however often a line is replayed. Lines that fail are
written to ``campaign.failed.jsonl``, itself a replay file.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from linebot_fp import Request
from linebot_fp.api import multicast, narrowcast
from linebot_fp.models import (
    AgeFilter,
    And,
    AudienceRecipient,
    Filter,
    GenderFilter,
    ImageSendMessage,
    Limit,
    TextSendMessage,
)
from linebot_fp.replay import dump_requests

CAMPAIGN = "spring-sale-2024"
MULTICAST_LIMIT = 500  # user ids per multicast
MESSAGES = (
    TextSendMessage(text="Spring sale: 20% off everything until Sunday!"),
    ImageSendMessage(original_content_url="https://example.com/sale.jpg",
                     preview_image_url="https://example.com/sale_preview.jpg"),
)


def retry_key(part: str) -> uuid.UUID:
    """The same key for the same part of the same campaign, on every build."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:campaign:{CAMPAIGN}:{part}")


def build_campaign(subscribers: Sequence[str],
                   audience_group_id: int | None = None) -> list[Request]:
    """Multicasts to the subscribers, 500 at a time, and a narrowcast to an audience."""
    requests = [multicast(subscribers[start:start + MULTICAST_LIMIT], MESSAGES,
                          retry_key=retry_key(f"multicast-{start}"))
                for start in range(0, len(subscribers), MULTICAST_LIMIT)]
    if audience_group_id is not None:  # women in their 20s and 30s of that audience, at most 1000
        requests.append(narrowcast(
            MESSAGES, retry_key=retry_key("narrowcast"),
            recipient=AudienceRecipient(audience_group_id=audience_group_id),
            filter=Filter(demographic=And(AgeFilter(gte="age_20", lt="age_40"),
                                          GenderFilter(one_of=["female"]))),
            limit=Limit(max=1000)))
    return requests


def main(argv: Sequence[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: batch_campaign.py CAMPAIGN.jsonl SUBSCRIBERS.txt [AUDIENCE_GROUP_ID]")
        return 2
    subscribers = [line.strip() for line in Path(argv[1]).read_text().splitlines() if line.strip()]
    audience = int(argv[2]) if len(argv) == 3 else None
    with Path(argv[0]).open("w", encoding="utf-8") as file:
        count = dump_requests(build_campaign(subscribers, audience), file)
    print(f"{count} requests written to {argv[0]}; send them with: "
          f"python -m linebot_fp replay {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
