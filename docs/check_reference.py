"""Build the API reference and look at it in a real browser (headless Chromium).

    pip install -e '.[docs]'              # and Chromium: apt-get install -y chromium
    python docs/check_reference.py [OUTPUT_DIR] [--shots DIR] [--module NAME]

1. builds the reference into ``OUTPUT_DIR`` (default ``build/reference``) with
   ``docs/build_reference.py``: any pdoc warning fails;
2. follows the links from the landing page: every public module's page must be reached;
3. serves the reference on 127.0.0.1 (a free port) and takes headless Chromium
   screenshots of the landing page and of one module page (``--module``, default
   ``linebot_fp.api``) into ``--shots`` (default ``build/reference-shots``), checking each
   is a PNG of the window's size that is not blank.

Exits 0 when all holds, 1 naming what does not, 2 when Chromium is not installed. Look
at the screenshots: the check proves the pages render, your eyes that they read well.
"""

from __future__ import annotations

import argparse
import functools
import html.parser
import http.server
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).parent))

import build_reference
import landing

#: the browser window of the screenshots (CSS pixels)
WINDOW = (1280, 1600)
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
#: Chromium flags for a headless run that touches no network and no profile of its own
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def links_of(page: Path) -> list[str]:
    """The ``href`` of every link on ``page``."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


def reachable(root: Path, start: str = "index.html") -> set[str]:
    """The pages (paths relative to ``root``) reached by following links from ``start``."""
    seen, todo = {start}, [start]
    while todo:
        page = todo.pop()
        for href in links_of(root / page):
            target = urldefrag(urljoin(page, href)).url
            if urlsplit(target).scheme or not target.endswith(".html"):
                continue  # another site, or not a page
            target = str(Path(target))
            if target not in seen and (root / target).is_file():
                seen.add(target)
                todo.append(target)
    return seen


def unreached_modules(root: Path) -> list[str]:
    """Public modules whose page the landing page's links do not reach."""
    pages = reachable(root)
    return [name for name in landing.public_modules()
            if name.replace(".", "/") + ".html" not in pages]


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """``root`` served on 127.0.0.1 (a free port) while the block runs; its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Stay quiet."""

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def browser() -> str | None:
    """The Chromium on the PATH, if any."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def screenshot(chromium: str, url: str, target: Path, window: tuple[int, int] = WINDOW) -> None:
    """A headless Chromium screenshot of ``url`` into ``target`` (a fresh profile each time)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}",
                        f"--screenshot={target}", f"--window-size={window[0]},{window[1]}",
                        url], capture_output=True, timeout=180, check=False)
    if not target.is_file():
        raise RuntimeError(f"Chromium wrote no screenshot of {url}")


def png_problems(path: Path, window: tuple[int, int] = WINDOW) -> list[str]:
    """What is wrong with a screenshot: not a PNG, not the window's size, or one colour."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return [f"{path} is not a PNG"]
    width, height = struct.unpack(">II", data[16:24])
    problems = [] if (width, height) == window else [
        f"{path} is {width}x{height}, not {window[0]}x{window[1]}"]
    pixels = b"".join(data[at + 8:at + 8 + length] for at, length in _chunks(data, b"IDAT"))
    if len(set(zlib.decompress(pixels)[::97])) < 16:  # text's anti-aliasing gives many
        problems.append(f"{path} looks blank")
    return problems


def _chunks(data: bytes, kind: bytes) -> Iterator[tuple[int, int]]:
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        if data[at + 4:at + 8] == kind:
            yield at, length
        at += 12 + length


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, default=Path("build/reference"))
    parser.add_argument("--shots", type=Path, default=Path("build/reference-shots"))
    parser.add_argument("--module", default="linebot_fp.api",
                        help="the module page to screenshot (default linebot_fp.api)")
    options = parser.parse_args(argv)
    chromium = browser()
    if chromium is None:
        print("check_reference: Chromium is not installed (apt-get install -y chromium)",
              file=sys.stderr)
        return 2
    if build_reference.main([str(options.output)]) != 0:
        return 1
    problems = [f"not reached from the landing page: {name}"
                for name in unreached_modules(options.output)]
    pages = {"landing": "index.html", "module": options.module.replace(".", "/") + ".html"}
    with serving(options.output) as base:
        for kind, page in pages.items():
            shot = options.shots / f"{kind}.png"
            screenshot(chromium, base + page, shot)
            problems += png_problems(shot)
            print(f"screenshot of {page}: {shot}")
    for problem in problems:
        print(f"check_reference: {problem}", file=sys.stderr)
    if not problems:
        print(f"the reference renders, and its landing page reaches all "
              f"{len(landing.public_modules())} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
