"""FakeLineApi: requests per second a test suite gets through it, with the real ``Client``.

Each request is a push (text message) sent by ``Client.send`` over the default
urllib3 transport (keep-alive) to a ``FakeLineApi`` on 127.0.0.1, retries off,
so the figure is one full round trip: prepare, send, the server records and
answers, decode. Measured from one client thread and from 8 threads sharing one
``Client``, and once with the server as ``FakeLineApi`` was before: no
``TCP_NODELAY`` and the body written apart from the headers, so each answer's
second part waits for the client's delayed ACK (Nagle's algorithm), ~40 ms.

    python -m benchmarks.fake_api_rps [--requests N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from benchmarks.common import Figure, Metric

__all__ = ["requests_per_second", "run"]

THREADS = 8


def requests_per_second(requests: int = 2000, *, threads: int = 1, nodelay: bool = True) -> float:
    """Pushes per second through a fresh ``FakeLineApi`` (after a warm-up of 20).

    ``threads`` client threads share one ``Client``; ``nodelay=False`` plays the
    server as it was (no ``TCP_NODELAY``, headers and body in two sends).
    """
    from linebot_fp.api import push_message
    from linebot_fp.client import Client
    from linebot_fp.models import TextSendMessage
    from linebot_fp.testing import FakeLineApi

    request = push_message("U" + "0" * 32, TextSendMessage(text="hello"))
    with FakeLineApi() as api:
        if not nodelay:  # the server as it was: headers and body in two sends, the second
            handler: Any = api._server.RequestHandlerClass  # held back by Nagle's algorithm
            handler.disable_nagle_algorithm, handler.wbufsize = False, 0
        client = Client("token", endpoints=api.endpoints, retry=None)
        for _ in range(20):
            client.send(request)
        started = time.perf_counter()
        if threads == 1:
            for _ in range(requests):
                client.send(request)
        else:
            with ThreadPoolExecutor(max_workers=threads) as pool:
                for _ in pool.map(lambda _: client.send(request), range(requests)):
                    pass
        elapsed = time.perf_counter() - started
        if len(api.accepted) != requests + 20:
            raise AssertionError(f"the fake API accepted {len(api.accepted)} of {requests + 20}")
    return requests / elapsed


def run(requests: int = 2000) -> Figure:
    """The figure: requests per second and milliseconds per request, three ways."""
    slow_requests = max(10, requests // 100)  # ~40 ms each: keep this row short
    measured = {
        "FakeLineApi, 1 client thread": requests_per_second(requests),
        f"FakeLineApi, {THREADS} client threads": requests_per_second(requests, threads=THREADS),
        "FakeLineApi before (Nagle, two sends), 1 thread":
            requests_per_second(slow_requests, nodelay=False),
    }
    return Figure(
        key="fake_api_rps",
        title="FakeLineApi round trips with Client.send (push, retries off, 127.0.0.1)",
        metrics=(Metric("requests_per_second", "requests/s"),
                 Metric("ms_per_request", "ms per request", 2)),
        rows={name: {"requests_per_second": rate, "ms_per_request": 1000 / rate}
              for name, rate in measured.items()},
        notes=(f"{requests} pushes per row ({slow_requests} for the server as it was); "
               f"{THREADS} threads share one Client and its connection pool.",),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fake_api_rps",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="pushes per row (2000)")
    args = parser.parse_args(argv)
    figure = run(args.requests)
    for name, row in figure.rows.items():
        print(f"{name}: {row['requests_per_second']:,.0f} requests/s "
              f"({row['ms_per_request']:.2f} ms per request)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
