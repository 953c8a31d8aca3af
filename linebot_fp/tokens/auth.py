"""How ``Client`` and ``AsyncClient`` use a token: one per attempt, one refresh after a 401.

The drivers ask their :class:`Authorizer` for the attempts of each send
(:meth:`Authorizer.attempts`); before each attempt :meth:`Attempts.authorize` puts the
provider's current token in ``Authorization``, and after it :meth:`Attempts.refused`
says whether LINE refused that token (401) and a refreshed one differs: then the
same keyed request is sent once more, and a second 401 is final (``LineBotApiError``).
This module performs no I/O of its own (the provider may).
"""

from __future__ import annotations

import inspect
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from linebot_fp.errors import LineBotError
from linebot_fp.request import Headers, Request, Response
from linebot_fp.tokens.secret import Secret
from linebot_fp.tokens.static import StaticToken, check_token

if TYPE_CHECKING:
    from linebot_fp.transport import HttpRequest

__all__ = ["AsyncTokenProvider", "Attempts", "Authorizer", "TokenProvider"]


@runtime_checkable
class TokenProvider(Protocol):
    """What ``Client`` takes instead of a string: ``token()`` gives the current token
    (renewed when due), ``refresh()`` a new one (after LINE refused the current one).

    Both return the token text; the providers of :mod:`linebot_fp.tokens` return a
    :class:`~linebot_fp.tokens.secret.Secret` (a ``str`` whose ``repr`` hides it) and
    take ``refresh(stale=...)``, the refused token, so that threads meeting the same 401
    share one refresh.
    """

    def token(self) -> str: ...

    def refresh(self) -> str: ...


@runtime_checkable
class AsyncTokenProvider(TokenProvider, Protocol):
    """A :class:`TokenProvider` with awaitable twins, which ``AsyncClient`` prefers
    (without them it runs ``token()`` and ``refresh()`` in a worker thread)."""

    async def atoken(self) -> str: ...

    async def arefresh(self) -> str: ...


class Authorizer:
    """A client's source of tokens: a string (checked, never renewed) or a provider."""

    def __init__(self, source: str | TokenProvider) -> None:
        if isinstance(source, TokenProvider) and not isinstance(source, str):
            self.provider: TokenProvider = source
        else:
            self.provider = StaticToken(source)  # ValueError (not quoting it) if unusable
        refresh = self.provider.refresh
        self._takes_stale = "stale" in inspect.signature(refresh).parameters
        self._async = isinstance(self.provider, AsyncTokenProvider)

    def attempts(self, request: Request[Any]) -> Attempts:
        """The token side of one send of ``request`` (the keyed request, for errors)."""
        return Attempts(self, request)


class Attempts:
    """The token side of one send: see the module docstring."""

    __slots__ = ("_authorizer", "_refreshed", "_request", "_used")

    def __init__(self, authorizer: Authorizer, request: Request[Any]) -> None:
        self._authorizer = authorizer
        self._request = request
        self._used: Secret | None = None
        self._refreshed = False

    def authorize(self, http_request: HttpRequest) -> HttpRequest:
        """``http_request`` carrying the provider's current token."""
        try:
            self._used = check_token(self._authorizer.provider.token())
        except LineBotError as error:  # a token could not be issued: say which send it cost
            error.request = self._request
            raise
        return _with_token(http_request, self._used)

    async def aauthorize(self, http_request: HttpRequest) -> HttpRequest:
        """:meth:`authorize` for ``AsyncClient``."""
        provider = self._authorizer.provider
        try:
            if self._authorizer._async:
                token = await provider.atoken()  # type: ignore[attr-defined]
            else:
                import asyncio

                token = await asyncio.to_thread(provider.token)
            self._used = check_token(token)
        except LineBotError as error:
            error.request = self._request
            raise
        return _with_token(http_request, self._used)

    def refused(self, outcome: Response | BaseException) -> bool:
        """Whether to send again: LINE refused the token (401) for the first time in this
        send and the provider's refreshed token differs (then the 401 is drained)."""
        if not self._first_refusal(outcome):
            return False
        try:
            fresh = check_token(self._refresh())
        except LineBotError as error:
            error.request = self._request
            raise
        return self._resend(outcome, fresh)

    async def arefused(self, outcome: Response | BaseException) -> bool:
        """:meth:`refused` for ``AsyncClient``."""
        if not self._first_refusal(outcome):
            return False
        provider = self._authorizer.provider
        try:
            if self._authorizer._async:
                arefresh = provider.arefresh  # type: ignore[attr-defined]
                token = await (arefresh(stale=self._used) if self._authorizer._takes_stale
                               else arefresh())
            else:
                import asyncio

                token = await asyncio.to_thread(self._refresh)
            fresh = check_token(token)
        except LineBotError as error:
            error.request = self._request
            raise
        return self._resend(outcome, fresh)

    def _first_refusal(self, outcome: Response | BaseException) -> bool:
        if self._refreshed or not isinstance(outcome, Response) or outcome.status != 401:
            return False
        self._refreshed = True
        return True

    def _refresh(self) -> str:
        provider = self._authorizer.provider
        if self._authorizer._takes_stale:
            return provider.refresh(stale=self._used)  # type: ignore[call-arg]
        return provider.refresh()

    def _resend(self, outcome: Response | BaseException, fresh: Secret) -> bool:
        if fresh == self._used:
            return False  # no other token: the 401 stands
        assert isinstance(outcome, Response)
        if isinstance(outcome.body, bytes):
            return True
        outcome.body.close()  # a streamed 401: nothing in it is needed
        return True


def _with_token(http_request: HttpRequest, token: Secret) -> HttpRequest:
    headers = Headers({**http_request.headers, "Authorization": f"Bearer {token}"})
    return replace(http_request, headers=headers)
