"""The API reference (docs/): built without a warning, every module reachable by links from
its landing page and in its group, Google-style sections as lists, each object once in the
search. The browser check (docs/check_reference.py, headless Chromium) runs in CI after
the tests; its pure parts (links followed, screenshots judged) are tested here.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS))

import build_reference  # noqa: E402
import check_reference  # noqa: E402
import landing  # noqa: E402


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference, built once by the build script in its own process."""
    output = tmp_path_factory.mktemp("reference")
    result = subprocess.run([sys.executable, str(DOCS / "build_reference.py"), str(output)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    return output


def docstrings(page: Path) -> list[str]:
    """The rendered docstrings of a page (not its source listings)."""
    return re.findall(r'<div class="docstring">(.*?)</div>', page.read_text(), flags=re.S)


def search_entries(reference: Path) -> list[dict[str, Any]]:
    line = next(line for line in (reference / "search.js").read_text().splitlines()
                if "const docs = " in line)
    index = json.loads(line.split("const docs = ", 1)[1].rstrip().rstrip(";"))
    return list(index["documentStore"]["docs"].values())


# -- the groups -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("module", "group"), [
    ("linebot_fp", "Core"),
    ("linebot_fp.client", "Core"),
    ("linebot_fp.transports.httpx_transport", "Core"),
    ("linebot_fp.deadline", "Core"),  # a module no rule claims
    ("linebot_fp.api", "API builders"),
    ("linebot_fp.api.messaging", "API builders"),
    ("linebot_fp.models.flex", "Models"),
    ("linebot_fp.webhook", "Webhook and apps"),
    ("linebot_fp.webhook_endpoint", "Webhook and apps"),
    ("linebot_fp.apps", "Webhook and apps"),
    ("linebot_fp.event_store", "Webhook and apps"),
    ("linebot_fp.inbox", "Inbox"),
    ("linebot_fp.inbox.redis", "Inbox"),
    ("linebot_fp.tokens", "Tokens"),
    ("linebot_fp.tokens.cache", "Tokens"),
    ("linebot_fp.token_cache", "Tokens"),
    ("linebot_fp.limits", "Limits, jobs and validation"),
    ("linebot_fp.validation", "Limits, jobs and validation"),
    ("linebot_fp.jobs", "Limits, jobs and validation"),
    ("linebot_fp.testing.fake_api", "Testing"),
    ("linebot_fp.replay.journal", "Replay"),
    ("linebot_fp.compat.models.events", "Legacy API (compat)"),
])
def test_a_module_lands_in_its_group_by_its_name(module: str, group: str) -> None:
    assert landing.group_of(module).title == group


def test_every_module_is_in_one_group_in_order() -> None:
    modules = landing.public_modules()
    grouped = landing.grouped(modules)
    assert sorted(name for _, names in grouped for name in names) == sorted(modules)
    order = [group.title for group in landing.GROUPS]
    assert [group.title for group, _ in grouped] == [
        title for title in order if title in {group.title for group, _ in grouped}]
    assert "linebot_fp.testing" in {g.title: n for g, n in grouped}["Testing"]


# -- the built reference --------------------------------------------------------------------------

def test_every_module_is_reachable_by_links_from_the_landing_page(reference: Path) -> None:
    assert check_reference.unreached_modules(reference) == []
    linked = set(check_reference.links_of(reference / "index.html"))
    assert {name.replace(".", "/") + ".html" for name in landing.public_modules()} <= linked


def test_the_landing_page_shows_the_architecture_and_the_groups(reference: Path) -> None:
    page = (reference / "index.html").read_text()
    assert "webhook.parse(body, signature, secret)" in page
    assert "Everything left of the transport is pure" in page
    for group, _ in landing.grouped(landing.public_modules()):
        assert f"<h2>{group.title}</h2>" in page
    assert "AsyncClient: the send flow" in page  # a module's summary


def test_every_module_page_links_back_to_the_landing_page(reference: Path) -> None:
    for name in ("linebot_fp", "linebot_fp.api", "linebot_fp.models.flex"):
        page = reference / (name.replace(".", "/") + ".html")
        hrefs = check_reference.links_of(page)
        assert "../" * name.count(".") + "index.html" in hrefs, name


