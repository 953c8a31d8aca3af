"""The validation against the LINE OpenAPI spec: its examples, its schemas, its numbers.

* Every example in the spec of something a bot sends (a message, a flex container,
  a quick reply, a rich menu, a request carrying messages) gives no problem.
* The types, properties and closed sets of values the checks know are the spec's.
* Where the spec states a limit (``maxItems``, ``maxLength``), it is the number in
  :mod:`linebot_fp.validation.facts`.
* The valid values of the corpus are valid for the spec's schemas too.

The types, properties, values and limits are facts of the spec, read from the facts
table (tests/spec_facts.json), so those tests run on a fresh clone; the spec's examples
and the full JSON Schema checks read the spec and skip, saying why, without it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from facts_support import FACTS, limit, own_enum, properties as facts_properties, structure_errors
from spec_support import SPEC_DIR, load_spec, resolve, schema_errors
from validation_support import rich_menu, valid_messages

from linebot_fp import codec, validate
from linebot_fp.validation import actions, facts, flex, messages

#: schemas of what a bot sends, and how the example is checked
SENT = {"Message", "FlexContainer", "QuickReply", "RichMenuRequest", "RichMenuResponse",
        "ReplyMessageRequest", "PushMessageRequest", "MulticastRequest", "NarrowcastRequest",
        "BroadcastRequest", "ValidateMessageRequest", "PnpMessagesRequest"}
#: our flex kinds -> the spec's schema
FLEX_SCHEMAS = {"bubble": "FlexBubble", "carousel": "FlexCarousel", "box": "FlexBox",
                "button": "FlexButton", "filler": "FlexFiller", "icon": "FlexIcon",
                "image": "FlexImage", "separator": "FlexSeparator", "span": "FlexSpan",
                "text": "FlexText", "video": "FlexVideo", "styles": "FlexBubbleStyles",
                "block style": "FlexBlockStyle", "linearGradient": "FlexBoxLinearGradient"}


def spec() -> dict[str, Any]:
    return load_spec("messaging-api")


def properties(name: str) -> dict[str, Any]:
    """A schema's properties, those of its ``allOf`` parts included, ``type`` left out."""
    found, _ = facts_properties("messaging-api", name)
    found.pop("type", None)
    return found


def tags(name: str) -> set[str]:
    return set(FACTS["files"]["messaging-api"]["schemas"][name]["discriminator"]["mapping"])


def _ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _sent_parts(node: Any, instance: Any) -> Iterator[tuple[str, Any]]:
    """The parts of ``instance`` (an example of ``node``) whose schema is something sent."""
    name = _ref_name(node)
    if name in SENT:
        yield name, instance
        return
    node = resolve(spec(), node)
    if isinstance(instance, list) and isinstance(node, Mapping) and "items" in node:
        for item in instance:
            yield from _sent_parts(node["items"], item)
    elif isinstance(instance, Mapping) and isinstance(node, Mapping):
        props = node.get("properties", {})
        for key, value in instance.items():
            if key in props:
                yield from _sent_parts(props[key], value)


