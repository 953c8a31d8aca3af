"""Import weight and the public surface."""

import subprocess
import sys

import linebot_fp


def run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_linebot_fp_does_not_import_urllib3():
    assert run("import sys, linebot_fp; print('urllib3' in sys.modules)") == "False"


def test_building_requests_does_not_import_urllib3():
    code = ("import sys, linebot_fp, linebot_fp.api, linebot_fp.webhook\n"
            "from linebot_fp.request import Request\n"
            "Request(operation='x', method='GET', base='api', path='/p').to_dict()\n"
            "print(sorted(m for m in ('urllib3', 'requests', 'http.server') if m in sys.modules))")
    assert run(code) == "[]"


def test_all_is_sorted_and_every_name_resolves():
    assert linebot_fp.__all__ == sorted(linebot_fp.__all__)
    for name in linebot_fp.__all__:
        assert getattr(linebot_fp, name) is not None, name


def test_py_typed_is_shipped():
    from importlib.resources import files

    assert files("linebot_fp").joinpath("py.typed").is_file()


def test_rare_events_load_only_when_one_arrives():
    code = """
import json, sys
from linebot_fp.webhook import parse_unverified
common = {"type": "follow", "timestamp": 1, "replyToken": "r", "follow": {"isUnblocked": False},
          "source": {"type": "user", "userId": "U1"}}
rare = {"type": "module", "timestamp": 2, "module": {"type": "detached", "botId": "U2",
        "reason": "bot_deleted"}}
parse_unverified(json.dumps({"events": [common]}))
before = "linebot_fp.models.service_events" in sys.modules
events = parse_unverified(json.dumps({"events": [common, rare]}))
print(before, [type(event).__name__ for event in events], events[1].module.reason)
"""
    assert run(code) == "False ['FollowEvent', 'ModuleEvent'] bot_deleted"


def test_the_cold_path_imports_nothing_it_does_not_use():
    code = """
import sys
from linebot_fp.api import reply_message
from linebot_fp.models import TextSendMessage
from linebot_fp.webhook import parse_unverified
body = ('{"events": [{"type": "message", "timestamp": 1, "replyToken": "r",'
        ' "source": {"type": "user", "userId": "U1"},'
        ' "message": {"type": "text", "id": "1", "text": "hi"}}]}')
reply_message(parse_unverified(body)[0].reply_token, TextSendMessage(text="hello"))
print(sorted(name for name in ("asyncio", "uuid", "urllib3", "http.server", "http.client",
                               "socket", "ssl", "linebot_fp.api._endpoints",
                               "linebot_fp.models.flex",
                               "linebot_fp.models.service_events",
                               "linebot_fp.models._counterparts",
                               "linebot_fp.models._events.message_edited")
              if name in sys.modules))
"""
    assert run(code) == "[]"
