"""``python -m linebot_fp token issue | verify | revoke | list``: tokens for operators.

Secrets never come from the command line, where other users of the machine could
read them: the channel secret comes from ``$LINE_CHANNEL_SECRET`` or
``--secret-file``, the Assertion Signing Key's private key (a JWK or PEM) from
``$LINE_ASSERTION_PRIVATE_KEY`` or ``--private-key-file``, a token to verify or
revoke from ``$LINE_CHANNEL_ACCESS_TOKEN`` or ``--token-file``. Nothing the command
prints quotes one of them.

``issue`` exists to hand out a token, so it writes it, but only where told:
``--output FILE`` (created with mode 0600; the summary goes to standard output) or
``--stdout`` (the token alone on standard output, for a pipe; the summary goes to
standard error). Without either it refuses.

Exit status: 0 done (``verify``: the token is valid); 1 LINE refused or did not
answer (``verify``: the token is not valid); 2 a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from linebot_fp.errors import ChannelTokenError, InvalidInputError

__all__ = ["CHANNEL_ID_VARIABLE", "KID_VARIABLE", "PRIVATE_KEY_VARIABLE", "SECRET_VARIABLE",
           "TOKEN_VARIABLE", "add_arguments", "run"]

CHANNEL_ID_VARIABLE = "LINE_CHANNEL_ID"
SECRET_VARIABLE = "LINE_CHANNEL_SECRET"
TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
PRIVATE_KEY_VARIABLE = "LINE_ASSERTION_PRIVATE_KEY"
KID_VARIABLE = "LINE_ASSERTION_KID"
KINDS = ("stateless", "short-lived", "v2.1")
USAGE_ERROR = 2


class UsageError(Exception):
    """A missing option, variable or file: reported in one line, exit status 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The subcommands and options of the ``token`` command."""
    actions = parser.add_subparsers(dest="token_action", metavar="ACTION", required=True)
    issue = actions.add_parser(
        "issue", help="issue a token and write it to --output FILE (mode 0600) or --stdout")
    issue.add_argument("--kind", choices=KINDS, required=True,
                       help="stateless (15 minutes), short-lived (30 days) or v2.1 "
                            "(--lifetime, by a JWT assertion)")
    _channel(issue)
    _secret_file(issue)
    _key(issue)
    issue.add_argument("--lifetime", type=int, metavar="SECONDS",
                       help="v2.1: how long the token lives (default and most: 30 days)")
    where = issue.add_mutually_exclusive_group()
    where.add_argument("--output", type=Path, metavar="FILE",
                       help="write the token to FILE, readable by you only (mode 0600)")
    where.add_argument("--stdout", action="store_true",
                       help="print the token (alone) on standard output, for a pipe")

    verify = actions.add_parser("verify", help="check a token: its channel and time left")
    verify.add_argument("--kind", choices=("v2", "v2.1"), default="v2",
                        help="v2.1 for a token v2.1; v2 (the default) for any other")
    _token_file(verify)

    revoke = actions.add_parser("revoke", help="revoke a token")
    revoke.add_argument("--kind", choices=("v2", "v2.1"), default="v2",
                        help="v2.1 (needs the channel id and secret) or v2 (the default: "
                             "short-lived and long-lived tokens; stateless ones cannot be "
                             "revoked)")
    _token_file(revoke)
    _channel(revoke)
    _secret_file(revoke)

    listing = actions.add_parser("list", help="list the key ids of the valid tokens v2.1")
    _channel(listing)
    _key(listing)

    for action in (issue, verify, revoke, listing):
        action.add_argument("--endpoint", metavar="URL",
                            help="LINE API URL (default: https://api.line.me)")
        action.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                            help="time allowed for the call (default: 10)")


def _channel(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--channel-id", metavar="ID",
                        help=f"the channel id (default: ${CHANNEL_ID_VARIABLE})")


def _secret_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--secret-file", type=Path, metavar="FILE",
                        help=f"file holding the channel secret (default: ${SECRET_VARIABLE})")


def _key(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--private-key-file", type=Path, metavar="FILE",
                        help="v2.1: file holding the Assertion Signing Key's private key, a "
                             f"JWK or PEM (default: ${PRIVATE_KEY_VARIABLE})")
    parser.add_argument("--kid", help=f"v2.1: the key id of that key (default: ${KID_VARIABLE})")


def _token_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--token-file", type=Path, metavar="FILE",
                        help=f"file holding the token (default: ${TOKEN_VARIABLE})")


def run(args: argparse.Namespace, *, stdout: TextIO | None = None,
        stderr: TextIO | None = None) -> int:
    """Run ``token ACTION`` with parsed ``args``; return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        action = _ACTIONS[args.token_action]
        return action(args, out, err)
    except UsageError as error:
        print(f"token {args.token_action}: {error}", file=err)
        return USAGE_ERROR
    except InvalidInputError as error:
        print(f"token {args.token_action}: {error.message}", file=err)
        return USAGE_ERROR
    except ChannelTokenError as error:
        print(f"token {args.token_action}: {error.message}", file=err)
        return 1


