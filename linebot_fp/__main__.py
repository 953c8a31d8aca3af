"""Command line: ``python -m linebot_fp demo | replay | sign | verify``."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from linebot_fp.request import Request

__all__ = ["main"]

TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
SECRET_VARIABLE = "LINE_CHANNEL_SECRET"
PROGRESS_EVERY = 100


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    code: int = args.run(args)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m linebot_fp",
                                     description="linebot_fp command line")
    commands = parser.add_subparsers(dest="command")

    demo = commands.add_parser("demo", help="run an echo bot against a local fake LINE API")
    demo.add_argument("--secret", help="channel secret (default: a demo secret)")
    demo.add_argument("--token", help="channel access token (default: a demo token)")
    demo.add_argument("--endpoint", help="LINE API URL (default: a local fake LINE API)")
    demo.set_defaults(run=_demo)

    replay = commands.add_parser("replay", help="send the requests stored in a JSON lines file")
    replay.add_argument("file", type=Path)
    replay.add_argument("--dry-run", action="store_true", help="read and check, send nothing")
    replay.add_argument("--concurrency", type=int, default=1, help="requests in flight (1)")
    replay.add_argument("--endpoint", help="send to this URL instead of the LINE hosts")
    replay.set_defaults(run=_replay)

    sign = commands.add_parser("sign", help="print the X-Line-Signature of a webhook body")
    sign.add_argument("file", nargs="?", type=Path, help="body file (default: standard input)")
    sign.add_argument("--secret", help=f"channel secret (default: ${SECRET_VARIABLE})")
    sign.set_defaults(run=_sign)

    verify = commands.add_parser("verify", help="check a webhook body against its signature")
    verify.add_argument("file", nargs="?", type=Path, help="body file (default: standard input)")
    verify.add_argument("--signature", required=True, help="the X-Line-Signature value")
    verify.add_argument("--secret", help=f"channel secret (default: ${SECRET_VARIABLE})")
    verify.set_defaults(run=_verify)
    return parser


def _demo(args: argparse.Namespace) -> int:
    from linebot_fp.demo import run_demo

    return run_demo(secret=args.secret, token=args.token, endpoint=args.endpoint)


def _replay(args: argparse.Namespace) -> int:
    from linebot_fp.replay import failure_line, load_requests, replay

    if not args.file.is_file():
        print(f"replay: no such file: {args.file}", file=sys.stderr)
        return 2
    if args.concurrency < 1:
        print("replay: --concurrency must be at least 1", file=sys.stderr)
        return 2
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token and not args.dry_run:
        print(f"replay: set {TOKEN_VARIABLE} to the channel access token", file=sys.stderr)
        return 2

    send: Callable[[Request], Any]
    if args.dry_run:
        def send(request: Request) -> None:
            return None
    else:
        from linebot_fp.client import Client

        endpoints = (dict.fromkeys(("api", "data", "manager", "webhook"), args.endpoint)
                     if args.endpoint else None)
        send = Client(token, endpoints=endpoints).send

    settled = failed = 0
    counting = threading.Lock()

    def progress(outcome: object) -> None:
        nonlocal settled, failed
        with counting:
            settled += 1
            failed += not getattr(outcome, "ok", False)
            if settled % PROGRESS_EVERY == 0:
                print(f"progress: {settled} done, {failed} failed", file=sys.stderr, flush=True)

    with args.file.open(encoding="utf-8") as lines:
        outcomes = replay(load_requests(lines), send, concurrency=args.concurrency,
                          on_outcome=progress)
    failures = [outcome for outcome in outcomes if not outcome.ok]
    for outcome in failures:
        print(f"line {outcome.line}: {outcome.error}", file=sys.stderr)
    failed_path = args.file.with_name(args.file.stem + ".failed.jsonl")
    if failures:
        failed_path.write_text("".join(failure_line(o) + "\n" for o in failures), encoding="utf-8")
    verb = "checked" if args.dry_run else "sent"
    summary = f"{len(outcomes) - len(failures)} {verb}, {len(failures)} failed"
    print(summary + (f" (written to {failed_path})" if failures else ""))
    return 1 if failures else 0


def _body(file: Path | None, stdin: TextIO) -> bytes:
    return file.read_bytes() if file is not None else stdin.buffer.read()


def _secret(args: argparse.Namespace) -> str | None:
    secret: str | None = args.secret or os.environ.get(SECRET_VARIABLE)
    if not secret:
        print(f"give --secret or set {SECRET_VARIABLE}", file=sys.stderr)
    return secret


def _sign(args: argparse.Namespace) -> int:
    from linebot_fp.signature import signature

    secret = _secret(args)
    if secret is None:
        return 2
    print(signature(_body(args.file, sys.stdin), secret))
    return 0


def _verify(args: argparse.Namespace) -> int:
    from linebot_fp.signature import verify_signature

    secret = _secret(args)
    if secret is None:
        return 2
    valid = verify_signature(_body(args.file, sys.stdin), args.signature, secret)
    print("valid" if valid else "invalid")
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
