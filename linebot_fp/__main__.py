"""Command line: ``python -m linebot_fp demo | replay | inbox | sign | verify | token``.

``linebot-fp ...`` (the installed script) is the same.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from linebot_fp.inbox.command import add_arguments as add_inbox_arguments
from linebot_fp.replay.command import TOKEN_VARIABLE, add_arguments as add_replay_arguments
from linebot_fp.tokens.command import add_arguments as add_token_arguments

__all__ = ["main", "program_name"]

SECRET_VARIABLE = "LINE_CHANNEL_SECRET"
SCRIPT = "linebot-fp"
MODULE = "python -m linebot_fp"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    code: int = args.run(args)
    return code


def program_name(argv0: str) -> str:
    """How the user called us: ``linebot-fp`` (the installed script) or ``python -m linebot_fp``."""
    name = os.path.basename(argv0)
    return SCRIPT if name.removesuffix(".exe").removesuffix("-script.py") == SCRIPT else MODULE


def _parser() -> argparse.ArgumentParser:
    from linebot_fp import __version__

    parser = argparse.ArgumentParser(prog=program_name(sys.argv[0]),
                                     description="linebot_fp command line")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command")

    demo = commands.add_parser("demo", help="run an echo bot against a local fake LINE API")
    demo.add_argument("--secret", help="channel secret (default: a demo secret)")
    demo.add_argument("--token", help="channel access token (default: a demo token)")
    demo.add_argument("--endpoint", help="LINE API URL (default: a local fake LINE API)")
    demo.set_defaults(run=_demo)

    replay = commands.add_parser(
        "replay", help="send the requests stored in a JSON lines file, each once",
        description="Send the requests of a file written by linebot_fp.replay.dump_requests. "
                    f"The token comes from ${TOKEN_VARIABLE}. A journal beside the file "
                    "records every line, so running the command again after a failure, a "
                    "crash or Ctrl-C sends what is left and nothing twice.")
    add_replay_arguments(replay)
    replay.set_defaults(run=_replay)

    inbox = commands.add_parser(
        "inbox", help="show an inbox's counts; list, retry and drop its parked events",
        description="Look into the inbox of the ready apps (an SQLite file or a redis:// URL): "
                    "counts, parked events, retry or drop them.")
    add_inbox_arguments(inbox)
    inbox.set_defaults(run=_inbox)

    sign = commands.add_parser("sign", help="print the X-Line-Signature of a webhook body")
    sign.add_argument("file", nargs="?", type=Path, help="body file (default: standard input)")
    sign.add_argument("--secret", help=f"channel secret (default: ${SECRET_VARIABLE})")
    sign.set_defaults(run=_sign)

    verify = commands.add_parser("verify", help="check a webhook body against its signature")
    verify.add_argument("file", nargs="?", type=Path, help="body file (default: standard input)")
    verify.add_argument("--signature", required=True, help="the X-Line-Signature value")
    verify.add_argument("--secret", help=f"channel secret (default: ${SECRET_VARIABLE})")
    verify.set_defaults(run=_verify)

    token = commands.add_parser(
        "token", help="issue, verify, revoke and list channel access tokens",
        description="Channel access tokens for operators. Secrets come from the environment "
                    "or files, never the command line, and are never printed.")
    add_token_arguments(token)
    token.set_defaults(run=_token)
    return parser


def _demo(args: argparse.Namespace) -> int:
    from linebot_fp.demo import run_demo

    return run_demo(secret=args.secret, token=args.token, endpoint=args.endpoint)


def _replay(args: argparse.Namespace) -> int:
    from linebot_fp.replay.command import run

    return run(args)


def _token(args: argparse.Namespace) -> int:
    from linebot_fp.tokens.command import run

    return run(args)


def _inbox(args: argparse.Namespace) -> int:
    from linebot_fp.inbox.command import run

    return run(args)


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
