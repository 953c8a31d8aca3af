"""``StaticToken`` (a token you already have) and the check every token passes.

This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.tokens.secret import Secret

__all__ = ["StaticToken", "check_token"]


def check_token(token: object) -> Secret:
    """``token`` if it can go in an ``Authorization`` header; else ``ValueError``.

    The message never quotes the token: it may end up in logs.
    """
    if not isinstance(token, str) or not token:
        raise ValueError("channel_access_token must be a non-empty string or a token provider "
                         "(an object with token() and refresh(), see linebot_fp.tokens), "
                         f"got {'an empty string' if token == '' else type(token).__name__}")
    token = token if isinstance(token, Secret) else Secret(token)
    bad = next((i for i, c in enumerate(token)
                if c.isspace() or not c.isprintable() or not c.isascii()), None)
    if bad is not None:
        raise ValueError(
            f"channel_access_token has whitespace, a control or a non-ASCII character at "
            f"position {bad} of {len(token)} (a trailing newline read from a file?); "
            f"strip it before passing it")
    return token


class StaticToken:
    """A token you already have (a long-lived one from LINE's console): never renewed.

    ``refresh()`` gives the same token back, so a 401 answer is final.
    """

    def __init__(self, token: str) -> None:
        self._token = check_token(token)

    def __repr__(self) -> str:
        return "StaticToken(<redacted>)"

    def token(self) -> Secret:
        """The token."""
        return self._token

    def refresh(self, stale: str | None = None) -> Secret:
        """The same token: there is no other."""
        return self._token

    async def atoken(self) -> Secret:
        """The token."""
        return self._token

    async def arefresh(self, stale: str | None = None) -> Secret:
        """The same token: there is no other."""
        return self._token
