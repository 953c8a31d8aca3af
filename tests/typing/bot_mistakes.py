"""Mistakes a user's editor must catch: both checkers report an error on each marked line.

``tests/test_typing.py`` runs mypy --strict and pyright on this file and
compares the lines they report with the lines marked ``# error``.
"""

from __future__ import annotations

from linebot_fp import Client, Content, Request, api
from linebot_fp.models import Profile, TextMessage, TextSendMessage

client = Client("CHANNEL_ACCESS_TOKEN")
profile = client.send(api.get_profile("U1"))
print(profile.no_such_field)  # error: a Profile has no such field
print(client.send(api.get_message_content("1")).display_name)  # error: Content is no Profile
wrong: Request[Content] = api.get_profile("U1")  # error: a profile request brings a Profile
api.get_profile(42)  # error: user_id is a str
name: int = client.send(api.get_profile("U1")).display_name  # error: display_name is a str
also_wrong: Profile = client.send(api.get_followers_ids())  # error: the answer is UserIds
# (``TextMessage(text="hi")``: mypy reports the missing id, pyright not; at run time it is
# a TypeError naming TextSendMessage, tests/test_received_vs_send.py)
api.push_message("U1", TextMessage(id="1", text="hi"))  # error: received, not a send message
TextSendMessage(text="hi", quick_reply=TextMessage(id="1", text="hi"))  # error: no QuickReply
