"""Decoding the answers of insight, audience, channel token, LIFF and module endpoints.

The samples (tests/response_samples_other.py) decode through ``codec.structure`` to
the expected models; the models cover every property of the spec's response
schemas (nothing received is dropped); every model round-trips through JSON. The spec's
facts come from tests/spec_facts.json; the full schemas and the spec's examples are read
from the spec, and those checks skip, saying why, without it.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, Union

import pytest
from facts_support import kind_of, operations, properties, ref, structure_errors
from hypothesis import given, settings, strategies as st
from response_samples_other import LENIENT_SAMPLES, SAMPLES
from spec_support import load_spec, schema_errors

from linebot_fp import codec
from linebot_fp.api import audience, channel_token, insight, liff, module, shop, webhook
from linebot_fp.api._registry import OPERATIONS, RESPONSES, answer_type
from linebot_fp.models import (
    audience as audience_models,
    channel_token as token_models,
    insight as insight_models,
    liff as liff_models,
    module as module_models,
    shop as shop_models,
)
from linebot_fp.models._base import Model

SPEC_FILES = ("insight", "manage-audience", "channel-access-token", "liff", "module",
              "module-attach", "shop", "webhook")
BUILDER_MODULES = (audience, channel_token, insight, liff, module, shop, webhook)
MODEL_MODULES = (audience_models, token_models, insight_models, liff_models, module_models,
                 shop_models)
MODELS = sorted({value for mod in MODEL_MODULES for name in mod.__all__
                 if isinstance(value := getattr(mod, name), type) and issubclass(value, Model)},
                key=lambda cls: cls.__name__)
MY_BUILDERS = {name for mod in BUILDER_MODULES for name in mod.__all__
               if callable(getattr(mod, name))}
OPERATION_OF = {builder.__name__: operation_id for operation_id, builder in OPERATIONS.items()}


def _ids(rows: list[tuple[Any, ...]]) -> list[str]:
    return [f"{row[0]}-{index}" for index, row in enumerate(rows)]


@pytest.mark.parametrize(("builder", "status", "body", "expected"), SAMPLES + LENIENT_SAMPLES,
                         ids=_ids(SAMPLES + LENIENT_SAMPLES))
def test_answer_decodes_to_the_expected_model(builder, status, body, expected):
    cls = answer_type(builder)
    assert isinstance(cls, type)
    assert 200 <= status < 300
    assert codec.structure(body, cls) == expected
    assert codec.structure(codec.loads(json.dumps(body).encode()), cls) == expected
    assert type(codec.structure(body, cls)) is type(expected)


def test_every_answering_builder_here_has_a_sample():
    answering = {name for name in MY_BUILDERS if name in RESPONSES}
    assert answering == {row[0] for row in SAMPLES}


def test_every_answer_class_reads_an_empty_object():
    for name in sorted(MY_BUILDERS & set(RESPONSES)):
        cls = answer_type(name)
        assert isinstance(cls, type)
        empty = codec.structure({}, cls)
        assert all(getattr(empty, f.name) is None for f in dataclasses.fields(cls))


def test_a_body_of_the_wrong_shape_is_a_clear_error():
    with pytest.raises(ValueError, match="GetModulesResponse"):
        codec.structure([], answer_type("get_modules"))  # type: ignore[arg-type]


# -- against the spec ------------------------------------------------------------------------------


def _answers() -> dict[str, tuple[str, str, str]]:
    """operationId -> (spec file, status, kind) of its 2xx JSON answer."""
    found = {}
    for operation_id, op in operations(*SPEC_FILES).items():
        for status, content in op.responses.items():
            if status.startswith("2") and "application/json" in content:
                found[operation_id] = (op.file, status, content["application/json"])
    return found


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def _samples_with_answers() -> list[tuple[str, str, str, Any]]:
    """(builder, spec file, kind, body) of each sample whose operation the spec answers."""
    answers = _answers()
    found = []
    for builder, status, body, _ in SAMPLES:
        operation_id = OPERATION_OF.get(builder)
        if operation_id not in answers:
            continue  # legacy-only endpoints the spec no longer lists
        file, spec_status, kind = answers[operation_id]
        assert str(status) == spec_status, builder
        found.append((builder, file, kind, body))
    return found


def test_samples_follow_the_spec_response_schemas():
    # keys beyond the schema are accepted: LINE sends some (the spec's examples show them)
    samples = _samples_with_answers()
    for builder, file, kind, body in samples:
        assert structure_errors(file, extra_keys=True)(body, kind) == [], builder
    assert len(samples) >= 30


def test_samples_are_valid_against_the_full_response_schemas():
    for builder, file, kind, body in _samples_with_answers():
        # skips without the spec
        assert schema_errors(file, extra_keys=True)(body, kind.removeprefix("#")) == [], builder


def _wire_keys(cls: type) -> dict[str, dataclasses.Field[Any]]:
    return {codec.wire_key(cls, f): f for f in dataclasses.fields(cls)}


def _inner_model(hint: Any) -> type | None:
    """The model class inside ``X | None`` or ``tuple[X, ...] | None``, if any."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) in (tuple, Sequence):
        hint = typing.get_args(hint)[0]
    return hint if isinstance(hint, type) and issubclass(hint, Model) else None


