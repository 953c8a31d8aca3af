"""The compat packages' lazy export tables agree with what type checkers see, and a legacy-style
bot importing from ``linebot_fp.compat`` passes ``mypy --strict``."""

import ast
import importlib
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import linebot_fp.compat
from linebot_fp.compat.models._table import ALIASES, LEGACY

COMPAT = pathlib.Path(linebot_fp.compat.__file__).parent


def type_checking_block(path):
    """The statements under ``if TYPE_CHECKING:`` in the module at ``path``."""
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            return node.body
    raise AssertionError(f"{path} has no TYPE_CHECKING block")


def imported(block):
    """``{(module, name, as name)}`` of the ``from ... import ...`` statements of ``block``."""
    return {(node.module, alias.name, alias.asname) for node in block
            if isinstance(node, ast.ImportFrom) for alias in node.names}


def test_compat_package_table_equals_its_type_checking_imports():
    path = COMPAT / "__init__.py"
    table = vars(linebot_fp.compat)["_EXPORTS"]  # generated from those imports
    seen = imported(type_checking_block(path))
    assert all(name == asname for _, name, asname in seen)  # explicit re-exports
    assert {(module, name) for module, name, _ in seen} == {
        (module, name) for module, names in table.items() for name in names}
    assert sorted(name for _, name, _ in seen) == linebot_fp.compat.__all__


def test_compat_models_table_equals_its_type_checking_imports():
    import linebot_fp.compat.models as models

    seen = imported(type_checking_block(COMPAT / "models" / "__init__.py"))
    assert {asname for _, _, asname in seen} == set(models.__all__)
    expected = {(f"linebot_fp.compat.models.{module}", name, name)
                for module, names in LEGACY.items() for name in names}
    expected |= {("linebot_fp.compat.models.base", "Base", "Base"),
                 ("linebot_fp.content", "Content", "Content"),
                 ("linebot_fp.content", "Content", "MessageContent")}
    expected |= {("linebot_fp.compat.models.operator", name, name)
                 for name in ("And", "Not", "Operator", "Or")}
    expected |= {("linebot_fp.compat.models.actions", target, alias)
                 for alias, target in ALIASES.items()}
    assert seen == expected
    for _, name, asname in seen:
        assert getattr(models, asname).__name__ == name


@pytest.mark.parametrize("module", sorted(LEGACY))
def test_each_legacy_module_types_exactly_its_table_names(module):
    path = COMPAT / "models" / f"{module}.py"
    assigned = {target.id for node in type_checking_block(path) if isinstance(node, ast.Assign)
                for target in node.targets}
    loaded = importlib.import_module(f"linebot_fp.compat.models.{module}")
    extra = {"Content"} if module == "responses" else set()  # the core's Content, imported
    assert assigned == set(LEGACY[module]) == set(loaded.__all__) - extra


BOT = '''
from flask import Flask, abort, request

from linebot_fp.compat import LineBotApi, WebhookHandler
from linebot_fp.compat.exceptions import InvalidSignatureError, LineBotApiError
from linebot_fp.compat.models import (
    FollowEvent, MessageEvent, QuickReply, QuickReplyButton, MessageAction, SourceUser,
    TextMessage, TextSendMessage,
)
from linebot_fp.compat.models.events import PostbackEvent
from linebot_fp.compat.models.responses import Profile
from linebot_fp.compat.constants.postback_input_option import PostbackInputOption

app = Flask(__name__)
line_bot_api = LineBotApi("token")
handler = WebhookHandler("secret")


@app.route("/callback", methods=["POST"])
def callback() -> str:
    try:
        handler.handle(request.get_data(as_text=True), request.headers["X-Line-Signature"])
    except InvalidSignatureError:
        abort(400)
    except LineBotApiError as error:
        print(error.status_code, error.error.message)
    return "OK"


@handler.add(MessageEvent, message=TextMessage)
def on_text(event: MessageEvent) -> None:
    text: str = event.message.text
    if isinstance(event.source, SourceUser):
        profile: Profile = line_bot_api.get_profile(event.source.user_id)
        text = f"{profile.display_name}: {text}"
    message = TextSendMessage(text, quick_reply=QuickReply(items=[
        QuickReplyButton(action=MessageAction(label="again", text=text))]))
    message.text = text.upper()
    line_bot_api.reply_message(event.reply_token, [message])


@handler.add(FollowEvent)
def on_follow(event: FollowEvent, destination: str) -> None:
    reply = TextSendMessage(text=PostbackInputOption.OPEN_KEYBOARD)
    line_bot_api.push_message(event.source.user_id, reply)


@handler.add(PostbackEvent)
def on_postback() -> None:
    count: int = line_bot_api.get_group_members_count("G1")
    print(count)
'''


@pytest.mark.skipif(shutil.which("mypy", path=os.path.dirname(sys.executable)) is None,
                    reason="mypy is not installed")
def test_a_legacy_style_bot_passes_mypy_strict(tmp_path):
    (tmp_path / "bot.py").write_text(BOT)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         "--ignore-missing-imports", str(tmp_path / "bot.py")],
        capture_output=True, text=True, timeout=300,
        cwd=pathlib.Path(linebot_fp.compat.__file__).parents[2])
    assert done.returncode == 0, done.stdout + done.stderr
