"""Insight, audience, channel token, LIFF, module, shop and webhook builders: exact requests.

Each row is (builder, args, kwargs, expected request fields); the error table lists
inputs that must raise ``ValueError`` naming the parameter, before anything is sent.
"""

from __future__ import annotations

import datetime
import email.parser
import email.policy
import inspect
import io
import json
from urllib.parse import parse_qsl

import pytest

from linebot_fp.api import audience, channel_token, insight, liff, module, shop, webhook
from linebot_fp.api._registry import OPERATIONS, RESPONSES, answer_type
from linebot_fp.errors import InvalidInputError
from linebot_fp.models.audience import Audience
from linebot_fp.models.liff import (
    AddLiffAppRequest,
    LiffFeatures,
    LiffView,
    UpdateLiffAppRequest,
    UpdateLiffView,
)
from linebot_fp.request import Request

JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JWT = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
RICH_MENU = "richmenu-0123456789abcdef0123456789abcdef"
FULLWIDTH_DATE = "".join(chr(0xFF10 + int(digit)) for digit in "20260213")  # isdigit(), not ASCII

# (builder, args, kwargs, method, base, path, query, headers, body)
CASES = [
    # -- insight ----------------------------------------------------------------------------
    (insight.get_insight_demographic, (), {}, "GET", "api", "/v2/bot/insight/demographic",
     (), {}, None),
    (insight.get_insight_message_delivery, ("20240131",), {}, "GET", "api",
     "/v2/bot/insight/message/delivery", (("date", "20240131"),), {}, None),
    (insight.get_insight_message_delivery, (datetime.date(2024, 1, 5),), {}, "GET", "api",
     "/v2/bot/insight/message/delivery", (("date", "20240105"),), {}, None),
    (insight.get_insight_followers, ("20191231",), {}, "GET", "api",
     "/v2/bot/insight/followers", (("date", "20191231"),), {}, None),
    (insight.get_insight_followers, (None,), {}, "GET", "api",
     "/v2/bot/insight/followers", (), {}, None),
    (insight.get_insight_message_event, ("f70dd685-499a",), {}, "GET", "api",
     "/v2/bot/insight/message/event", (("requestId", "f70dd685-499a"),), {}, None),
    (insight.get_statistics_per_unit, ("Promotion_a", "20210301", "20210331"), {}, "GET", "api",
     "/v2/bot/insight/message/event/aggregation",
     (("customAggregationUnit", "Promotion_a"), ("from", "20210301"), ("to", "20210331")),
     {}, None),
    (insight.get_rich_menu_insight_summary, (RICH_MENU, "20260213", "20260215"), {}, "GET", "api",
     f"/v2/bot/insight/richmenu/{RICH_MENU}/summary",
     (("from", "20260213"), ("to", "20260215")), {}, None),
    (insight.get_rich_menu_insight_daily, ("a/b", datetime.date(2026, 2, 13), "20260215"), {},
     "GET", "api", "/v2/bot/insight/richmenu/a%2Fb/daily",
     (("from", "20260213"), ("to", "20260215")), {}, None),
    # -- audience -----------------------------------------------------------------------------
    (audience.create_audience_group, ("name",), {}, "POST", "api",
     "/v2/bot/audienceGroup/upload", (), JSON,
     b'{"description":"name","isIfaAudience":false,"audiences":[]}'),
    (audience.create_audience_group,
     ("name", ["U1", {"id": "U2"}, Audience(id="U3")]), {"is_ifa": True,
                                                         "upload_description": "job"},
     "POST", "api", "/v2/bot/audienceGroup/upload", (), JSON,
     b'{"description":"name","isIfaAudience":true,"uploadDescription":"job",'
     b'"audiences":[{"id":"U1"},{"id":"U2"},{"id":"U3"}]}'),
    (audience.add_audiences_to_audience_group, (1234567890123, ["U1"]), {}, "PUT", "api",
     "/v2/bot/audienceGroup/upload", (), JSON,
     b'{"audienceGroupId":1234567890123,"audiences":[{"id":"U1"}]}'),
    (audience.add_audiences_to_audience_group, ("42", [{"id": "U1"}], "job"), {}, "PUT", "api",
     "/v2/bot/audienceGroup/upload", (), JSON,
     b'{"audienceGroupId":42,"uploadDescription":"job","audiences":[{"id":"U1"}]}'),
    (audience.create_click_audience_group, ("name", "req-1"), {}, "POST", "api",
     "/v2/bot/audienceGroup/click", (), JSON, b'{"description":"name","requestId":"req-1"}'),
    (audience.create_click_audience_group, ("name", "req-1", "https://example.com/"), {}, "POST",
     "api", "/v2/bot/audienceGroup/click", (), JSON,
     b'{"description":"name","requestId":"req-1","clickUrl":"https://example.com/"}'),
    (audience.create_imp_audience_group, ("name", "req-1"), {}, "POST", "api",
     "/v2/bot/audienceGroup/imp", (), JSON, b'{"description":"name","requestId":"req-1"}'),
    (audience.rename_audience_group, (42, "новое имя"), {}, "PUT", "api",
     "/v2/bot/audienceGroup/42/updateDescription", (), JSON,
     '{"description":"новое имя"}'.encode()),
    (audience.delete_audience_group, ("42",), {}, "DELETE", "api", "/v2/bot/audienceGroup/42",
     (), {}, None),
    (audience.get_audience_group, (42,), {}, "GET", "api", "/v2/bot/audienceGroup/42",
     (), {}, None),
    (audience.get_audience_group_list, (), {}, "GET", "api", "/v2/bot/audienceGroup/list",
     (("page", "1"), ("size", "20")), {}, None),
    (audience.get_audience_group_list, (2, "name", "READY", 40, False, "MESSAGING_API"), {},
     "GET", "api", "/v2/bot/audienceGroup/list",
     (("page", "2"), ("description", "name"), ("status", "READY"), ("size", "40"),
      ("includesExternalPublicGroups", "false"), ("createRoute", "MESSAGING_API")), {}, None),
    (audience.get_shared_audience_data, (42,), {}, "GET", "api",
     "/v2/bot/audienceGroup/shared/42", (), {}, None),
    (audience.get_shared_audience_groups, (), {}, "GET", "api",
     "/v2/bot/audienceGroup/shared/list", (("page", "1"), ("size", "20")), {}, None),
    (audience.get_shared_audience_groups, (3,),
     {"description": "x", "status": "FAILED", "size": 5, "create_route": "OA_MANAGER",
      "includes_owned_audience_groups": True},
     "GET", "api", "/v2/bot/audienceGroup/shared/list",
     (("page", "3"), ("description", "x"), ("status", "FAILED"), ("size", "5"),
      ("createRoute", "OA_MANAGER"), ("includesOwnedAudienceGroups", "true")), {}, None),
    (audience.get_audience_group_authority_level, (), {}, "GET", "api",
     "/v2/bot/audienceGroup/authorityLevel", (), {}, None),
    (audience.change_audience_group_authority_level, (), {}, "PUT", "api",
     "/v2/bot/audienceGroup/authorityLevel", (), JSON, b'{"authorityLevel":"PUBLIC"}'),
    (audience.change_audience_group_authority_level, ("PRIVATE",), {}, "PUT", "api",
     "/v2/bot/audienceGroup/authorityLevel", (), JSON, b'{"authorityLevel":"PRIVATE"}'),
    # -- channel access token -----------------------------------------------------------------
    (channel_token.issue_channel_token, ("1234", "s3cret"), {}, "POST", "api",
     "/v2/oauth/accessToken", (), FORM,
     b"grant_type=client_credentials&client_id=1234&client_secret=s3cret"),
    (channel_token.verify_channel_token, ("tok+en/=",), {}, "POST", "api", "/v2/oauth/verify",
     (), FORM, b"access_token=tok%2Ben%2F%3D"),
    (channel_token.revoke_channel_token, ("token",), {}, "POST", "api", "/v2/oauth/revoke",
     (), FORM, b"access_token=token"),
    (channel_token.issue_channel_access_token_v2_1, ("jwt.a.b",), {}, "POST", "api",
     "/oauth2/v2.1/token", (), FORM,
     b"grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3A"
     b"client-assertion-type%3Ajwt-bearer&client_assertion=jwt.a.b"),
    (channel_token.verify_channel_access_token_v2_1, ("token",), {}, "GET", "api",
     "/oauth2/v2.1/verify", (("access_token", "token"),), {}, None),
    (channel_token.revoke_channel_access_token_v2_1, ("1234", "s3cret", "token"), {}, "POST",
     "api", "/oauth2/v2.1/revoke", (), FORM,
     b"client_id=1234&client_secret=s3cret&access_token=token"),
    (channel_token.get_channel_token_key_ids_v2_1, ("jwt.a.b",), {}, "GET", "api",
     "/oauth2/v2.1/tokens/kid",
     (("client_assertion_type", JWT), ("client_assertion", "jwt.a.b")), {}, None),
    (channel_token.get_channel_access_tokens_v2_1, ("jwt.a.b",), {}, "GET", "api",
     "/oauth2/v2.1/tokens",
     (("client_assertion_type", JWT), ("client_assertion", "jwt.a.b")), {}, None),
    (channel_token.issue_stateless_channel_token, ("jwt.a.b",), {}, "POST", "api",
     "/oauth2/v3/token", (), FORM,
     b"grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3A"
     b"client-assertion-type%3Ajwt-bearer&client_assertion=jwt.a.b"),
    (channel_token.issue_stateless_channel_token, (),
     {"client_id": "1234", "client_secret": "s3cret"}, "POST", "api", "/oauth2/v3/token", (),
     FORM, b"grant_type=client_credentials&client_id=1234&client_secret=s3cret"),
    # -- LIFF -----------------------------------------------------------------------------------
    (liff.add_liff_app,
     (AddLiffAppRequest(view=LiffView(type="full", url="https://example.com/app"),
                        description="App", features=LiffFeatures(ble=True, qr_code=False),
                        permanent_link_pattern="concat", scope=["openid", "chat_message.write"],
                        bot_prompt="aggressive"),), {},
     "POST", "api", "/liff/v1/apps", (), JSON,
     b'{"view":{"type":"full","url":"https://example.com/app"},"description":"App",'
     b'"features":{"ble":true,"qrCode":false},"permanentLinkPattern":"concat",'
     b'"scope":["openid","chat_message.write"],"botPrompt":"aggressive"}'),
    (liff.get_all_liff_apps, (), {}, "GET", "api", "/liff/v1/apps", (), {}, None),
    (liff.update_liff_app,
     ("1234-abcd", UpdateLiffAppRequest(view=UpdateLiffView(module_mode=True))), {},
     "PUT", "api", "/liff/v1/apps/1234-abcd", (), JSON, b'{"view":{"moduleMode":true}}'),
    (liff.delete_liff_app, ("1234-abcd",), {}, "DELETE", "api", "/liff/v1/apps/1234-abcd",
     (), {}, None),
    # -- module ---------------------------------------------------------------------------------
    (module.attach_module, ("code1", "https://example.com/cb"), {}, "POST", "manager",
     "/module/auth/v1/token", (), FORM,
     b"grant_type=authorization_code&code=code1&redirect_uri=https%3A%2F%2Fexample.com%2Fcb"),
    (module.attach_module, ("code1", "https://example.com/cb"),
     {"code_verifier": "v", "client_id": "1", "client_secret": "s", "region": "JP",
      "basic_search_id": "@b", "scope": "message:send message:receive", "brand_type": "premium"},
     "POST", "manager", "/module/auth/v1/token", (), FORM,
     b"grant_type=authorization_code&code=code1&redirect_uri=https%3A%2F%2Fexample.com%2Fcb"
     b"&code_verifier=v&client_id=1&client_secret=s&region=JP&basic_search_id=%40b"
     b"&scope=message%3Asend+message%3Areceive&brand_type=premium"),
    (module.detach_module, ("U45c5c51f",), {}, "POST", "api", "/v2/bot/channel/detach", (),
     JSON, b'{"botId":"U45c5c51f"}'),
    (module.detach_module, (), {}, "POST", "api", "/v2/bot/channel/detach", (), JSON, b"{}"),
    (module.acquire_chat_control, ("U123",), {"expired": False, "ttl": 3600}, "POST", "api",
     "/v2/bot/chat/U123/control/acquire", (), JSON, b'{"expired":false,"ttl":3600}'),
    (module.acquire_chat_control, ("C123",), {}, "POST", "api",
     "/v2/bot/chat/C123/control/acquire", (), JSON, b"{}"),
    (module.release_chat_control, ("R123",), {}, "POST", "api",
     "/v2/bot/chat/R123/control/release", (), {}, None),
    (module.get_modules, (), {}, "GET", "api", "/v2/bot/list", (), {}, None),
    (module.get_modules, ("token1", 100), {}, "GET", "api", "/v2/bot/list",
     (("start", "token1"), ("limit", "100")), {}, None),
    # -- shop -----------------------------------------------------------------------------------
    (shop.mission_sticker_v3, ("U123", "pkg-1"), {}, "POST", "api", "/shop/v3/mission", (),
     JSON, b'{"to":"U123","productId":"pkg-1","productType":"STICKER",'
     b'"sendPresentMessage":false}'),
    # -- webhook (signature computed independently: openssl dgst -sha256 -hmac secret) ---------
    (webhook.callback, ('{"destination":"Uabc","events":[]}', "secret"), {}, "POST", "webhook",
     "/callback", (), {"Content-Type": "application/json; charset=utf-8",
                       "X-Line-Signature": "6EYwiLkwpTPFK5O/9PfoU9IY6ufJ5fdHBoIv4hKcfCM="},
     b'{"destination":"Uabc","events":[]}'),
    (webhook.callback, (b'{"destination":"Uabc","events":[]}', b"secret"), {}, "POST",
     "webhook", "/callback", (),
     {"Content-Type": "application/json; charset=utf-8",
      "X-Line-Signature": "6EYwiLkwpTPFK5O/9PfoU9IY6ufJ5fdHBoIv4hKcfCM="},
     b'{"destination":"Uabc","events":[]}'),
]