def spec_examples() -> list[tuple[str, str, Any]]:
    """(where, schema, example) for every example in the spec of something a bot sends."""
    found = []
    for path, operations in spec()["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, Mapping):
                continue
            bodies = [("request", operation.get("requestBody", {}))]
            bodies += [(f"answer {status}", answer)
                       for status, answer in operation.get("responses", {}).items()]
            for label, body in bodies:
                for media in resolve(spec(), body).get("content", {}).values():
                    examples = [media["example"]] if "example" in media else []
                    examples += [item.get("value") for item in media.get("examples", {}).values()]
                    for example in examples:
                        for name, part in _sent_parts(media.get("schema"), example):
                            found.append((f"{method.upper()} {path} {label}", name, part))
    return found


def test_every_example_of_the_spec_of_something_sent_gives_no_problem() -> None:
    examples = spec_examples()
    assert examples, "the spec has no example of a message or rich menu any more"
    for where, name, example in examples:
        if name == "RichMenuResponse":
            example = {key: value for key, value in example.items() if key != "richMenuId"}
        assert validate(example) == (), (where, name, example)


def test_the_types_we_know_are_the_spec_s() -> None:
    assert set(messages.MESSAGE_TYPES) == tags("Message")
    assert set(messages.TEMPLATE_TYPES) == tags("Template")
    assert set(messages.IMAGEMAP_ACTION_TYPES) == tags("ImagemapAction")
    assert set(actions.ACTION_TYPES) == tags("Action")
    assert set(flex.CONTAINER_TYPES) == tags("FlexContainer")
    assert set(flex.COMPONENT_TYPES) == tags("FlexComponent")
    assert set(FLEX_SCHEMAS) == set(flex.FIELDS)


@pytest.mark.parametrize("kind", sorted(FLEX_SCHEMAS))
def test_each_flex_type_has_the_spec_s_properties_and_values(kind: str) -> None:
    ours, theirs = flex.FIELDS[kind], properties(FLEX_SCHEMAS[kind])
    assert set(ours) == set(theirs)
    for key, node in theirs.items():
        values = own_enum("messaging-api", node)
        if values is not None:
            assert ours[key] == tuple(values), key
        else:
            assert not isinstance(ours[key], tuple), key


def test_the_spec_s_stated_limits_are_ours() -> None:
    def stated(name: str, key: str, what: str) -> Any:
        return limit("messaging-api", properties(name)[key], what)

    assert stated("PushMessageRequest", "messages", "maxItems") == facts.MESSAGES
    assert stated("QuickReply", "items", "maxItems") == facts.QUICK_REPLY_ITEMS
    assert stated("QuickReplyItem", "imageUrl", "maxLength") == facts.URL
    assert stated("Sender", "name", "maxLength") == facts.SENDER_NAME
    assert stated("Sender", "iconUrl", "maxLength") == facts.URL
    assert stated("RichMenuResponse", "areas", "maxItems") == facts.RICH_MENU_AREAS
    assert stated("RichMenuRequest", "name", "maxLength") == facts.RICH_MENU_NAME_GRAPHEMES
    assert stated("RichMenuRequest", "chatBarText", "maxLength") == facts.CHAT_BAR_TEXT_GRAPHEMES
    assert stated("PostbackAction", "data", "maxLength") == facts.ACTION_DATA
    assert stated("DatetimePickerAction", "data", "maxLength") == facts.ACTION_DATA
    assert stated("RichMenuSwitchAction", "data", "maxLength") == facts.ACTION_DATA
    assert stated("RichMenuSwitchAction", "richMenuAliasId", "maxLength") == facts.ALIAS_ID
    assert stated("ClipboardAction", "clipboardText", "maxLength") == facts.CLIPBOARD_TEXT
    assert stated("ClipboardImagemapAction", "clipboardText", "maxLength") == facts.CLIPBOARD_TEXT
    assert stated("AltUri", "desktop", "maxLength") == facts.ALT_URI
    assert stated("CouponMessage", "deliveryTag", "maxLength") == facts.COUPON_DELIVERY_TAG


@pytest.mark.parametrize("message", list(valid_messages().values()), ids=list(valid_messages()))
def test_the_valid_corpus_fits_the_spec_s_facts(message: Any) -> None:
    errors = structure_errors("messaging-api")
    assert errors(codec.unstructure(message), "Message") == []


def test_a_valid_rich_menu_fits_the_spec_s_facts() -> None:
    errors = structure_errors("messaging-api")
    assert errors(codec.unstructure(rich_menu()), "RichMenuRequest") == []


def test_the_valid_corpus_and_rich_menu_are_valid_for_the_spec_s_schemas() -> None:
    errors = schema_errors("messaging-api")  # skips without the spec
    found = {name: problems for name, message in valid_messages().items()
             if (problems := errors(codec.unstructure(message), "Message"))}
    assert found == {}
    assert errors(codec.unstructure(rich_menu()), "RichMenuRequest") == []


def test_the_spec_folder_is_where_the_support_module_says() -> None:
    load_spec("messaging-api")
    assert SPEC_DIR.is_dir()
