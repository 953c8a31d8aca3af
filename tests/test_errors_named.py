"""Errors that name the right thing: legacy names point to ``linebot_fp.compat``, and a
transport without its extra names the ``pip install`` that brings it."""

from __future__ import annotations

import sys

import pytest

import linebot_fp
import linebot_fp.compat
from linebot_fp._legacy_names import LEGACY_NAMES
from linebot_fp.extras import MissingExtraError


@pytest.mark.parametrize("name", ["LineBotApi", "WebhookHandler", "WebhookParser",
                                  "SignatureValidator"])
def test_a_legacy_top_level_name_points_to_compat(name: str) -> None:
    with pytest.raises(AttributeError) as raised:
        getattr(linebot_fp, name)
    message = str(raised.value)
    assert f"has no attribute {name!r}" in message
    assert f"from linebot_fp.compat import {name}" in message
    assert raised.value.name == name
    assert getattr(linebot_fp.compat, name).__name__ == name  # the pointer is right
    assert not hasattr(linebot_fp, name)  # still a plain AttributeError for hasattr


def test_a_legacy_submodule_points_to_its_compat_module() -> None:
    with pytest.raises(AttributeError, match=r"linebot_fp\.compat\.exceptions"):
        linebot_fp.exceptions  # noqa: B018


def test_any_other_missing_name_is_the_usual_error() -> None:
    with pytest.raises(AttributeError) as raised:
        linebot_fp.NoSuchThing  # noqa: B018
    assert str(raised.value) == "module 'linebot_fp' has no attribute 'NoSuchThing'"


def test_the_legacy_names_are_the_compat_names_the_core_lacks() -> None:
    assert set(LEGACY_NAMES) == set(linebot_fp.compat.__all__) - set(linebot_fp.__all__)


def test_exported_names_still_load() -> None:
    assert linebot_fp.Client.__name__ == "Client"
    assert "Client" in dir(linebot_fp)


@pytest.mark.parametrize(("module", "cls", "extra"), [
    ("linebot_fp.transports.httpx_transport", "HttpxTransport", "httpx"),
    ("linebot_fp.transports.aiohttp_transport", "AiohttpTransport", "aiohttp"),
])
def test_a_transport_without_its_extra_names_the_pip_install(
        monkeypatch: pytest.MonkeyPatch, module: str, cls: str, extra: str) -> None:
    transport = getattr(__import__(module, fromlist=[cls]), cls)
    monkeypatch.setitem(sys.modules, extra, None)  # as if the library were not installed
    with pytest.raises(MissingExtraError) as raised:
        transport()
    assert f"pip install 'linebot_fp[{extra}]'" in str(raised.value)
    assert cls in str(raised.value)
    assert isinstance(raised.value, ImportError)
