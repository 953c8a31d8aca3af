"""Jobs LINE runs in the background, awaited: narrowcasts, audiences, rich menu batches, content.

Some requests only start a job: a narrowcast is delivered, an audience filled,
a rich menu batch applied and a video prepared after LINE has answered. Each job
here is a :class:`Job` value: the request that reads its progress, and a pure
``judge`` of each answer (still running, done, failed). :func:`result` (blocking)
and :func:`aresult` (asyncio) poll it until it ends::

    answer = client.send(narrowcast(TextSendMessage(text="sale!")))
    progress = jobs.result(client, jobs.narrowcast_progress(answer.request_id))

    batch = client.send(rich_menu_batch(RichMenuBatchRequest(operations=[
        RichMenuBatchUnlinkAllOperation()])))
    done = jobs.result(client, jobs.rich_menu_batch_progress(batch.request_id))

Each job starts from what the request that began it answered: a narrowcast and a
rich menu batch answer 202 with no body, and their answers
(``NarrowcastResponse``, ``RichMenuBatchResponse``) carry the ``X-Line-Request-Id``
header as ``request_id``; an audience is created with its ``audience_group_id`` in
the body (an upload to it answers nothing: its id is the one you gave); content is
prepared for the ``id`` of the message the webhook brought.

The polls back off (``first_wait``, doubling up to ``max_wait``) and are never
closer than the operation's rate tier allows (LINE's limit on reading a rich
menu batch's progress is 100 an hour: one poll every 36 seconds at most), and
stop at a deadline. The final answer is returned; a failed job raises
:class:`~linebot_fp.errors.JobFailedError` carrying it, a job still running at
the deadline :class:`~linebot_fp.errors.JobTimeoutError`. The waits and the
judges are pure; only :func:`result` and :func:`aresult` send and sleep.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from linebot_fp.errors import InvalidInputError, JobFailedError, JobTimeoutError
from linebot_fp.limits.table import rate_limit
from linebot_fp.request import Request

if TYPE_CHECKING:
    from linebot_fp.async_client import AsyncClient
    from linebot_fp.client import Client
    from linebot_fp.models import (
        GetAudienceDataResponse,
        GetMessageContentTranscodingResponse,
        MessageProgressNarrowcastResponse,
        RichMenuBatchProgressResponse,
    )

__all__ = ["DONE", "FAILED", "RUNNING", "Job", "Verdict", "aresult", "audience_ready",
           "content_ready", "narrowcast_progress", "result", "rich_menu_batch_progress", "step"]

T = TypeVar("T")

State = Literal["running", "done", "failed"]
RUNNING: State = "running"
DONE: State = "done"
FAILED: State = "failed"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one answer says of a job: its ``state`` and, for a failure, the ``reason``."""

    state: State
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Job(Generic[T]):
    """A job to await: ``request`` reads its progress, ``judge`` reads each answer.

    ``timeout`` is how long :func:`result` waits by default (seconds);
    ``first_wait`` and ``max_wait`` bound the backoff between polls.
    """

    name: str
    request: Request[T]
    judge: Callable[[T], Verdict]
    timeout: float = 3600.0
    first_wait: float = 1.0
    max_wait: float = 60.0

    def wait(self, polls: int) -> float:
        """Seconds to wait after the ``polls``-th poll (1 for the first): pure.

        ``first_wait`` doubled each time, at most ``max_wait``, and never less
        than the spacing LINE's rate limit for the progress request asks.
        """
        backoff = min(self.first_wait * 2.0 ** (polls - 1), self.max_wait)
        return max(backoff, rate_limit(self.request.operation).spacing)


def step(job: Job[T], answer: T, polls: int, now: float, deadline: float) -> float | None:
    """After a poll: ``None`` when the job is done, else the seconds to wait (pure).

    Raises ``JobFailedError`` when ``answer`` says the job failed and
    ``JobTimeoutError`` when it still runs at ``deadline``; the last wait ends at
    the deadline, so the job gets one more look then.
    """
    verdict = job.judge(answer)
    if verdict.state == DONE:
        return None
    if verdict.state == FAILED:
        raise JobFailedError(job.name, answer, verdict.reason)
    if now >= deadline:
        raise JobTimeoutError(job.name, answer, job.timeout)
    return min(job.wait(polls), deadline - now)


def result(client: Client, job: Job[T], *, timeout: float | None = None,
           clock: Callable[[], float] = time.monotonic,
           sleep: Callable[[float], object] = time.sleep) -> T:
    """Poll ``job`` through ``client`` until it ends; its final answer.

    ``timeout`` (seconds; the job's own by default) bounds the wait; ``clock``
    and ``sleep`` are for tests. Raises ``JobFailedError``, ``JobTimeoutError``,
    or what ``client.send`` raises.
    """
    job = _with_timeout(job, timeout)
    deadline = clock() + job.timeout
    polls = 0
    while True:
        answer = client.send(job.request)
        polls += 1
        wait = step(job, answer, polls, clock(), deadline)
        if wait is None:
            return answer
        sleep(wait)


async def aresult(client: AsyncClient, job: Job[T], *, timeout: float | None = None,
                  clock: Callable[[], float] = time.monotonic,
                  sleep: Callable[[float], Awaitable[Any]] | None = None) -> T:
    """:func:`result` with an ``AsyncClient``; waits are ``asyncio.sleep`` unless ``sleep``."""
    if sleep is None:
        import asyncio

        sleep = asyncio.sleep
    job = _with_timeout(job, timeout)
    deadline = clock() + job.timeout
    polls = 0
    while True:
        answer = await client.send(job.request)
        polls += 1
        wait = step(job, answer, polls, clock(), deadline)
        if wait is None:
            return answer
        await sleep(wait)


