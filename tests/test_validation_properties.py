"""Hypothesis: messages generated within LINE's limits give no problem.

The strategies build messages as a user would (the models), every text, label,
URL and count inside the documented limits; ``validate`` must find nothing in
them, nor in their JSON, and a generated bubble read back strictly is the same
bubble with no problem.
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import given, strategies as st

from linebot_fp import codec, validate
from linebot_fp.models import (
    BoxComponent,
    BubbleContainer,
    ButtonComponent,
    ButtonsTemplate,
    CameraAction,
    CarouselContainer,
    FlexSendMessage,
    ImageComponent,
    ImageSendMessage,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyButton,
    SeparatorComponent,
    TemplateSendMessage,
    TextComponent,
    TextSendMessage,
    URIAction,
)
from linebot_fp.validation import facts, read_flex
from linebot_fp.validation.text import utf16_units


def texts(limit: int) -> st.SearchStrategy[str]:
    """Non-empty text of at most ``limit`` UTF-16 units (and so of at most that many graphemes)."""
    return st.text(min_size=1, max_size=limit).filter(lambda text: utf16_units(text) <= limit)


urls = st.builds(lambda path: f"https://example.com/{path}",
                 st.text(alphabet=string.ascii_letters + string.digits + "-_/", max_size=60))
labels = texts(facts.LABEL_GRAPHEMES)
colors = st.builds(lambda n: f"#{n:06X}", st.integers(0, 0xFFFFFF))


def actions_for(label_limit: int) -> st.SearchStrategy[Any]:
    label = texts(label_limit)
    return st.one_of(
        st.builds(PostbackAction, label=label, data=texts(facts.ACTION_DATA),
                  display_text=st.none() | texts(facts.ACTION_TEXT_GRAPHEMES)),
        st.builds(MessageAction, label=label, text=texts(facts.ACTION_TEXT_GRAPHEMES)),
        st.builds(URIAction, label=label, uri=urls),
    )


quick_replies = st.builds(QuickReply, items=st.lists(st.builds(
    QuickReplyButton, action=actions_for(facts.LABEL_GRAPHEMES) | st.builds(CameraAction,
                                                                            label=labels),
    image_url=st.none() | urls), min_size=1, max_size=facts.QUICK_REPLY_ITEMS))

text_components = st.builds(TextComponent, text=texts(200), wrap=st.none() | st.booleans(),
                            color=st.none() | colors,
                            margin=st.none() | st.sampled_from(["none", "md", "xxl", "12px"]),
                            size=st.none() | st.sampled_from(["xs", "5xl", "20px"]))
leaves = st.one_of(text_components, st.builds(SeparatorComponent, color=st.none() | colors),
                   st.builds(ImageComponent, url=urls,
                             aspect_ratio=st.none() | st.sampled_from(["1:1", "20:13", "1:3"])),
                   st.builds(ButtonComponent, action=actions_for(facts.FLEX_LABEL_GRAPHEMES)))
boxes = st.recursive(
    st.builds(BoxComponent, layout=st.sampled_from(["vertical", "horizontal"]),
              contents=st.lists(leaves, max_size=4)),
    lambda inner: st.builds(BoxComponent, layout=st.sampled_from(["vertical", "horizontal"]),
                            contents=st.lists(inner | leaves, max_size=3),
                            spacing=st.none() | st.sampled_from(["sm", "4px"]),
                            background_color=st.none() | colors),
    max_leaves=12)


def bubbles_of(size: str | None) -> st.SearchStrategy[BubbleContainer]:
    return st.builds(BubbleContainer, size=st.just(size), header=st.none() | boxes,
                     body=st.none() | boxes, footer=st.none() | boxes,
                     hero=st.none() | st.builds(ImageComponent, url=urls))


sizes = st.sampled_from([None, "micro", "kilo", "giga"])
bubbles = sizes.flatmap(bubbles_of)
#: the bubbles of one carousel share their size (#f-carousel)
carousels = sizes.flatmap(lambda size: st.builds(
    CarouselContainer, contents=st.lists(bubbles_of(size), min_size=1, max_size=3)))

messages = st.one_of(
    st.builds(TextSendMessage, text=texts(facts.TEXT), quick_reply=st.none() | quick_replies),
    st.builds(ImageSendMessage, original_content_url=urls, preview_image_url=urls),
    st.builds(FlexSendMessage, alt_text=texts(facts.ALT_TEXT), contents=bubbles),
    st.builds(FlexSendMessage, alt_text=texts(100), contents=carousels),
    st.builds(TemplateSendMessage, alt_text=texts(100), template=st.builds(
        ButtonsTemplate, title=texts(facts.TEMPLATE_TITLE_GRAPHEMES),
        text=texts(facts.BUTTONS_TEXT_WITH_IMAGE_GRAPHEMES),
        actions=st.lists(actions_for(facts.LABEL_GRAPHEMES), min_size=1,
                         max_size=facts.BUTTONS_ACTIONS))),
)


@given(st.lists(messages, min_size=1, max_size=facts.MESSAGES))
def test_messages_within_the_limits_give_no_problem(batch: list[Any]) -> None:
    assert validate(batch) == ()
    assert validate([codec.unstructure(message) for message in batch]) == ()


@given(bubbles)
def test_a_generated_bubble_reads_back_strictly_as_itself(bubble: BubbleContainer) -> None:
    assert read_flex(codec.unstructure(bubble)) == (bubble, ())


@given(texts(facts.TEXT), st.integers(1, 40))
def test_one_unit_over_the_limit_is_always_the_one_problem(text: str, extra: int) -> None:
    over = text + "x" * (facts.TEXT - utf16_units(text) + extra)
    problems = validate([TextSendMessage(text=over)])
    assert [p.property for p in problems] == ["messages[0].text"]
