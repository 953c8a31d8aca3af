"""The family tables: one per tagged family, written on its base, and complete.

``Base.family`` maps each wire tag to ``"module:Class"``; the codec, compat and
the testing kit read it. Every row must name a member of that family carrying
that tag, where it is defined; every tagged member must have its row; the
unknown member must stand for the family. Adding a kind is one class and one row.
"""

from __future__ import annotations

import dataclasses

import pytest
from model_samples import model_classes

import linebot_fp.models
from linebot_fp.models._base import Family, Unknown, family_of

BASES = [cls for cls in model_classes() if family_of(cls) is not None]


def test_every_tagged_family_has_a_table() -> None:
    names = {cls.__name__ for cls in BASES}
    assert {"Event", "Source", "Message", "Mentionee", "SendMessage", "Action", "FlexComponent",
            "FlexContainer", "Template", "ImagemapAction", "Recipient", "DemographicFilter",
            "RichMenuBatchOperation", "Things", "MembershipContent", "ModuleContent"} <= names
    assert len(BASES) == 27


@pytest.mark.parametrize("base", BASES, ids=lambda cls: cls.__name__)
def test_each_row_names_a_member_with_that_tag_where_it_is_defined(base: type) -> None:
    table = family_of(base)
    assert isinstance(table, Family)
    for tag, where in table.items():
        member = table.member(tag)
        assert member is not None
        assert issubclass(member, base), where
        assert member is not base, where
        assert member.__dict__.get("type") == tag, where
        assert where == f"{member.__module__}:{member.__qualname__}"
        assert dataclasses.is_dataclass(member)
        assert getattr(linebot_fp.models, member.__name__) is member  # and it is public
    if table.unknown is not None:
        unknown = table.unknown_member()
        assert unknown is not None
        assert issubclass(unknown, base)
        assert issubclass(unknown, Unknown)
        assert table.unknown == f"{unknown.__module__}:{unknown.__qualname__}"


def test_every_tagged_member_has_its_row() -> None:
    for cls in model_classes():
        tag = cls.__dict__.get("type")
        if not isinstance(tag, str):
            continue
        bases = [base for base in cls.__mro__[1:] if family_of(base) is not None]
        if not bases:
            continue  # tagged but in no family (QuickReplyButton's "action")
        table = family_of(bases[0])
        assert table is not None
        assert table.get(tag) == f"{cls.__module__}:{cls.__qualname__}", cls.__name__
    for cls in model_classes():
        if issubclass(cls, Unknown) and family_of(cls) is None:
            base = next(base for base in cls.__mro__ if family_of(base) is not None)
            assert family_of(base).unknown == f"{cls.__module__}:{cls.__qualname__}"


def test_a_member_is_no_family_and_an_unknown_tag_names_nothing() -> None:
    from linebot_fp.models import Event, MessageEvent

    assert family_of(MessageEvent) is None  # it inherits the table, but declares none
    assert MessageEvent.family is Event.family
    assert Event.family.member("no-such-event") is None
    assert "no-such-event" not in Event.family
    assert Event.family["messageEdited"] == (
        "linebot_fp.models._events.message_edited:MessageEditedEvent")
    assert "'message': 'linebot_fp.models._events.message:MessageEvent'" in repr(Event.family)