def _missing(cls: type, kind: str, file: str, where: str) -> list[str]:
    """Properties of the schema of ``kind`` (recursively) that ``cls`` has no field for."""
    name = ref(kind_of(kind).strip("[]"))
    if name is None:
        return []
    keys = _wire_keys(cls)
    hints = typing.get_type_hints(cls)
    declared, _ = properties(file, name)
    problems = [f"{where}.{key}" for key in declared if key not in keys]
    for key, prop in declared.items():
        inner = _inner_model(hints[keys[key].name]) if key in keys else None
        if inner is not None:
            problems += _missing(inner, kind_of(prop), file, f"{where}.{key}")
    return problems


def test_answer_models_have_a_field_for_every_property_of_the_spec():
    problems, checked = [], 0
    for operation_id, (file, _, kind) in _answers().items():
        if operation_id == "callback":
            continue  # the "answer" is the bot's plain OK
        cls = answer_type(OPERATIONS[operation_id].__name__)
        assert isinstance(cls, type), operation_id
        problems += _missing(cls, kind, file, cls.__name__)
        checked += 1
    assert checked == 25
    assert not problems


def test_spec_examples_decode_without_losing_anything():
    checked = 0
    for operation_id, (file, status, _) in _answers().items():
        if operation_id == "callback":
            continue
        op = operations(file)[operation_id]
        # the examples are in the spec only: skips without it
        answers = load_spec(file)["paths"][op.path][op.method.lower()]["responses"]
        media = next(answer for code, answer in answers.items()
                     if str(code) == status)["content"]["application/json"]
        examples = [media["example"]] if "example" in media else [
            example["value"] for example in media.get("examples", {}).values()]
        cls = answer_type(OPERATIONS[operation_id].__name__)
        assert isinstance(cls, type)
        for example in examples:
            decoded = codec.structure(example, cls)
            assert codec.unstructure(decoded) == _without_nulls(example), operation_id
            checked += 1
    assert checked >= 25


def test_request_objects_match_what_the_builders_send():
    cases = [
        (audience.create_audience_group("n", ["U1"], True, "job"),
         audience_models.CreateAudienceGroupRequest),
        (audience.add_audiences_to_audience_group(5, [{"id": "U1"}], "job"),
         audience_models.AddAudienceToAudienceGroupRequest),
        (audience.create_click_audience_group("n", "r", "https://x"),
         audience_models.CreateClickBasedAudienceGroupRequest),
        (audience.create_imp_audience_group("n", "r"),
         audience_models.CreateImpBasedAudienceGroupRequest),
        (audience.rename_audience_group(5, "n"),
         audience_models.UpdateAudienceGroupDescriptionRequest),
        (module.detach_module("U1"), module_models.DetachModuleRequest),
        (module.acquire_chat_control("U1", True, 60), module_models.AcquireChatControlRequest),
        (shop.mission_sticker_v3("U1", "p"), shop_models.MissionStickerRequest),
    ]
    for request, cls in cases:
        assert request.body is not None
        sent = json.loads(request.body)
        model = codec.structure(sent, cls)
        assert codec.unstructure(model) == sent, cls.__name__


def test_request_objects_check_their_counts():
    with pytest.raises(ValueError, match="audiences"):
        audience_models.CreateAudienceGroupRequest(
            description="n", audiences=[audience_models.Audience(id="U")] * 10_001)
    with pytest.raises(ValueError, match="ttl"):
        module_models.AcquireChatControlRequest(ttl=31_536_001)
    with pytest.raises(ValueError, match="to"):
        shop_models.MissionStickerRequest(to=None, product_id="p", product_type="STICKER",
                                          send_present_message=False)  # type: ignore[arg-type]


# -- round trips ---------------------------------------------------------------------------------

_SPECIAL: dict[tuple[type, str], st.SearchStrategy[Any]] = {
    (module_models.AcquireChatControlRequest, "ttl"):
        st.none() | st.integers(0, module_models.MAX_CHAT_CONTROL_TTL),
}


def _strategy(hint: Any) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return st.one_of(*(st.none() if arg is type(None) else _strategy(arg) for arg in args))
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (tuple, Sequence):
        return st.lists(_strategy(args[0]), max_size=3).map(tuple)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(-(2**53), 2**53)
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if hint is str:
        return st.text(max_size=8)
    assert isinstance(hint, type), hint
    assert issubclass(hint, Model), hint
    return _model_strategy(hint)


def _model_strategy(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{f.name: _SPECIAL[cls, f.name] if (cls, f.name) in _SPECIAL
                             else _strategy(hints[f.name]) for f in dataclasses.fields(cls)})


@pytest.mark.parametrize("cls", MODELS, ids=[cls.__name__ for cls in MODELS])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_model_round_trips_through_json(cls, data):
    value = data.draw(_model_strategy(cls))
    assert codec.structure(codec.unstructure(value), cls) == value
    assert codec.structure(json.loads(codec.dumps(value)), cls) == value


def test_snake_case_answers_keep_snake_keys():
    token = token_models.IssueChannelTokenResponseV2(access_token="a", expires_in=1, key_id="k")
    assert codec.unstructure(token) == {"access_token": "a", "expires_in": 1, "key_id": "k"}
    attached = module_models.AttachModuleResponse(bot_id="U1", scopes=("message:send",))
    assert codec.unstructure(attached) == {"bot_id": "U1", "scopes": ["message:send"]}


def test_model_modules_export_sorted_names():
    for mod in MODEL_MODULES:
        assert list(mod.__all__) == sorted(mod.__all__)
        for name in mod.__all__:
            assert hasattr(mod, name), f"{mod.__name__}.{name}"