def _issue(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output is None and not args.stdout:
        raise UsageError("say where the token goes: --output FILE (written with mode 0600) "
                         "or --stdout (printed alone)")
    provider = _provider(args)
    issued = provider.current()
    summary = (f"issued a {provider.kind} channel access token for channel "
               f"{provider.channel_id}, good until {_when(issued.expires_at)}"
               + (f" (key id {issued.key_id})" if issued.key_id else ""))
    if args.stdout:
        print(issued.token.reveal(), file=out)
        print(summary, file=err)
        return 0
    _write_private(args.output, issued.token.reveal() + "\n")
    print(f"{summary}; written to {args.output} (mode 0600)", file=out)
    return 0


def _provider(args: argparse.Namespace) -> Any:
    reach = _reach(args)
    channel_id = _channel_id(args)
    if args.kind == "v2.1":
        from linebot_fp.tokens.assertion import MAX_TOKEN_SECONDS
        from linebot_fp.tokens.v21 import V21Token

        return V21Token(channel_id, _private_key(args), _kid(args),
                        args.lifetime if args.lifetime is not None else MAX_TOKEN_SECONDS,
                        **reach)
    if args.lifetime is not None:
        raise UsageError("--lifetime is for --kind v2.1 only (stateless tokens live 15 "
                         "minutes, short-lived ones 30 days)")
    from linebot_fp.tokens.providers import ShortLivedToken, StatelessToken

    kind = StatelessToken if args.kind == "stateless" else ShortLivedToken
    return kind(channel_id, _secret(args), **reach)


def _verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linebot_fp.api.channel_token import (
        verify_channel_access_token_v2_1,
        verify_channel_token,
    )
    from linebot_fp.tokens.calls import Reach, call

    token = _token(args)
    build = verify_channel_access_token_v2_1 if args.kind == "v2.1" else verify_channel_token
    try:
        answer = call(Reach(**_reach(args)), build(token), action="verify", kind=args.kind,
                      channel_id="(the token's)", secrets=(token,))
    except ChannelTokenError as error:
        if error.status_code == 400:  # LINE's answer to a token that is not valid
            print(f"invalid: {error.error_description or error.error or error.reason}",
                  file=out)
            return 1
        raise
    left = int(answer.expires_in or 0)
    print(f"valid: channel {answer.client_id}, expires in {left} s "
          f"(at {_when(time.time() + left)}), scope {answer.scope or '-'}", file=out)
    return 0


def _revoke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linebot_fp.api.channel_token import (
        revoke_channel_access_token_v2_1,
        revoke_channel_token,
    )
    from linebot_fp.tokens.calls import Reach, call

    token = _token(args)
    reach = Reach(**_reach(args))
    if args.kind == "v2.1":
        channel_id, secret = _channel_id(args), _secret(args)
        call(reach, revoke_channel_access_token_v2_1(channel_id, secret, token),
             action="revoke", kind="v2.1", channel_id=channel_id, secrets=(secret, token))
    else:
        call(reach, revoke_channel_token(token), action="revoke", kind="v2",
             channel_id="(the token's)", secrets=(token,))
    print("revoked", file=out)
    return 0


def _list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linebot_fp.tokens.v21 import V21Token

    provider = V21Token(_channel_id(args), _private_key(args), _kid(args), **_reach(args))
    kids = provider.key_ids()
    for kid in kids:
        print(kid, file=out)
    print(f"{len(kids)} valid channel access token(s) v2.1 for channel {provider.channel_id}",
          file=err)
    return 0


_ACTIONS = {"issue": _issue, "verify": _verify, "revoke": _revoke, "list": _list}


# -- where the inputs come from ----------------------------------------------------------
def _reach(args: argparse.Namespace) -> dict[str, Any]:
    endpoints = {"api": args.endpoint.rstrip("/")} if args.endpoint else {}
    return {"endpoints": endpoints, "timeout": args.timeout}


def _channel_id(args: argparse.Namespace) -> str:
    channel_id: str | None = args.channel_id or os.environ.get(CHANNEL_ID_VARIABLE)
    if not channel_id:
        raise UsageError(f"give --channel-id or set {CHANNEL_ID_VARIABLE}")
    return channel_id


def _kid(args: argparse.Namespace) -> str:
    kid: str | None = args.kid or os.environ.get(KID_VARIABLE)
    if not kid:
        raise UsageError(f"give --kid or set {KID_VARIABLE} (the key id LINE's console gave "
                         "the public key)")
    return kid


def _secret(args: argparse.Namespace) -> str:
    return _from_file_or_variable(args.secret_file, SECRET_VARIABLE, "--secret-file",
                                  "the channel secret")


def _token(args: argparse.Namespace) -> str:
    from linebot_fp.tokens.static import check_token

    try:
        return check_token(_from_file_or_variable(args.token_file, TOKEN_VARIABLE,
                                                  "--token-file", "the token"))
    except ValueError as error:
        raise UsageError(str(error)) from None


def _private_key(args: argparse.Namespace) -> str:
    return _from_file_or_variable(args.private_key_file, PRIVATE_KEY_VARIABLE,
                                  "--private-key-file", "the private key (a JWK or PEM)")


def _from_file_or_variable(path: Path | None, variable: str, option: str, what: str) -> str:
    from linebot_fp.tokens.secret import Secret

    if path is not None:
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise UsageError(f"cannot read {option} {path}: {error.strerror}") from None
        if not text:
            raise UsageError(f"{option} {path} is empty")
        return Secret(text)
    text = os.environ.get(variable, "").strip()
    if not text:
        raise UsageError(f"give {option} FILE or set {variable} to {what}")
    return Secret(text)


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable and writable by its owner only."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise UsageError(f"cannot write --output {path}: {error.strerror}") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)  # an existing file keeps no wider mode
        file.write(text)


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
