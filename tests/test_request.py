"""Request values: URLs, checks, and the lossless JSON round trip used by replay."""

import json

import pytest
from hypothesis import given, strategies as st

from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.request import Headers, Request, Response

texts = st.text(max_size=20)
requests = st.builds(
    Request,
    operation=st.text(min_size=1, max_size=20),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    base=st.sampled_from(["api", "data", "manager"]),
    path=st.text(max_size=30).map(lambda tail: "/" + tail),
    query=st.lists(st.tuples(texts, texts), max_size=4).map(tuple),
    headers=st.dictionaries(st.text(min_size=1, max_size=10), texts, max_size=4).map(Headers),
    body=st.none() | st.binary(max_size=200) | st.text(max_size=100).map(str.encode),
)


@given(requests)
def test_request_survives_a_json_line(request):
    line = json.dumps(request.to_dict(), ensure_ascii=False)
    assert Request.from_dict(json.loads(line)) == request


def test_text_body_stays_readable_and_binary_body_is_base64():
    as_text = Request(operation="x", method="POST", base="api", path="/p", body="日本".encode())
    as_bytes = Request(operation="x", method="POST", base="data", path="/p", body=b"\xff\x00")
    assert as_text.to_dict()["body"] == "日本"
    assert as_bytes.to_dict()["body_base64"] == "/wA="
    assert "body" not in as_bytes.to_dict()


def test_url_uses_endpoint_overrides_and_encodes_the_query():
    request = Request(operation="x", method="GET", base="data", path="/v2/a",
                      query=(("q", "a b&c"), ("n", "1")))
    assert request.url() == "https://api-data.line.me/v2/a?q=a+b%26c&n=1"
    assert request.url({"data": "http://127.0.0.1:9/"}) == "http://127.0.0.1:9/v2/a?q=a+b%26c&n=1"
    assert request.url({"api": "http://elsewhere"}).startswith("https://api-data.line.me/")


def test_lists_and_dicts_become_immutable_and_hashable():
    request = Request(operation="x", method="GET", base="api", path="/p",
                      query=[["a", "1"]], headers={"Content-Type": "application/json"})
    assert request.query == (("a", "1"),)
    assert request.headers["content-type"] == "application/json"
    assert hash(request) == hash(Request(operation="x", method="GET", base="api", path="/p",
                                         query=(("a", "1"),),
                                         headers=Headers({"content-type": "application/json"})))


@pytest.mark.parametrize(("fields", "message"), [
    ({"method": "PATCH"}, "method"),
    ({"path": "no-slash"}, "path"),
    ({"body": "text, not bytes"}, "body"),
])
def test_bad_request_fields_are_named(fields, message):
    with pytest.raises(InvalidInputError, match=message):
        Request(**{"operation": "x", "method": "GET", "base": "api", "path": "/p", **fields})


@pytest.mark.parametrize(("data", "message"), [
    ([], "JSON object"),
    ({"method": "GET", "base": "api", "path": "/p"}, "missing operation"),
    ({"operation": "x", "method": 1, "base": "api", "path": "/p"}, "method must be a string"),
    ({"operation": "x", "method": "GET", "base": "api", "path": "/p", "query": [["a"]]}, "pair"),
    ({"operation": "x", "method": "GET", "base": "api", "path": "/p", "body_base64": "%%"},
     "base64"),
    ({"operation": "x", "method": "BREW", "base": "api", "path": "/p"}, "method"),
])
def test_malformed_dicts_say_what_is_wrong(data, message):
    with pytest.raises(InvalidPayloadError, match=message):
        Request.from_dict(data)


def test_unknown_base_needs_an_endpoint():
    request = Request(operation="callback", method="POST", base="webhook", path="/callback")
    with pytest.raises(InvalidInputError, match="webhook"):
        request.url()
    assert request.url({"webhook": "http://127.0.0.1:1"}) == "http://127.0.0.1:1/callback"


def test_response_read_returns_bytes():
    assert Response(status=200, body=b"abc").read() == b"abc"
    assert Response(status=200, headers={"A": "b"}).headers["a"] == "b"
