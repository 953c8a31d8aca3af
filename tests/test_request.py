"""Request values: URLs, checks, and the lossless JSON round trip used by replay."""

import json
from urllib.parse import quote

import pytest
from hypothesis import given, strategies as st

from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.request import CLIENT_HEADERS, Headers, Request, Response, has_dot_segment

texts = st.text(max_size=20)
#: what builders put in a path: percent-encoded ids, never a dot segment
segments = st.text(min_size=1, max_size=12).filter(lambda s: s not in (".", "..")).map(
    lambda s: quote(s.encode("utf-8", "surrogatepass"), safe="")).filter(
    lambda s: not has_dot_segment(s))
TOKEN_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!#$%&'*+^`|~"
header_names = st.text(TOKEN_CHARACTERS, min_size=1, max_size=10).filter(
    lambda name: name.lower() not in CLIENT_HEADERS)
header_values = st.text(st.characters(max_codepoint=255, blacklist_characters="\r\n\x00"),
                        max_size=20)
requests = st.builds(
    Request,
    operation=st.text(min_size=1, max_size=20),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    base=st.sampled_from(["api", "data", "manager"]),
    path=st.lists(segments, min_size=1, max_size=4).map(lambda parts: "/" + "/".join(parts)),
    query=st.lists(st.tuples(texts, texts), max_size=4).map(tuple),
    headers=st.lists(st.tuples(header_names, header_values), max_size=4,
                     unique_by=lambda pair: pair[0].lower()).map(Headers),  # names once
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


# -- hostile values: nothing that would change what is sent reaches a Request ---------------

BASE = {"operation": "x", "method": "GET", "base": "api"}


@pytest.mark.parametrize("path", [
    "/", "//v2", "/v2//bot", "/v2/bot/", "/v2/./bot", "/v2/bot/..", "/v2/%2e%2E/info",
    "/v2/%252e%252e/info", "/v2/a%2F..%2Fb", "/v2/bot info", "/v2/bot\r\nX: y", "/v2/bot?x=1",
    "/v2/bot#frag", "/v2/日本", "v2/bot", "",
])
def test_paths_that_would_change_the_target_are_refused(path):
    with pytest.raises(InvalidInputError, match=r"Request\.path"):
        Request(**BASE, path=path)
    with pytest.raises(InvalidPayloadError, match=r"Request\.path"):
        Request.from_dict({**BASE, "path": path})


@pytest.mark.parametrize("path", ["/v2/bot/info", "/v2/bot/profile/a%2Fb", "/.well-known/x",
                                  "/v2/bot/richmenu/%E6%97%A5", "/a/b:c@d"])
def test_encoded_paths_are_kept(path):
    assert Request.from_dict({**BASE, "path": path}).path == path


@pytest.mark.parametrize(("name", "value", "message"), [
    ("X-Line-Retry-Key", "a\r\nX-Evil: 1", "X-Line-Retry-Key.*CR, LF or NUL"),
    ("X-Line-Retry-Key", "a\nb", "CR, LF or NUL"),
    ("X-Line-Retry-Key", "a\x00b", "CR, LF or NUL"),
    ("Content-Type", "image/png\u2028", "latin-1"),
    ("X Bad", "v", "not a valid HTTP token"),
    ("X-Bad:", "v", "not a valid HTTP token"),
    ("", "v", "not a valid HTTP token"),
    ("Bad\r\nName", "v", "not a valid HTTP token"),
    ("Authorization", "Bearer t0ken", "set by the client"),
    ("content-length", "5", "set by the client"),
    ("Transfer-Encoding", "chunked", "set by the client"),
    ("Host", "evil.example", "set by the client"),
])
def test_headers_that_could_inject_are_refused_naming_the_header(name, value, message):
    with pytest.raises(InvalidInputError, match=message) as built:
        Request(**BASE, path="/p", headers={name: value})
    with pytest.raises(InvalidPayloadError, match=message) as read:
        Request.from_dict({**BASE, "path": "/p", "headers": [[name, value]]})
    for error in (built.value, read.value):
        assert value not in str(error) or value in ("5", "v")  # values are never quoted


def test_latin1_header_values_are_allowed():
    request = Request(**BASE, path="/p", headers={"X-Line-Delivery-Tag": "café" * 4})
    assert Request.from_dict(request.to_dict()) == request


def test_a_header_named_twice_is_refused():
    with pytest.raises(InvalidPayloadError, match="names a header twice"):
        Request.from_dict({**BASE, "path": "/p",
                           "headers": [["Content-Type", "a/b"], ["content-type", "c/d"]]})
