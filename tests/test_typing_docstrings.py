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
