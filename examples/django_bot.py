"""Bot as a Django view, in a single-file Django project.

    pip install django
    export LINE_CHANNEL_SECRET=... LINE_CHANNEL_ACCESS_TOKEN=...
    python examples/django_bot.py runserver 8000     # webhook URL: https://<host>/callback

In a project of your own, the view and ``endpoint`` go in an app's ``views.py``
and the path in ``urls.py``; the settings here are the few the view needs.
``webhook_endpoint`` takes the raw body and the ``X-Line-Signature`` header,
records the events in its inbox (its background threads run the handlers) and
says what to answer; Django refuses a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``
before reading it, which the view answers with 413. ``LINE_API_ENDPOINT``
(optional) sends the replies elsewhere, e.g. to a FakeLineApi.
"""

from __future__ import annotations

import os
import sys

import django
from django.conf import settings

from linebot_fp import Client
from linebot_fp.api import reply_message
from linebot_fp.models import FollowEvent, MessageEvent, TextMessage, TextSendMessage
from linebot_fp.webhook_endpoint import MAX_BODY_SIZE, webhook_endpoint

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", os.urandom(32).hex()),
    ALLOWED_HOSTS=os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(","),
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    DATA_UPLOAD_MAX_MEMORY_SIZE=MAX_BODY_SIZE,
)
django.setup()

from django.core.exceptions import RequestDataTooBig  # noqa: E402  (after settings)
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

ENDPOINT = os.environ.get("LINE_API_ENDPOINT")
client = Client(os.environ["LINE_CHANNEL_ACCESS_TOKEN"],
                endpoints={"api": ENDPOINT, "data": ENDPOINT} if ENDPOINT else None)


def echo(event):
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def welcome(event):
    return reply_message(event.reply_token, TextSendMessage(text="Thanks for adding me!"))


endpoint = webhook_endpoint(os.environ["LINE_CHANNEL_SECRET"].split(","),
                            {(MessageEvent, TextMessage): echo, FollowEvent: welcome},
                            client=client)


@csrf_exempt
@require_POST
def callback(request: HttpRequest) -> HttpResponse:
    try:
        body = request.body
    except RequestDataTooBig:
        return HttpResponse("the body is too large", status=413, content_type="text/plain")
    status, text = endpoint(body, request.headers.get("X-Line-Signature"))
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


urlpatterns = [path("callback", callback)]
application = get_wsgi_application()

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
