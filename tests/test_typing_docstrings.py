"""Every public builder's docstring says what each parameter is, what it answers, what it raises.

One style throughout (Google: ``Args:`` / ``Returns:`` / ``Raises:``, rendered
by pdoc), so a parameter added without a word about it fails here.
"""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from linebot_fp import api
from linebot_fp.api import _registry
from linebot_fp.errors import InvalidInputError

BUILDERS = {name: getattr(api, name) for name in api.__all__
            if inspect.isfunction(getattr(api, name))}


def sections(doc: str) -> dict[str, str]:
    """The text of each ``Name:`` section of a Google-style docstring, and the summary."""
    parts = re.split(r"^(Args|Returns|Raises):\n", inspect.cleandoc(doc), flags=re.M)
    found = {"summary": parts[0]}
    found.update(zip(parts[1::2], parts[2::2], strict=True))
    return found


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_docstring_documents_the_builder(name):
    builder = BUILDERS[name]
    doc = sections(builder.__doc__ or "")
    summary = doc["summary"].splitlines()[0]
    assert summary.endswith("."), summary  # one line: PEP 257
    assert summary[0].isupper(), summary
    parameters = list(inspect.signature(builder).parameters)
    documented = re.findall(r"^    (\w+): ", doc.get("Args", ""), flags=re.M)
    assert documented == parameters  # each one, in the signature's order
    assert doc.get("Returns", "").lstrip().startswith(f"``{builder.__annotations__['return']}``")
    if parameters:
        assert doc.get("Raises", "").lstrip().startswith("InvalidInputError: ")
    else:
        assert "Raises" not in doc


def test_builder_modules_declare_their_docstring_format():
    for family in _registry.FAMILIES:
        assert importlib.import_module(family).__docformat__ == "google", family


# -- what the Raises sections promise for ids in a path holds ---------------------------------

PATH_ID = re.compile(r"InvalidInputError: ((?:``\w+``(?: or ``\w+``)?)) is not an id usable in a "
                     r"path")


def plausible_arguments(builder) -> dict[str, object]:
    """Valid arguments for ``builder``, by parameter name and annotation."""
    from linebot_fp.models import RichMenuAlias, UpdateLiffAppRequest

    special = {"rich_menu_alias": RichMenuAlias(rich_menu_id="richmenu-1"),
               "liff_app": UpdateLiffAppRequest(), "content_type": "image/png",
               "content": b"\x89PNG", "from_date": "20240101", "to_date": "20240131"}
    arguments: dict[str, object] = {}
    for name, parameter in inspect.signature(builder).parameters.items():
        if name in special:
            arguments[name] = special[name]
        elif parameter.default is inspect.Parameter.empty:
            arguments[name] = "U1"
    return arguments


CLAIMS = sorted((name, param) for name, builder in BUILDERS.items()
                for match in PATH_ID.finditer(builder.__doc__ or "")
                for param in re.findall(r"``(\w+)``", match[1]))


def test_path_id_claims_are_found():
    assert len(CLAIMS) >= 35


@pytest.mark.parametrize(("name", "param"), CLAIMS)
@pytest.mark.parametrize("bad", ["", ".", "..", 42])
def test_a_path_id_raises_as_documented(name, param, bad):
    builder = BUILDERS[name]
    arguments = {**plausible_arguments(builder), param: "U1"}
    builder(**arguments)  # the plausible arguments are fine
    with pytest.raises(InvalidInputError, match=param):
        builder(**{**arguments, param: bad})
