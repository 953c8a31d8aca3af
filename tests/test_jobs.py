"""Jobs LINE runs in the background, polled to completion and to failure, sync and async.

FakeLineApi answers the progress requests from scripted rules; the polls wait on a
FakeClock, so a rich menu batch polled every 36 seconds takes no time.
"""

import asyncio
import json

import pytest

from linebot_fp import AsyncClient, Client
from linebot_fp.api import create_audience_group, narrowcast, rich_menu_batch
from linebot_fp.codec import structure
from linebot_fp.errors import InvalidInputError, JobFailedError, JobTimeoutError
from linebot_fp.jobs import (
    DONE,
    FAILED,
    RUNNING,
    Job,
    Verdict,
    aresult,
    audience_ready,
    content_ready,
    narrowcast_progress,
    result,
    rich_menu_batch_progress,
    step,
)
from linebot_fp.models import (
    CreateAudienceGroup,
    GetAudienceDataResponse,
    GetMessageContentTranscodingResponse,
    MessageProgressNarrowcastResponse,
    NarrowcastResponse,
    RichMenuBatchProgressResponse,
    RichMenuBatchRequest,
    RichMenuBatchResponse,
    RichMenuBatchUnlinkAllOperation,
    TextSendMessage,
)
from linebot_fp.testing import FakeClock, FakeLineApi
from linebot_fp.transport import Urllib3Transport

NARROWCAST = "/v2/bot/message/progress/narrowcast"
AUDIENCE = "/v2/bot/audienceGroup/42"
RICH_MENU_BATCH = "/v2/bot/richmenu/progress/batch"
CONTENT = "/v2/bot/message/m1/content/transcoding"
ACCEPTED = "2026-01-01T00:00:00.000Z"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def wait_on(clock):
    """A sleep that records its waits and moves the clock."""
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        clock.advance(seconds)

    sleep.waits = waits
    return sleep


def script(api, path, *answers):
    """Answer ``path`` with each JSON answer in turn, the last one from then on."""
    for answer in answers[:-1]:
        api.on("GET", path, json=answer, times=1)
    api.on("GET", path, json=answers[-1])


def client_for(api):
    return Client("token", endpoints=api.endpoints)


def narrowcast_phase(phase, **more):
    return {"phase": phase, "acceptedTime": ACCEPTED, **more}


# -- to completion ---------------------------------------------------------------------------


def test_a_narrowcast_is_polled_with_backoff_until_it_succeeds(api, clock):
    script(api, NARROWCAST, narrowcast_phase("waiting"), narrowcast_phase("sending"),
           narrowcast_phase("sending"), narrowcast_phase("succeeded", successCount=3))
    sleep = wait_on(clock)
    final = result(client_for(api), narrowcast_progress("req-1"), clock=clock, sleep=sleep)
    assert isinstance(final, MessageProgressNarrowcastResponse)
    assert (final.phase, final.success_count) == ("succeeded", 3)
    assert sleep.waits == [1.0, 2.0, 4.0]
    assert [r.query for r in api.requests] == [(("requestId", "req-1"),)] * 4


def test_an_audience_upload_is_awaited_until_ready_and_its_job_finished(api, clock):
    group = {"audienceGroupId": 42, "status": "IN_PROGRESS"}
    ready = {**group, "status": "READY"}
    job = {"audienceGroupJobId": 7, "audienceGroupId": 42, "jobStatus": "WORKING"}
    script(api, AUDIENCE,
           {"audienceGroup": group, "jobs": []},
           {"audienceGroup": ready, "jobs": [job]},
           {"audienceGroup": ready, "jobs": [{**job, "jobStatus": "FINISHED"}]})
    sleep = wait_on(clock)
    final = result(client_for(api), audience_ready(42, job_id=7), clock=clock, sleep=sleep)
    assert isinstance(final, GetAudienceDataResponse)
    assert final.jobs[0].job_status == "FINISHED"
    assert sleep.waits == [1.0, 2.0]  # an audience read may come once a second (60 a minute)


def test_a_rich_menu_batch_is_polled_no_faster_than_its_tier(api, clock):
    script(api, RICH_MENU_BATCH, {"phase": "ongoing", "acceptedTime": ACCEPTED},
           {"phase": "ongoing", "acceptedTime": ACCEPTED},
           {"phase": "succeeded", "acceptedTime": ACCEPTED, "completedTime": ACCEPTED})
    sleep = wait_on(clock)
    final = result(client_for(api), rich_menu_batch_progress("req-9"), clock=clock, sleep=sleep)
    assert isinstance(final, RichMenuBatchProgressResponse)
    assert final.phase == "succeeded"
    assert sleep.waits == [36.0, 36.0]  # 100 reads an hour


def test_content_is_awaited_until_it_can_be_downloaded(api, clock):
    script(api, CONTENT, {"status": "processing"}, {"status": "succeeded"})
    final = result(client_for(api), content_ready("m1"), clock=clock, sleep=wait_on(clock))
    assert isinstance(final, GetMessageContentTranscodingResponse)
    assert final.status == "succeeded"


# -- to failure --------------------------------------------------------------------------------


