"""A process sharing a RedisLimiter with others (run by tests/test_limiter_processes.py).

    python limiter_worker.py grants REDIS_URL COUNT REQUESTS SECONDS
        takes COUNT slots of the operation "op" limited to REQUESTS per SECONDS and
        prints the server time of each grant, one a line
    python limiter_worker.py send REDIS_URL COUNT API_URL FRACTION
        sends COUNT multicasts to the fake API at API_URL through a Client whose
        limiter is RedisLimiter(REDIS_URL, fraction=FRACTION); prints "done"

Once ready it creates START_FLAG.ready.<pid>, then waits for the file START_FLAG
(named by the environment) before it begins, so the processes start together.
"""

import os
import sys
import time
from pathlib import Path

from linebot_fp import Client, RetryPolicy
from linebot_fp.api import multicast
from linebot_fp.limits import Rate, RedisLimiter
from linebot_fp.models import TextSendMessage


def wait_for_start():
    flag = Path(os.environ["START_FLAG"])
    flag.with_name(f"{flag.name}.ready.{os.getpid()}").touch()
    for _ in range(1200):
        if flag.exists():
            return
        time.sleep(0.05)
    raise SystemExit("the start flag never came")


def main(mode, url, count, *rest):
    count = int(count)
    if mode == "grants":
        requests, seconds = int(rest[0]), float(rest[1])
        with RedisLimiter(url, rates={"op": Rate(requests, seconds)}) as limiter:
            wait_for_start()
            for _ in range(count):
                while True:
                    wait, now = limiter.attempt("op")
                    if wait == 0:
                        print(repr(now), flush=True)
                        break
                    time.sleep(wait)
        return
    api_url, fraction = rest[0], float(rest[1])
    with RedisLimiter(url, fraction=fraction) as limiter:
        client = Client("shared-channel-token", endpoints={"api": api_url}, limiter=limiter,
                        retry=RetryPolicy(max_attempts=1))
        wait_for_start()
        for n in range(count):
            client.send(multicast([f"U{os.getpid()}x{n}"], TextSendMessage(text="hi")))
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