def test_google_sections_are_lists(reference: Path) -> None:
    api_page = reference / "linebot_fp" / "api.html"
    rendered = docstrings(api_page)
    assert len(rendered) > 100
    for text in rendered:
        assert not re.search(r"\b(Args|Returns|Raises):", text), text[:300]
    push = next(text for text in rendered if "Push 1 to 5 messages to a user" in text)
    assert '<p class="section-title">Arguments</p>' in push
    assert "<li><strong>to</strong>:" in push
    assert "<li><strong>InvalidInputError</strong>:" in push


def test_long_signatures_wrap(reference: Path) -> None:
    page = (reference / "linebot_fp" / "apps.html").read_text()
    rules = re.findall(r"([^{}]*)\{([^}]*)\}", page)
    wrapping = [selector for selector, body in rules
                if "white-space:pre-wrap" in body.replace(" ", "") and ".param" in selector]
    assert wrapping, "no rule wraps the parameters of a signature"


def test_each_object_is_once_in_the_search(reference: Path) -> None:
    entries = search_entries(reference)
    names = [entry["fullname"] for entry in entries]
    assert len(names) == len(set(names))
    assert "linebot_fp.Client" in names
    assert "linebot_fp.client.Client" not in names
    assert "linebot_fp.models.TextSendMessage" in names
    assert "linebot_fp.models.send_messages.TextSendMessage" not in names
    core = [entry for entry in entries
            if not entry["modulename"].startswith("linebot_fp.compat")]
    seen: dict[tuple[str, ...], str] = {}
    for entry in core:
        key = (entry.get("qualname", ""), entry["kind"], entry.get("doc", ""),
               entry.get("signature", ""))
        if entry["kind"] != "module" and entry.get("doc"):
            assert key not in seen, f"{entry['fullname']} repeats {seen[key]}"
            seen[key] = entry["fullname"]


# -- the build's helpers --------------------------------------------------------------------------

def test_google_sections_become_titled_lists() -> None:
    text = ("Push it.\n\nArgs:\n    to: the user\n        (or group).\n    messages: 1 to 5.\n"
            "\nReturns:\n    ``Request[None]``: nothing.\n\nRaises:\n    ValueError: bad.\n")
    converted = build_reference.google_sections(text)
    assert '<p class="section-title">Arguments</p>\n\n- **to**: the user (or group).\n' \
           "- **messages**: 1 to 5." in converted
    assert '<p class="section-title">Returns</p>\n\n- ``Request[None]``: nothing.' in converted
    assert "- **ValueError**: bad." in converted
    assert build_reference.google_sections("Note: not a section\n") == "Note: not a section\n"


def test_summary_is_the_first_sentence_without_marks() -> None:
    assert build_reference.summary(
        "Clients: send :class:`~linebot_fp.Request` values. More.\n\nDetails.") == (
        "Clients: send linebot_fp.Request values.")
    assert build_reference.summary("The ``Content`` of an answer") == "The Content of an answer"


# -- the browser check's helpers ------------------------------------------------------------------

def test_reachable_follows_relative_links_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/b.html#x">b</a><a href="https://x.y/c.html">')
    (tmp_path / "a" / "b.html").write_text('<a href="../c.html">c</a>')
    (tmp_path / "c.html").write_text('<a href="index.html">back</a>')
    (tmp_path / "lost.html").write_text("")
    assert check_reference.reachable(tmp_path) == {"index.html", "a/b.html", "c.html"}


def png(width: int, height: int, row: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + row for _ in range(height)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def test_a_blank_or_wrong_sized_screenshot_is_a_problem(tmp_path: Path) -> None:
    blank, varied, small = tmp_path / "blank.png", tmp_path / "varied.png", tmp_path / "s.png"
    blank.write_bytes(png(1280, 1600, b"\xff" * 3 * 1280))
    varied.write_bytes(png(1280, 1600, bytes(range(256)) * 15))
    small.write_bytes(png(10, 10, bytes(range(30))))
    assert check_reference.png_problems(blank) == [f"{blank} looks blank"]
    assert check_reference.png_problems(varied) == []
    assert check_reference.png_problems(small) == [
        f"{small} is 10x10, not 1280x1600", f"{small} looks blank"]
    gif = tmp_path / "x.png"
    gif.write_bytes(b"GIF89a")
    assert check_reference.png_problems(gif) == [f"{gif} is not a PNG"]
