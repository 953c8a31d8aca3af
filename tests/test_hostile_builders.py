"""Hostile values for every parameter of every builder never make a wrong request.

Every builder in ``OPERATIONS`` and every legacy ``LineBotApi`` method name is called
with valid values for all its parameters but one, which gets each hostile value in
turn: separators, dot segments, encoded separators, CR/LF, NUL, non-ASCII, lone
surrogates, empty, ``None``, wrong types, dicts, huge lists, and every fixed path
segment any endpoint has. Each call must either raise ``InvalidInputError`` naming
the parameter, or build a request to the same endpoint (method, host, and a path
whose percent-decoded segments are exactly its template's, no other endpoint's),
with no CR, LF or NUL in a header. The counts are printed.

A second table checks, against the LINE OpenAPI spec's paths (tests/spec_facts.json), that
every id that would make a spec path mean another spec path is refused.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from facts_support import operations
from spec_support import NEEDS_SEEDS, SEEDS_DIR

import linebot_fp.api as api
from linebot_fp.api._paths import ROUTES, parameter_name
from linebot_fp.errors import InvalidInputError
from linebot_fp.models.actions import MessageAction
from linebot_fp.models.coupon import (
    CouponCreateRequest,
    CouponFreeRewardRequest,
    NormalAcquisitionConditionRequest,
)
from linebot_fp.models.liff import AddLiffAppRequest, LiffView
from linebot_fp.models.rich_menu import (
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBatchRequest,
    RichMenuBatchUnlinkAllOperation,
    RichMenuBounds,
    RichMenuSize,
)
from linebot_fp.models.send_messages import TextSendMessage
from linebot_fp.request import Request

API_REFERENCE = SEEDS_DIR / "api-reference.txt"
RICH_MENU_ID = "richmenu-88c05ef6921ae53f8b58a25f3a65faf7"

#: a valid value for each parameter name the builders use
SAMPLES: dict[str, Any] = {
    "access_token": "tok", "audience_group_id": 4389303728991,
    "audience_group_name": "name", "audiences": ["U1"], "channel_secret": "s3cret",
    "chat_id": "U4af4980629", "client_assertion": "jwt.a.b", "client_id": "1234",
    "client_secret": "s3cret", "code": "c0de", "content": b"\x89PNG",
    "content_type": "image/png", "coupon_id": "cpn1", "custom_aggregation_unit": "promo_a",
    "date": "20240131", "description": "desc", "file": ["U1"], "from_date": "20240101",
    "group_id": "Ca56f9463", "liff_id": "1234-abcd", "mark_as_read_token": "tkn",
    "membership_id": 3189, "message_id": "325708", "messages": TextSendMessage(text="hi"),
    "payload": b'{"events":[]}', "product_id": "1234", "redirect_uri": "https://example.com/cb",
    "reply_token": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", "request_id": "f70dd685",
    "rich_menu_alias_id": "richmenu-alias-a", "rich_menu_id": RICH_MENU_ID,
    "room_id": "Ra8dbf4673", "to": "U4af4980629", "to_date": "20240131",
    "user_id": "U4af4980629", "user_ids": ["U1", "U2"],
    "webhook_endpoint": "https://example.com/hook",
    "rich_menu": RichMenu(
        size=RichMenuSize(width=2500, height=843), selected=False, name="m", chat_bar_text="Tap",
        areas=(RichMenuArea(bounds=RichMenuBounds(x=0, y=0, width=2500, height=843),
                            action=MessageAction(text="hi")),)),
    "rich_menu_alias": RichMenuAlias(rich_menu_alias_id="richmenu-alias-a",
                                     rich_menu_id=RICH_MENU_ID),
    "rich_menu_batch_request": RichMenuBatchRequest(
        operations=(RichMenuBatchUnlinkAllOperation(),)),
    "coupon_create_request": CouponCreateRequest(
        acquisition_condition=NormalAcquisitionConditionRequest(), start_timestamp=1735657200,
        end_timestamp=1767193199, max_use_count_per_ticket=1, title="Free coffee",
        visibility="UNLISTED", timezone="ASIA_TOKYO", reward=CouponFreeRewardRequest()),
    "liff_app": AddLiffAppRequest(view=LiffView(type="full", url="https://example.com/app")),
}
#: per builder: values that differ from SAMPLES, or optional ones a valid call needs
OVERRIDES: dict[str, dict[str, Any]] = {
    "multicast": {"to": ["U1", "U2"]},
    "push_messages_by_phone": {"to": "a" * 64},
    "issue_stateless_channel_token": {"client_assertion": "jwt.a.b"},
    "get_rich_menu_alias": {"rich_menu_alias_id": "richmenu-alias-a"},
}

HUGE_LIST = ["U1"] * 20_000  # beyond every cap but the id file's (1.5 million lines)
LITERALS = sorted({segment for route in ROUTES for segment in route.strip("/").split("/")
                   if not segment.startswith("{")})
HOSTILE: list[Any] = [
    "/", "a/b", "/a", "a/", "//", "?", "a?b=c", "#", "a#b", "&", "a b", ".", "..", "./a",
    "a/..", "a/../b", "%2F", "a%2Fb", "%2e", "%2e%2E", "%2E.", ".%2e", "%252e%252e",
    "%25252e", "a%2F..%2Fb", "\\", "..\\a", "\r", "\n", "\r\n", "a\r\nX-Evil: 1", "\x00",
    "a\x00b", "日本語", "é" * 20, "\u2028", "\ud800", "", " ", "\t", "%", "%zz", "{userId}",
    None, 0, -1, 2**70, True, 1.5, float("nan"), b"bytes", b"", bytearray(b"U1"),
    memoryview(b"U1"), {"U1": "U1"}, {}, [], [""], [None], ["U1", 2], ["a\r\nb"],
    ("U1",), {"U1"}, HUGE_LIST, object(), *LITERALS,
]


def legacy_names() -> list[str]:
    """The LineBotApi method names the legacy reference lists."""
    if not API_REFERENCE.is_file():
        return []
    lines = API_REFERENCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("class linebot.api.LineBotApi"))
    end = next(i for i, line in enumerate(lines)
               if i > start and line.startswith(("class ", "exception ")))
    found = (re.match(r"([a-z_0-9]+)\(.*\)\[source\]$", line) for line in lines[start:end])
    return sorted({match.group(1) for match in found if match and match.group(1) != "__init__"})


def all_builders() -> dict[str, Callable[..., Request[Any]]]:
    builders = {builder.__name__: builder for builder in api.OPERATIONS.values()}
    for name in legacy_names():
        builders.setdefault(name, getattr(api, name))
    return dict(sorted(builders.items()))


def valid_arguments(name: str, builder: Callable[..., Request[Any]]) -> dict[str, Any]:
    required = {p.name: SAMPLES[p.name] for p in inspect.signature(builder).parameters.values()
                if p.default is inspect.Parameter.empty}
    return {**required, **OVERRIDES.get(name, {})}


def segments(path: str) -> list[str]:
    return path.strip("/").split("/")


def is_placeholder(segment: str) -> bool:
    return segment.startswith("{")


def routes_matching(path: str) -> list[str]:
    """The ROUTES a path fits, most fixed segments first."""
    parts = segments(path)
    fits = [route for route in ROUTES if len(segments(route)) == len(parts) and all(
        is_placeholder(fixed) or fixed == part for fixed, part in zip(segments(route), parts,
                                                                      strict=True))]
    return sorted(fits, key=lambda route: -sum(not is_placeholder(s) for s in segments(route)))


def template_of(path: str) -> str:
    """The route a path means: the one with the most fixed segments among those it fits."""
    fits = routes_matching(path)
    assert fits, f"{path} fits no route in linebot_fp.api._paths.ROUTES"
    return fits[0]


def names(message: str, parameter: str) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(form)}(?![a-z_])", message)
               for form in (parameter, parameter.replace("_", " ")))


def problems_of(request: Request[Any], valid: Request[Any]) -> Iterator[str]:
    """What is wrong with a request built from a hostile value (nothing, ideally)."""
    if (request.method, request.base) != (valid.method, valid.base):
        yield f"{request.method} {request.base} instead of {valid.method} {valid.base}"
    template = template_of(valid.path)
    fits = routes_matching(request.path)
    if not fits or fits[0] != template:
        yield f"path {request.path} means {fits[0] if fits else 'nothing'}, not {template}"
    decoded = [unquote(part) for part in segments(request.path)]
    wanted = segments(template)
    if len(decoded) != len(wanted):
        yield f"path {request.path} has {len(decoded)} segments, {template} has {len(wanted)}"
    for part, fixed in zip(decoded, wanted, strict=False):
        if is_placeholder(fixed) and part in ("", ".", ".."):
            yield f"path {request.path} has the dot or empty segment {part!r}"
        elif not is_placeholder(fixed) and part != fixed:
            yield f"path {request.path} has {part!r} where {template} has {fixed!r}"
    for header, value in request.headers.items():
        if re.search(r"[\r\n\x00]", header + value):
            yield f"header {header!r} holds CR, LF or NUL"


def test_every_builder_refuses_or_survives_every_hostile_value() -> None:
    builders = all_builders()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for name, builder in builders.items():
        arguments = valid_arguments(name, builder)
        valid = builder(**arguments)
        template_of(valid.path)  # every builder's path is a known route
        for parameter in inspect.signature(builder).parameters:
            counts["parameters"] += 1
            for value in HOSTILE:
                counts["calls"] += 1
                label = f"{name}({parameter}={value!r:.40})"
                try:
                    request = builder(**{**arguments, parameter: value})
                except InvalidInputError as exc:
                    if names(str(exc), parameter):
                        counts["refused"] += 1
                    else:
                        failures.append(f"{label}: the error does not name {parameter}: {exc}")
                except Exception as exc:  # anything else is a failure to report
                    failures.append(f"{label}: {type(exc).__name__}: {exc}")
                else:
                    counts["built"] += 1
                    failures.extend(f"{label}: {problem}"
                                    for problem in problems_of(request, valid))
    print(f"\nhostile builder calls: {counts['calls']} over {len(builders)} builders and "
          f"{counts['parameters']} parameters; refused naming the parameter "
          f"{counts['refused']}, built to the right endpoint {counts['built']}, "
          f"wrong {len(failures)}")
    assert not failures, "\n".join(failures[:40])
    assert counts["refused"]
    assert counts["built"]


def test_the_table_covers_the_legacy_names() -> None:
    if not API_REFERENCE.is_file():
        pytest.skip(f"{NEEDS_SEEDS}: the legacy API reference is not at {API_REFERENCE}")
    legacy = legacy_names()
    assert len(legacy) > 60
    assert set(legacy) <= set(all_builders())


# -- the spec: every path an id could turn into another -------------------------------------------

def spec_operations() -> dict[str, str]:
    """operationId -> path template, over every spec file (from tests/spec_facts.json)."""
    return {operation_id: op.path for operation_id, op in operations().items()}


def shape(template: str) -> tuple[str, ...]:
    return tuple("{}" if is_placeholder(part) else part for part in segments(template))


def spec_collisions() -> list[tuple[str, str, str, str]]:
    """(operationId, its path, placeholder, fixed segment) for every id that would make
    the path the same as another spec path (fixed segments compared, ids fit anything)."""
    operations = spec_operations()
    paths = sorted(set(operations.values()))
    collisions = []
    for operation_id, template in sorted(operations.items()):
        own = segments(template)
        for index, part in enumerate(own):
            if not is_placeholder(part):
                continue
            for other in paths:
                theirs = segments(other)
                if (len(theirs) == len(own) and not is_placeholder(theirs[index])
                        and all(a == b or is_placeholder(a) or is_placeholder(b)
                                for a, b in zip(own, theirs, strict=True))):
                    collisions.append((operation_id, template, part.strip("{}"), theirs[index]))
    return collisions


def test_the_routes_hold_every_spec_path() -> None:
    missing = set(spec_operations().values()) - set(ROUTES)
    ours = {shape(route) for route in ROUTES}
    assert not {path for path in missing if shape(path) not in ours}, missing


def test_every_spec_collision_is_refused_naming_the_parameter() -> None:
    collisions = spec_collisions()
    assert any(fixed == "all" for *_, fixed in collisions)  # the user/all/richmenu family
    refused = []
    for operation_id, template, placeholder, fixed in collisions:
        builder = api.OPERATIONS[operation_id]
        parameter = parameter_name(placeholder)
        arguments = {**valid_arguments(builder.__name__, builder), parameter: fixed}
        with pytest.raises(InvalidInputError) as caught:
            builder(**arguments)  # a Request here would be another endpoint's
        assert names(str(caught.value), parameter), caught.value
        refused.append(f"{operation_id}: {template} with {placeholder}={fixed!r}")
    print(f"\nspec path collisions refused: {len(refused)}")
    assert refused


@pytest.mark.parametrize(("call", "parameter"), [
    (lambda: api.unlink_rich_menu_from_user("all"), "user_id"),
    (lambda: api.link_rich_menu_to_user("all", RICH_MENU_ID), "user_id"),
    (lambda: api.get_rich_menu_id_of_user("all"), "user_id"),
    (lambda: api.get_rich_menu("list"), "rich_menu_id"),
    (lambda: api.get_rich_menu_alias("list"), "rich_menu_alias_id"),
    (lambda: api.delete_rich_menu(".."), "rich_menu_id"),
    (lambda: api.leave_group("."), "group_id"),
    (lambda: api.get_profile("%2e%2E"), "user_id"),
    (lambda: api.get_profile("%252e%252e"), "user_id"),
    (lambda: api.get_profile("a/../b"), "user_id"),
    (lambda: api.get_rich_menu_alias("lis%74"), "rich_menu_alias_id"),
])
def test_the_issue_examples_are_refused(call: Callable[[], Request[Any]], parameter: str) -> None:
    with pytest.raises(InvalidInputError, match=parameter):
        call()


def test_other_ids_are_percent_encoded_as_before() -> None:
    assert api.get_profile("a/b").path == "/v2/bot/profile/a%2Fb"
    assert api.get_profile("日本").path == "/v2/bot/profile/%E6%97%A5%E6%9C%AC"
    assert api.get_profile("a?b#c").path == "/v2/bot/profile/a%3Fb%23c"
    assert api.get_profile("...").path == "/v2/bot/profile/..."
    assert api.set_default_rich_menu(RICH_MENU_ID).path == (
        f"/v2/bot/user/all/richmenu/{RICH_MENU_ID}")
    assert api.cancel_default_rich_menu().path == "/v2/bot/user/all/richmenu"


# -- sequences: any iterable of strings, never a str, bytes or mapping -----------------------------

TEXT = TextSendMessage(text="hi")
LIST_PARAMETERS: list[tuple[str, Callable[[Any], Request[Any]]]] = [
    ("to", lambda value: api.multicast(value, TEXT)),
    ("user_ids", lambda value: api.link_rich_menu_to_users(value, RICH_MENU_ID)),
    ("user_ids", lambda value: api.unlink_rich_menu_from_users(value)),
    ("custom_aggregation_units", lambda value: api.push_message("U1", TEXT,
                                                                custom_aggregation_units=value)),
    ("custom_aggregation_units", lambda value: api.multicast(["U1"], TEXT,
                                                             custom_aggregation_units=value)),
    ("audiences", lambda value: api.create_audience_group("name", value)),
    ("audiences", lambda value: api.add_audiences_to_audience_group(42, value)),
    ("file", lambda value: api.create_audience_for_uploading_user_ids(value)),
    ("file", lambda value: api.add_user_ids_to_audience(value, 42)),
    ("status", lambda value: api.list_coupon(value)),
]


ITERABLES = [list, tuple, set, iter, lambda items: dict.fromkeys(items).keys()]


@pytest.mark.parametrize(("parameter", "call"), LIST_PARAMETERS)
@pytest.mark.parametrize("kind", ITERABLES,
                         ids=["list", "tuple", "set", "iterator", "keys"])
def test_lists_tuples_and_other_iterables_of_strings_are_taken(
        parameter: str, call: Callable[[Any], Request[Any]], kind: Callable[[Any], Any]) -> None:
    item = "DRAFT" if parameter == "status" else "U1"
    request = call(kind([item]))
    assert item in str(request.body) + str(request.query)


NOT_LISTS: list[Any] = [{"U1": "U1"}, {}, b"U1", bytearray(b"U1")]


@pytest.mark.parametrize(("parameter", "call", "values"), [
    (parameter, call, values) for parameter, call in LIST_PARAMETERS for values in NOT_LISTS
    if parameter != "file" or isinstance(values, dict)  # an id file may be given as its bytes
])
def test_a_mapping_or_bytes_where_a_list_belongs_is_refused(
        parameter: str, call: Callable[[Any], Request[Any]], values: Any) -> None:
    with pytest.raises(InvalidInputError, match=parameter):
        call(values)


@pytest.mark.parametrize(("parameter", "call"), [
    (parameter, call) for parameter, call in LIST_PARAMETERS
    if parameter not in ("custom_aggregation_units", "file", "status")])  # these take one str
@pytest.mark.parametrize("value", ["", "U1"])
def test_a_string_where_a_list_belongs_is_refused(
        parameter: str, call: Callable[[Any], Request[Any]], value: str) -> None:
    with pytest.raises(InvalidInputError, match=parameter):
        call(value)