def test_a_failed_narrowcast_raises_with_lines_last_answer(api, clock):
    script(api, NARROWCAST, narrowcast_phase("sending"),
           narrowcast_phase("failed", failedDescription="no target", errorCode=2))
    with pytest.raises(JobFailedError, match=r"narrowcast req-1 failed: no target \(error code 2\)"
                       ) as caught:
        result(client_for(api), narrowcast_progress("req-1"), clock=clock, sleep=wait_on(clock))
    assert caught.value.answer.phase == "failed"
    assert caught.value.job == "narrowcast req-1"


@pytest.mark.parametrize(("answer", "reason"), [
    ({"audienceGroup": {"status": "FAILED", "failedType": "AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT"}},
     "the audience is failed (AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT)"),
    ({"audienceGroup": {"status": "EXPIRED"}}, "the audience is expired"),
    ({"audienceGroup": {"status": "READY"}, "jobs": [
        {"audienceGroupJobId": 7, "jobStatus": "FAILED", "failedType": "INTERNAL_ERROR"}]},
     "upload job 7 failed (INTERNAL_ERROR)"),
])
def test_a_failed_audience_raises(api, clock, answer, reason):
    script(api, AUDIENCE, answer)
    with pytest.raises(JobFailedError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        result(client_for(api), audience_ready(42, job_id=7), clock=clock, sleep=wait_on(clock))


def test_a_job_still_running_at_the_deadline_raises_a_timeout(api, clock):
    script(api, NARROWCAST, narrowcast_phase("sending"))
    sleep = wait_on(clock)
    with pytest.raises(JobTimeoutError, match="still running after 10 s") as caught:
        result(client_for(api), narrowcast_progress("req-1"), timeout=10, clock=clock,
               sleep=sleep)
    assert sum(sleep.waits) == pytest.approx(10.0)
    assert sleep.waits == [1.0, 2.0, 4.0, 3.0]  # the last wait ends at the deadline
    assert caught.value.answer.phase == "sending"
    assert isinstance(caught.value, TimeoutError)
    with pytest.raises(InvalidInputError, match="timeout"):
        result(client_for(api), narrowcast_progress("req-1"), timeout=-1)


# -- end to end: the answer that starts a job names it -------------------------------------------


def batch_request():
    return RichMenuBatchRequest(operations=[RichMenuBatchUnlinkAllOperation()])


def test_a_rich_menu_batch_is_sent_then_awaited_by_the_request_id_of_its_answer(api, clock):
    client = client_for(api)
    answer = client.send(rich_menu_batch(batch_request()))
    assert isinstance(answer, RichMenuBatchResponse)
    assert answer.request_id == api.requests[0].request_id  # the X-Line-Request-Id header
    script(api, RICH_MENU_BATCH, {"phase": "ongoing", "acceptedTime": ACCEPTED},
           {"phase": "succeeded", "acceptedTime": ACCEPTED, "completedTime": ACCEPTED})
    sleep = wait_on(clock)
    done = result(client, rich_menu_batch_progress(answer.request_id), clock=clock, sleep=sleep)
    assert done.phase == "succeeded"
    polls = api.requests[1:]
    assert [(r.method, r.path, r.query) for r in polls] == [
        ("GET", RICH_MENU_BATCH, (("requestId", answer.request_id),))] * 2
    assert sleep.waits == [36.0]


def test_the_batch_answer_is_202_and_its_request_id_comes_from_the_header(api):
    """As LINE answers (the spec: 202, no body): the request id is a header."""
    seen = []
    real = Urllib3Transport()

    def transport(request):
        response = real(request)
        seen.append(response)
        return response

    client = Client("token", endpoints=api.endpoints, transport=transport)
    answer = client.send(rich_menu_batch(batch_request()))
    ((status, headers, body),) = [(r.status, r.headers, r.body) for r in seen]
    assert status == 202
    assert "requestId" not in json.loads(body or b"{}")  # nothing in the body says it
    assert answer == RichMenuBatchResponse(request_id=headers["X-Line-Request-Id"])


@pytest.mark.parametrize("job", [rich_menu_batch_progress, narrowcast_progress])
def test_an_answer_without_a_request_id_cannot_be_followed_and_says_why(job):
    with pytest.raises(InvalidInputError, match="answer carried no X-Line-Request-Id header"):
        job(RichMenuBatchResponse().request_id)


def test_a_failed_batch_raises_with_the_answer_that_said_so(api, clock):
    client = client_for(api)
    answer = client.send(rich_menu_batch(batch_request()))
    script(api, RICH_MENU_BATCH, {"phase": "failed", "acceptedTime": ACCEPTED})
    with pytest.raises(JobFailedError, match=f"rich menu batch {answer.request_id} failed"):
        result(client, rich_menu_batch_progress(answer.request_id), clock=clock,
               sleep=wait_on(clock))


def test_a_narrowcast_is_sent_then_awaited_by_the_request_id_of_its_answer(api, clock):
    client = client_for(api)
    answer = client.send(narrowcast(TextSendMessage(text="sale!")))
    assert isinstance(answer, NarrowcastResponse)
    assert answer.request_id == api.requests[0].request_id
    script(api, NARROWCAST, narrowcast_phase("sending"), narrowcast_phase("succeeded"))
    done = result(client, narrowcast_progress(answer.request_id), clock=clock,
                  sleep=wait_on(clock))
    assert done.phase == "succeeded"
    assert api.requests[-1].query == (("requestId", answer.request_id),)


def test_an_audience_is_created_then_awaited_by_the_id_in_its_answer(api, clock):
    client = client_for(api)
    created = client.send(create_audience_group("campaign", ["U" + "0" * 32]))
    assert isinstance(created, CreateAudienceGroup)
    group_id = created.audience_group_id
    assert isinstance(group_id, int)
    path = f"/v2/bot/audienceGroup/{group_id}"
    group = {"audienceGroupId": group_id, "status": "IN_PROGRESS"}
    script(api, path, {"audienceGroup": group},
           {"audienceGroup": {**group, "status": "READY"}})
    done = result(client, audience_ready(group_id), clock=clock, sleep=wait_on(clock))
    assert done.audience_group.status == "READY"
    assert api.requests[-1].path == path
    assert (created.type, created.description) == ("UPLOAD", "campaign")


def test_a_batch_is_sent_and_awaited_with_the_async_client(api, clock):
    script(api, RICH_MENU_BATCH, {"phase": "ongoing", "acceptedTime": ACCEPTED},
           {"phase": "succeeded", "acceptedTime": ACCEPTED, "completedTime": ACCEPTED})

    async def sleep(seconds):
        clock.advance(seconds)

    async def main():
        client = AsyncClient("token", endpoints=api.endpoints)
        answer = await client.send(rich_menu_batch(batch_request()))
        return answer, await aresult(client, rich_menu_batch_progress(answer.request_id),
                                     clock=clock, sleep=sleep)

    answer, done = asyncio.run(main())
    assert isinstance(answer, RichMenuBatchResponse)
    assert done.phase == "succeeded"
    assert api.requests[-1].query == (("requestId", answer.request_id),)


# -- async -----------------------------------------------------------------------------------


def test_jobs_are_awaited_with_the_async_client(api, clock):
    script(api, NARROWCAST, narrowcast_phase("sending"), narrowcast_phase("succeeded"))
    script(api, CONTENT, {"status": "processing"}, {"status": "failed"})
    waits = []

    async def sleep(seconds):
        waits.append(seconds)
        clock.advance(seconds)

    async def main():
        client = AsyncClient("token", endpoints=api.endpoints)
        done = await aresult(client, narrowcast_progress("req-1"), clock=clock, sleep=sleep)
        with pytest.raises(JobFailedError, match="could not prepare") as caught:
            await aresult(client, content_ready("m1"), clock=clock, sleep=sleep)
        return done, caught.value

    done, failure = asyncio.run(main())
    assert done.phase == "succeeded"
    assert failure.answer.status == "failed"
    assert waits == [1.0, 1.0]


def test_aresult_waits_with_asyncio_sleep_by_default(api):
    script(api, CONTENT, {"status": "succeeded"})
    final = asyncio.run(aresult(AsyncClient("token", endpoints=api.endpoints),
                                content_ready("m1")))
    assert final.status == "succeeded"


# -- the pure parts ----------------------------------------------------------------------------


def test_the_waits_double_up_to_the_cap_and_never_go_below_the_tier():
    job = narrowcast_progress("r")
    assert [job.wait(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    batch = rich_menu_batch_progress("r")
    assert [batch.wait(n) for n in (1, 4, 6, 9, 20)] == [36, 36, 36, 256, 300]


def test_step_says_wait_done_or_raises():
    job = Job("j", narrowcast_progress("r").request,
              lambda answer: Verdict(answer) if answer != "oops" else Verdict(FAILED, "bad"))
    assert step(job, DONE, 1, now=0.0, deadline=10.0) is None
    assert step(job, RUNNING, 3, now=0.0, deadline=10.0) == 4.0
    assert step(job, RUNNING, 3, now=8.5, deadline=10.0) == 1.5
    with pytest.raises(JobTimeoutError):
        step(job, RUNNING, 3, now=10.0, deadline=10.0)
    with pytest.raises(JobFailedError, match="j failed: bad"):
        step(job, "oops", 1, now=0.0, deadline=10.0)


def test_an_audience_without_a_job_id_waits_for_every_running_job():
    judge = audience_ready(42).judge

    def answer(status, *jobs):
        return structure({"audienceGroup": {"status": status},
                          "jobs": [{"jobStatus": s} for s in jobs]}, GetAudienceDataResponse)

    assert judge(answer("IN_PROGRESS")) == Verdict(RUNNING)
    assert judge(answer("READY", "FINISHED", "QUEUED")) == Verdict(RUNNING)
    assert judge(answer("READY", "FINISHED", "FAILED")) == Verdict(DONE)  # an old failure
    assert judge(answer("ACTIVATING")) == Verdict(RUNNING)
    assert audience_ready(42, job_id=9).judge(answer("READY", "FINISHED")) == Verdict(RUNNING)