def _case_id(case: tuple[object, ...]) -> str:
    return getattr(case[0], "__name__", "?")


@pytest.mark.parametrize(
    ("builder", "args", "kwargs", "method", "base", "path", "query", "headers", "body"),
    CASES, ids=[_case_id(case) for case in CASES])
def test_builder_builds_the_exact_request(builder, args, kwargs, method, base, path, query,
                                          headers, body):
    request = builder(*args, **kwargs)
    assert isinstance(request, Request)
    assert request.operation == builder.__name__
    assert (request.method, request.base, request.path) == (method, base, path)
    assert request.query == query
    assert dict(request.headers) == headers
    assert request.body == body


def test_builders_are_pure_and_replayable():
    for builder, args, kwargs, *_ in CASES:
        first, second = builder(*args, **kwargs), builder(*args, **kwargs)
        assert first == second
        assert Request.from_dict(json.loads(json.dumps(first.to_dict()))) == first


def test_json_bodies_are_compact_utf8():
    request = audience.rename_audience_group(1, "名前")
    assert request.body == '{"description":"名前"}'.encode()


# -- multipart uploads (audience by file) --------------------------------------------------------


def _parts(request: Request) -> list[tuple[str, str | None, str, bytes]]:
    """(name, filename, content type, payload) of each part, read by the stdlib email parser."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    assert message.is_multipart()
    return [(part.get_param("name", header="content-disposition"), part.get_filename(),
             part.get_content_type(), part.get_payload(decode=True))
            for part in message.iter_parts()]


def test_create_audience_by_file_is_multipart_on_the_data_host():
    request = audience.create_audience_for_uploading_user_ids(
        ["U1", "U2"], description="name", is_ifa_audience=False, upload_description="job")
    assert (request.operation, request.method, request.base, request.path) == (
        "create_audience_for_uploading_user_ids", "POST", "data",
        "/v2/bot/audienceGroup/upload/byFile")
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1]
    assert request.body == (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nname\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"isIfaAudience\"\r\n\r\nfalse\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"uploadDescription\"\r\n\r\n"
        f"job\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
        f"filename=\"audiences.txt\"\r\nContent-Type: text/plain\r\n\r\nU1\nU2\r\n"
        f"--{boundary}--\r\n").encode()
    assert _parts(request) == [("description", None, "text/plain", b"name"),
                               ("isIfaAudience", None, "text/plain", b"false"),
                               ("uploadDescription", None, "text/plain", b"job"),
                               ("file", "audiences.txt", "text/plain", b"U1\nU2")]


@pytest.mark.parametrize("file", [b"U1\nU2\n", bytearray(b"U1\nU2\n"), "U1\nU2\n",
                                  io.BytesIO(b"U1\nU2\n")])
def test_add_user_ids_by_file_accepts_bytes_text_and_binary_files(file):
    request = audience.add_user_ids_to_audience(file, "123", upload_description="job")
    assert (request.method, request.base, request.path) == (
        "PUT", "data", "/v2/bot/audienceGroup/upload/byFile")
    assert _parts(request) == [("audienceGroupId", None, "text/plain", b"123"),
                               ("uploadDescription", None, "text/plain", b"job"),
                               ("file", "audiences.txt", "text/plain", b"U1\nU2\n")]


def test_multipart_is_deterministic_and_the_boundary_differs_with_the_content():
    first = audience.add_user_ids_to_audience(b"U1", 1)
    assert first == audience.add_user_ids_to_audience(b"U1", 1)
    other = audience.add_user_ids_to_audience(b"U2", 1)
    assert first.headers["Content-Type"] != other.headers["Content-Type"]


def test_multipart_boundary_never_occurs_in_the_content():
    probe = audience.add_user_ids_to_audience(b"U1", 1)
    boundary = probe.headers["Content-Type"].split("boundary=", 1)[1]
    # a file that contains the boundary its content would otherwise hash to cannot collide
    for content in (boundary.encode(), b"x" + boundary.encode() + b"\n"):
        request = audience.add_user_ids_to_audience(content, 1)
        used = request.headers["Content-Type"].split("boundary=", 1)[1]
        assert used.encode() not in content
        assert _parts(request)[-1][3] == content


# -- webhook -----------------------------------------------------------------------------------


def test_callback_url_comes_from_the_webhook_endpoint():
    request = webhook.callback(b"{}", "secret")
    assert request.url({"webhook": "https://bot.example.com/"}) == \
        "https://bot.example.com/callback"


def test_callback_signature_changes_with_the_secret_and_the_body():
    base = webhook.callback(b"{}", "secret").headers["X-Line-Signature"]
    assert webhook.callback(b"{}", "other").headers["X-Line-Signature"] != base
    assert webhook.callback(b"{ }", "secret").headers["X-Line-Signature"] != base


# -- registry ----------------------------------------------------------------------------------

#: the legacy LineBotApi signatures of these families (minus self and timeout)
LEGACY = {
    "add_audiences_to_audience_group": "audience_group_id, audiences, upload_description=None",
    "change_audience_group_authority_level": "authority_level='PUBLIC'",
    "create_audience_group": "audience_group_name, audiences=None, is_ifa=False",
    "create_click_audience_group": "description, request_id, click_url=None",
    "create_imp_audience_group": "description, request_id",
    "delete_audience_group": "audience_group_id",
    "get_audience_group": "audience_group_id",
    "get_audience_group_authority_level": "",
    "get_audience_group_list": "page=1, description=None, status=None, size=20, "
                               "include_external_public_group=None, create_route=None",
    "get_channel_access_tokens_v2_1": f"client_assertion, client_assertion_type='{JWT}'",
    "get_channel_token_key_ids_v2_1": f"client_assertion, client_assertion_type='{JWT}'",
    "get_insight_demographic": "",
    "get_insight_followers": "date",
    "get_insight_message_delivery": "date",
    "get_insight_message_event": "request_id",
    "get_statistics_per_unit": "custom_aggregation_unit, from_date, to_date",
    "issue_channel_access_token_v2_1": "client_assertion, grant_type='client_credentials', "
                                       f"client_assertion_type='{JWT}'",
    "issue_channel_token": "client_id, client_secret, grant_type='client_credentials'",
    "rename_audience_group": "audience_group_id, description",
    "revoke_channel_access_token_v2_1": "client_id, client_secret, access_token",
    "revoke_channel_token": "access_token",
    "verify_channel_access_token_v2_1": "access_token",
}
MODULES = [audience, channel_token, insight, liff, module, shop, webhook]


def _parameters(builder: object) -> list[str]:
    return [parameter.name if parameter.default is inspect.Parameter.empty
            else f"{parameter.name}={parameter.default!r}"
            for parameter in inspect.signature(builder).parameters.values()]  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "legacy"), LEGACY.items(), ids=list(LEGACY))
def test_legacy_methods_keep_their_names_parameters_and_defaults(name, legacy):
    builder = next(getattr(mod, name) for mod in MODULES if name in mod.__all__)
    expected = [part for part in legacy.split(", ") if part]
    parameters = _parameters(builder)
    assert parameters[:len(expected)] == expected
    # anything the spec added comes after, with a default (positional calls keep working)
    assert all("=" in extra for extra in parameters[len(expected):])


def test_every_builder_is_in_the_table():
    tested = {case[0].__name__ for case in CASES}
    builders = {name for mod in MODULES for name in mod.__all__ if callable(getattr(mod, name))}
    assert builders - tested == {"create_audience_for_uploading_user_ids",
                                 "add_user_ids_to_audience"}  # exact bytes tested below


def test_module_all_is_sorted_and_complete():
    for mod in MODULES:
        assert list(mod.__all__) == sorted(mod.__all__)
        public = {name for name, value in vars(mod).items()
                  if callable(value) and getattr(value, "__module__", None) == mod.__name__
                  and not name.startswith("_")}
        assert public <= set(mod.__all__)


def test_legacy_only_builders_register_their_answers_without_an_operation_id():
    for name in ("get_audience_group_authority_level", "get_channel_access_tokens_v2_1"):
        assert name in RESPONSES
        assert all(builder.__name__ != name for builder in OPERATIONS.values())
    assert answer_type("get_audience_group_authority_level").__name__ == "GetAuthorityLevel"
    assert answer_type("get_channel_access_tokens_v2_1").__name__ == "ChannelAccessTokens"


def test_empty_answers_register_nothing():
    for name in ("delete_audience_group", "rename_audience_group", "revoke_channel_token",
                 "update_liff_app", "release_chat_control", "mission_sticker_v3", "callback",
                 "add_audiences_to_audience_group", "add_user_ids_to_audience"):
        assert name not in RESPONSES


# -- bad input ---------------------------------------------------------------------------------


class _TextFile(io.StringIO):
    pass


ERRORS = [
    (insight.get_insight_message_delivery, ("2024-01-31",), {}, "date"),
    (insight.get_insight_message_delivery, (20240131,), {}, "date"),
    (insight.get_insight_followers, ("", ), {}, "date"),
    (insight.get_insight_message_event, ("",), {}, "request_id"),
    (insight.get_statistics_per_unit, ("bad-name", "20210301", "20210302"), {},
     "custom_aggregation_unit"),
    (insight.get_statistics_per_unit, ("a" * 31, "20210301", "20210302"), {},
     "custom_aggregation_unit"),
    (insight.get_statistics_per_unit, ("unit", "2021031", "20210302"), {}, "from_date"),
    (insight.get_statistics_per_unit, ("unit", "20210301", None), {}, "to_date"),
    (insight.get_rich_menu_insight_summary, ("", "20260213", "20260215"), {}, "rich_menu_id"),
    (insight.get_rich_menu_insight_daily, (RICH_MENU, FULLWIDTH_DATE, "20260215"), {}, "from_date"),
    (audience.create_audience_group, ("",), {}, "audience_group_name"),
    (audience.create_audience_group, ("name", "U1"), {}, "audiences"),
    (audience.create_audience_group, ("name", [""]), {}, "audiences[0]"),
    (audience.create_audience_group, ("name", [{"uid": "U1"}]), {}, "audiences[0]"),
    (audience.create_audience_group, ("name", ["U"] * 10_001), {}, "audiences"),
    (audience.create_audience_group, ("name",), {"is_ifa": "yes"}, "is_ifa"),
    (audience.add_audiences_to_audience_group, ("", ["U1"]), {}, "audience_group_id"),
    (audience.add_audiences_to_audience_group, (0, ["U1"]), {}, "audience_group_id"),
    (audience.add_audiences_to_audience_group, (True, ["U1"]), {}, "audience_group_id"),
    (audience.add_audiences_to_audience_group, ("12a", ["U1"]), {}, "audience_group_id"),
    (audience.add_audiences_to_audience_group, (1, ["U"] * 10_001), {}, "audiences"),
    (audience.create_audience_for_uploading_user_ids, (b"",), {}, "file"),
    (audience.create_audience_for_uploading_user_ids, ([],), {}, "file"),
    (audience.create_audience_for_uploading_user_ids, (["U1", ""],), {}, "file[1]"),
    (audience.create_audience_for_uploading_user_ids, (_TextFile("U1"),), {}, "file"),
    (audience.create_audience_for_uploading_user_ids, (42,), {}, "file"),
    (audience.create_audience_for_uploading_user_ids, (b"U1",), {"is_ifa_audience": 1},
     "is_ifa_audience"),
    (audience.add_user_ids_to_audience, (b"U1", None), {}, "audience_group_id"),
    (audience.create_click_audience_group, ("name", ""), {}, "request_id"),
    (audience.create_click_audience_group, ("", "req"), {}, "description"),
    (audience.create_click_audience_group, ("name", "req", 5), {}, "click_url"),
    (audience.create_imp_audience_group, ("name", None), {}, "request_id"),
    (audience.rename_audience_group, (1, ""), {}, "description"),
    (audience.delete_audience_group, ("",), {}, "audience_group_id"),
    (audience.get_audience_group, (-1,), {}, "audience_group_id"),
    (audience.get_shared_audience_data, (None,), {}, "audience_group_id"),
    (audience.get_audience_group_list, (0,), {}, "page"),
    (audience.get_audience_group_list, (1, None, None, 41), {}, "size"),
    (audience.get_audience_group_list, (), {"include_external_public_group": "true"},
     "include_external_public_group"),
    (audience.get_audience_group_list, (), {"status": 1}, "status"),
    (audience.get_shared_audience_groups, ("1",), {}, "page"),
    (audience.get_shared_audience_groups, (), {"size": 0}, "size"),
    (audience.get_shared_audience_groups, (), {"includes_owned_audience_groups": 1},
     "includes_owned_audience_groups"),
    (audience.change_audience_group_authority_level, ("public",), {}, "authority_level"),
    (channel_token.issue_channel_token, ("", "secret"), {}, "client_id"),
    (channel_token.issue_channel_token, ("1", None), {}, "client_secret"),
    (channel_token.verify_channel_token, ("",), {}, "access_token"),
    (channel_token.revoke_channel_token, (None,), {}, "access_token"),
    (channel_token.issue_channel_access_token_v2_1, ("",), {}, "client_assertion"),
    (channel_token.verify_channel_access_token_v2_1, ("",), {}, "access_token"),
    (channel_token.revoke_channel_access_token_v2_1, ("1", "s", ""), {}, "access_token"),
    (channel_token.get_channel_token_key_ids_v2_1, ("",), {}, "client_assertion"),
    (channel_token.get_channel_access_tokens_v2_1, ("jwt", ""), {}, "client_assertion_type"),
    (channel_token.issue_stateless_channel_token, (), {}, "client_assertion"),
    (channel_token.issue_stateless_channel_token, ("jwt",), {"client_id": "1"}, "not both"),
    (channel_token.issue_stateless_channel_token, (), {"client_id": "1"}, "client_secret"),
    (liff.add_liff_app, ({"view": {"type": "full", "url": "https://x"}},), {}, "liff_app"),
    (liff.add_liff_app, (UpdateLiffAppRequest(description="x"),), {}, "liff_app"),
    (liff.update_liff_app, ("", UpdateLiffAppRequest()), {}, "liff_id"),
    (liff.update_liff_app, ("id", None), {}, "liff_app"),
    (liff.delete_liff_app, ("",), {}, "liff_id"),
    (module.attach_module, ("", "https://x"), {}, "code"),
    (module.attach_module, ("c", ""), {}, "redirect_uri"),
    (module.attach_module, ("c", "https://x"), {"region": 1}, "region"),
    (module.detach_module, ("",), {}, "bot_id"),
    (module.acquire_chat_control, ("",), {}, "chat_id"),
    (module.acquire_chat_control, ("U1",), {"ttl": 31_536_001}, "ttl"),
    (module.acquire_chat_control, ("U1",), {"ttl": "60"}, "ttl"),
    (module.acquire_chat_control, ("U1",), {"expired": "no"}, "expired"),
    (module.release_chat_control, ("",), {}, "chat_id"),
    (module.get_modules, (None, 101), {}, "limit"),
    (module.get_modules, ("",), {}, "start"),
    (shop.mission_sticker_v3, ("", "pkg"), {}, "to"),
    (shop.mission_sticker_v3, ("U1", ""), {}, "product_id"),
    (shop.mission_sticker_v3, ("U1", "pkg"), {"send_present_message": "false"},
     "send_present_message"),
    (webhook.callback, ({"events": []}, "secret"), {}, "payload"),
    (webhook.callback, (b"{}", ""), {}, "channel_secret"),
]


@pytest.mark.parametrize(("builder", "args", "kwargs", "names"), ERRORS,
                         ids=[f"{case[0].__name__}-{case[3]}" for case in ERRORS])
def test_bad_input_raises_value_error_naming_the_parameter(builder, args, kwargs, names):
    with pytest.raises(ValueError, match=names.replace("[", r"\[").replace("]", r"\]")) as info:
        builder(*args, **kwargs)
    assert isinstance(info.value, InvalidInputError)


def test_liff_models_check_their_closed_enums():
    with pytest.raises(InvalidInputError, match="type"):
        LiffView(type="huge", url="https://x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"scope\[1\]"):
        AddLiffAppRequest(view=LiffView(type="tall", url="https://x"),
                          scope=["profile", "chat"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="bot_prompt"):
        UpdateLiffAppRequest(bot_prompt="sometimes")  # type: ignore[arg-type]


def test_retry_keys_are_not_accepted_here():
    # none of these operations takes X-Line-Retry-Key (LINE answers 400 to it)
    for builder, args, kwargs, *_ in CASES:
        assert "X-Line-Retry-Key" not in builder(*args, **kwargs).headers


def test_form_bodies_decode_to_the_given_values():
    request = channel_token.revoke_channel_access_token_v2_1("1 2", "s&=t", "a+b")
    assert dict(parse_qsl(request.body.decode())) == {
        "client_id": "1 2", "client_secret": "s&=t", "access_token": "a+b"}