def _with_timeout(job: Job[T], timeout: float | None) -> Job[T]:
    if timeout is None:
        return job
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout >= 0:
        raise InvalidInputError(f"timeout must be a number of seconds >= 0, got {timeout!r}")
    return replace(job, timeout=float(timeout))


# -- the jobs ---------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-narrowcast-progress-status


def _narrowcast(answer: MessageProgressNarrowcastResponse) -> Verdict:
    if answer.phase == "succeeded":
        return Verdict(DONE)
    if answer.phase == "failed":
        code = f" (error code {answer.error_code})" if answer.error_code is not None else ""
        return Verdict(FAILED, f"{answer.failed_description or 'no description'}{code}")
    return Verdict(RUNNING)  # "waiting", "sending", or a phase LINE adds later


def narrowcast_progress(request_id: str | None) -> Job[MessageProgressNarrowcastResponse]:
    """A narrowcast's delivery, by the request id of its answer
    (``NarrowcastResponse.request_id`` of ``client.send(narrowcast(...))``): done when it
    ``succeeded``."""
    from linebot_fp.api.messaging import get_progress_status_narrowcast

    request_id = _answered_request_id(request_id, "narrowcast")
    return Job(f"narrowcast {request_id}", get_progress_status_narrowcast(request_id),
               _narrowcast)


def _answered_request_id(request_id: str | None, what: str) -> str:
    """The request id an answer carried (``answer.request_id``); ``None`` is the answer of a
    server that sent no ``X-Line-Request-Id``, which cannot be followed."""
    if request_id is None:
        raise InvalidInputError(f"request_id is None: the {what}'s answer carried no "
                                f"X-Line-Request-Id header, so its progress cannot be read")
    return request_id


# https://developers.line.biz/en/reference/messaging-api/#get-audience-group
_AUDIENCE_FAILED = {"FAILED": "failed", "EXPIRED": "expired", "INACTIVE": "inactive"}
_JOB_RUNNING = frozenset({"QUEUED", "WORKING"})


def _audience(job_id: int | None) -> Callable[[GetAudienceDataResponse], Verdict]:
    def judge(answer: GetAudienceDataResponse) -> Verdict:
        group = answer.audience_group
        status = group.status if group is not None else None
        if status in _AUDIENCE_FAILED:
            failed_type = group.failed_type if group is not None else None
            return Verdict(FAILED, f"the audience is {_AUDIENCE_FAILED[status]}"
                           + (f" ({failed_type})" if failed_type else ""))
        jobs = [job for job in answer.jobs or ()
                if job_id is None or job.audience_group_job_id == job_id]
        if job_id is not None and not jobs:
            return Verdict(RUNNING)  # not listed yet
        for job in jobs:
            job_status = job.job_status or job.status
            if job_id is not None and job_status == "FAILED":
                return Verdict(FAILED, f"upload job {job_id} failed ({job.failed_type})")
            if job_status in _JOB_RUNNING:
                return Verdict(RUNNING)
        return Verdict(DONE if status == "READY" else RUNNING)  # IN_PROGRESS, ACTIVATING

    return judge


def audience_ready(audience_group_id: int, job_id: int | None = None
                   ) -> Job[GetAudienceDataResponse]:
    """An audience being created or filled: done when it is ``READY`` and, with ``job_id``,
    that upload job ``FINISHED`` (without one, when no upload job is queued or working).

    ``audience_group_id`` is the one the create answer carries
    (``CreateAudienceGroup.audience_group_id``) or the one an upload was sent to (an
    upload answers nothing); a ``job_id`` is listed in ``GetAudienceDataResponse.jobs``.
    """
    from linebot_fp.api.audience import get_audience_group

    what = f"audience {audience_group_id}" + (f" upload job {job_id}" if job_id else "")
    return Job(what, get_audience_group(audience_group_id), _audience(job_id))


# https://developers.line.biz/en/reference/messaging-api/#get-batch-control-rich-menus-progress-status


def _rich_menu_batch(answer: RichMenuBatchProgressResponse) -> Verdict:
    if answer.phase == "succeeded":
        return Verdict(DONE)
    if answer.phase == "failed":
        return Verdict(FAILED, "LINE reports the batch failed (resume it with its "
                               "resume_request_key)")
    return Verdict(RUNNING)  # "ongoing"


def rich_menu_batch_progress(request_id: str | None) -> Job[RichMenuBatchProgressResponse]:
    """A rich menu batch, by the request id of its answer
    (``RichMenuBatchResponse.request_id`` of ``client.send(rich_menu_batch(...))``): done
    when it ``succeeded``.

    Its progress may be read 100 times an hour, so it is polled every 36 s at most.
    """
    from linebot_fp.api.rich_menu import get_rich_menu_batch_progress

    request_id = _answered_request_id(request_id, "rich menu batch")
    return Job(f"rich menu batch {request_id}", get_rich_menu_batch_progress(request_id),
               _rich_menu_batch, max_wait=300.0)


# https://developers.line.biz/en/reference/messaging-api/#verify-video-or-audio-preparation-status


def _content(answer: GetMessageContentTranscodingResponse) -> Verdict:
    if answer.status == "succeeded":
        return Verdict(DONE)
    if answer.status == "failed":
        return Verdict(FAILED, "LINE could not prepare the video or audio")
    return Verdict(RUNNING)  # "processing"


def content_ready(message_id: str) -> Job[GetMessageContentTranscodingResponse]:
    """A video or audio a user sent, being prepared: done when it can be downloaded."""
    from linebot_fp.api.content import get_message_content_transcoding_by_message_id

    return Job(f"content of message {message_id}",
               get_message_content_transcoding_by_message_id(message_id), _content,
               timeout=600.0, max_wait=10.0)
