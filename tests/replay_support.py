"""What the replay tests share: the requests they store, and reading back what was delivered."""

from linebot_fp.api import push_message, reply_message
from linebot_fp.models import TextSendMessage


def push(n):
    """A push whose text is ``hi <n>`` (it accepts a retry key)."""
    return push_message(f"U{n}", TextSendMessage(text=f"hi {n}"))


def reply(n):
    """A reply whose text is ``re <n>`` (it accepts no retry key)."""
    return reply_message(f"token{n}", TextSendMessage(text=f"re {n}"))


def texts(requests):
    """The first message text of each recorded request, sorted."""
    return sorted(r.json()["messages"][0]["text"] for r in requests)
