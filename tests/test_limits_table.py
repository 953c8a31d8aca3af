"""The table of LINE's rate limits: its tiers, its one source, and the fake's routes for it."""

import pytest

import linebot_fp.limits
from linebot_fp import api
from linebot_fp.api import _registry
from linebot_fp.limits import DEFAULT_RATE, RATE_LIMITS, Rate, describe, rate_limit
from linebot_fp.models import (
    Audience,
    CouponCreateRequest,
    CouponFreeRewardRequest,
    NormalAcquisitionConditionRequest,
    RichMenu,
    RichMenuArea,
    RichMenuBatchRequest,
    RichMenuBatchUnlinkAllOperation,
    RichMenuBounds,
    RichMenuSize,
    TextSendMessage,
    URIAction,
)
from linebot_fp.testing.api_limits import ENDPOINTS, endpoint_of

HOUR, MINUTE, SECOND = 3600.0, 60.0, 1.0


def builder_names():
    _registry.load_all()
    return {name for name in api.__all__ if callable(getattr(api, name))}


def test_every_operation_in_the_table_is_a_builder():
    assert set(RATE_LIMITS) <= builder_names()


def test_the_tiers_are_lines():
    tiers = {}
    for operation, rate in RATE_LIMITS.items():
        tiers.setdefault((rate.requests, rate.seconds), set()).add(operation)
    assert {"narrowcast", "broadcast", "get_insight_followers", "get_insight_demographic",
            "get_insight_message_delivery", "get_insight_message_event",
            "get_statistics_per_unit", "test_webhook_endpoint"} == tiers[(60, HOUR)]
    assert len(tiers[(60, MINUTE)]) == 12
    assert "get_audience_group" in tiers[(60, MINUTE)]
    assert tiers[(1000, MINUTE)] == {"set_webhook_endpoint", "get_webhook_endpoint"}
    assert tiers[(100, HOUR)] == {"create_rich_menu", "delete_rich_menu",
                                  "delete_rich_menu_alias", "get_rich_menu_batch_progress"}
    assert tiers[(3, HOUR)] == {"rich_menu_batch"}
    assert tiers[(200, SECOND)] == {"multicast", "get_membership_subscription",
                                    "get_membership_list", "create_coupon", "close_coupon",
                                    "list_coupon", "get_coupon_detail"}
    assert tiers[(100, SECOND)] == {"show_loading_animation"}
    assert tiers[(370, SECOND)] == {"issue_channel_token", "issue_stateless_channel_token"}
    assert Rate(2000, SECOND) == DEFAULT_RATE


@pytest.mark.parametrize(("operation", "expected"), [
    ("multicast", Rate(200, 1.0)),
    ("push_message", Rate(2000, 1.0)),
    ("reply_message", DEFAULT_RATE),
    ("no_such_operation", DEFAULT_RATE),
    ("rich_menu_batch", Rate(3, 3600.0)),
])
def test_rate_limit_gives_the_entry_or_the_default(operation, expected):
    assert rate_limit(operation) == expected


def test_a_rate_reads_as_line_writes_it():
    assert str(Rate(2000, 1.0)) == "2,000 requests per second"
    assert str(Rate(60, 3600.0)) == "60 requests per hour"
    assert str(Rate(1000, 60)) == "1,000 requests per minute"
    assert str(Rate(5, 2.5)) == "5 requests per 2.5 seconds"
    assert Rate(100, 3600.0).spacing == 36.0
    assert Rate(200, 1.0).scaled(0.9) == Rate(180, 1.0)
    assert Rate(3, 3600.0).scaled(0.1) == Rate(1, 3600.0)


@pytest.mark.parametrize(("requests", "seconds"), [
    (0, 1.0), (1.5, 1.0), (True, 1.0), (1, 0), (1, -1.0), (1, float("inf")), (1, float("nan")),
])
def test_a_rate_that_makes_no_sense_is_refused(requests, seconds):
    with pytest.raises(ValueError, match="Rate"):
        Rate(requests, seconds)


@pytest.mark.parametrize("fraction", [0, -0.5, 1.5, float("nan"), True])
def test_a_fraction_outside_zero_to_one_is_refused(fraction):
    with pytest.raises(ValueError, match="fraction"):
        Rate(10, 1.0).scaled(fraction)


def test_the_module_docstring_shows_the_table_from_its_one_source():
    doc = linebot_fp.limits.__doc__
    assert describe() in doc
    for operation, rate in RATE_LIMITS.items():
        row = next(line for line in doc.splitlines() if f"`{operation}`" in line)
        assert row.startswith(f"| {rate} |")
    assert "| 2,000 requests per second | every other operation |" in doc
    assert "https://developers.line.biz/en/reference/messaging-api/#rate-limits" in doc


# -- the fake API knows where each limited operation lives ------------------------------------

MESSAGE = TextSendMessage(text="hi")
MENU = RichMenu(size=RichMenuSize(width=2500, height=843), selected=False, name="m",
                chat_bar_text="menu", areas=[RichMenuArea(
                    bounds=RichMenuBounds(x=0, y=0, width=100, height=100),
                    action=URIAction(uri="https://example.com"))])
COUPON = CouponCreateRequest(
    acquisition_condition=NormalAcquisitionConditionRequest(), start_timestamp=1735657200,
    end_timestamp=1767193199, max_use_count_per_ticket=1, title="Free coffee",
    visibility="UNLISTED", timezone="ASIA_TOKYO", reward=CouponFreeRewardRequest())
SAMPLES = {
    "narrowcast": lambda: api.narrowcast(MESSAGE),
    "broadcast": lambda: api.broadcast(MESSAGE),
    "multicast": lambda: api.multicast(["U1"], MESSAGE),
    "push_message": lambda: api.push_message("U1", MESSAGE),
    "get_message_quota": api.get_message_quota,
    "get_message_quota_consumption": api.get_message_quota_consumption,
    "get_insight_message_delivery": lambda: api.get_insight_message_delivery("20260101"),
    "get_insight_followers": lambda: api.get_insight_followers("20260101"),
    "get_insight_demographic": api.get_insight_demographic,
    "get_insight_message_event": lambda: api.get_insight_message_event("req-1"),
    "get_statistics_per_unit": lambda: api.get_statistics_per_unit("unit", "20260101",
                                                                   "20260102"),
    "test_webhook_endpoint": api.test_webhook_endpoint,
    "set_webhook_endpoint": lambda: api.set_webhook_endpoint("https://example.com/hook"),
    "get_webhook_endpoint": api.get_webhook_endpoint,
    "create_audience_group": lambda: api.create_audience_group("a", audiences=[
        Audience(id="U1")]),
    "create_audience_for_uploading_user_ids": lambda: api.create_audience_for_uploading_user_ids(
        b"U1\n", description="a"),
    "add_audiences_to_audience_group": lambda: api.add_audiences_to_audience_group(
        1, [Audience(id="U1")]),
    "add_user_ids_to_audience": lambda: api.add_user_ids_to_audience(b"U1\n", 1),
    "create_click_audience_group": lambda: api.create_click_audience_group("a", "req-1"),
    "create_imp_audience_group": lambda: api.create_imp_audience_group("a", "req-1"),
    "rename_audience_group": lambda: api.rename_audience_group(1, "b"),
    "delete_audience_group": lambda: api.delete_audience_group(1),
    "get_audience_group": lambda: api.get_audience_group(1),
    "get_audience_group_list": api.get_audience_group_list,
    "get_shared_audience_data": lambda: api.get_shared_audience_data(1),
    "get_shared_audience_groups": api.get_shared_audience_groups,
    "create_rich_menu": lambda: api.create_rich_menu(MENU),
    "delete_rich_menu": lambda: api.delete_rich_menu("richmenu-1"),
    "delete_rich_menu_alias": lambda: api.delete_rich_menu_alias("alias-1"),
    "get_rich_menu_batch_progress": lambda: api.get_rich_menu_batch_progress("req-1"),
    "rich_menu_batch": lambda: api.rich_menu_batch(RichMenuBatchRequest(
        operations=[RichMenuBatchUnlinkAllOperation()])),
    "get_membership_subscription": lambda: api.get_membership_subscription("U1"),
    "get_membership_list": api.get_membership_list,
    "create_coupon": lambda: api.create_coupon(COUPON),
    "close_coupon": lambda: api.close_coupon("coupon-1"),
    "list_coupon": api.list_coupon,
    "get_coupon_detail": lambda: api.get_coupon_detail("coupon-1"),
    "show_loading_animation": lambda: api.show_loading_animation("U1"),
    "issue_channel_token": lambda: api.issue_channel_token("1234", "secret"),
    "issue_stateless_channel_token": lambda: api.issue_stateless_channel_token(
        client_id="1234", client_secret="secret"),
}


def test_the_fake_knows_every_limited_operation_and_the_quota_endpoints():
    assert set(RATE_LIMITS) <= set(ENDPOINTS)
    assert set(ENDPOINTS) - set(RATE_LIMITS) == {
        "push_message", "get_message_quota", "get_message_quota_consumption"}
    assert set(SAMPLES) == set(ENDPOINTS)


@pytest.mark.parametrize("operation", sorted(ENDPOINTS))
def test_the_fake_routes_each_builders_request_to_its_operation(operation):
    request = SAMPLES[operation]()
    assert request.operation == operation
    assert endpoint_of(request.method, request.path) == operation
    assert ENDPOINTS[operation][0] == request.method


def test_other_endpoints_are_told_apart_by_method_and_path():
    assert endpoint_of("GET", "/v2/bot/profile/U1") == "GET /v2/bot/profile/{userId}"
    assert endpoint_of("POST", "/v2/bot/richmenu/alias") == "POST /v2/bot/richmenu/alias"
    assert endpoint_of("GET", "/elsewhere") == "GET /elsewhere"
    assert endpoint_of("DELETE", "/v2/bot/richmenu/alias/a1") == "delete_rich_menu_alias"
    assert endpoint_of("GET", "/v2/bot/audienceGroup/list") == "get_audience_group_list"
    assert endpoint_of("GET", "/v2/bot/audienceGroup/77") == "get_audience_group"
