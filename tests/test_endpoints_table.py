"""The one table of endpoints (``linebot_fp.api._endpoints``) is what the builders send.

Every builder is called with valid arguments (``test_hostile_builders.valid_arguments``)
and its request must be its row: operation, method, host and the path template with the
arguments filled in. The rows' operationIds must be the registry's ``OPERATIONS``, and
each row of a spec operation its method, path, success status and host as the spec's
facts (tests/spec_facts.json) have them. The views derived from the table keep their
public names, and a reply never loads it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from facts_support import operations, success
from test_hostile_builders import valid_arguments
from test_imports import run

from linebot_fp import api
from linebot_fp.api import _paths, _registry
from linebot_fp.api._endpoints import ENDPOINTS, ROUTES
from linebot_fp.api._paths import parameter_name
from linebot_fp.request import BASE_URLS, RETRY_KEY, RETRY_KEY_PATHS
from linebot_fp.testing import api_limits, line_answers


def builder_names() -> set[str]:
    return {name for name in api.__all__ if callable(getattr(api, name))}


def test_every_builder_has_a_row_and_every_row_a_builder() -> None:
    assert set(ENDPOINTS) == builder_names()
    assert len(ENDPOINTS) > 100


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_each_builder_sends_what_its_row_says(name: str) -> None:
    builder = getattr(api, name)
    arguments = valid_arguments(name, builder)
    row = ENDPOINTS[name]
    ids = {placeholder: quote(str(arguments[parameter_name(placeholder)]), safe="")
           for placeholder in re.findall(r"\{(\w+)\}", row.path)}
    request = builder(**arguments)
    assert (request.operation, request.method, request.base, request.path) == (
        name, row.method, row.base, row.path.format_map(ids))


def test_no_two_rows_share_an_endpoint() -> None:
    endpoints = [(row.method, row.path) for row in ENDPOINTS.values()]
    assert len(set(endpoints)) == len(endpoints)


def test_the_operation_ids_are_the_registrys() -> None:
    _registry.load_all()
    ours = {row.operation_id: name for name, row in ENDPOINTS.items()
            if row.operation_id is not None}
    assert ours == {operation_id: builder.__name__
                    for operation_id, builder in _registry.OPERATIONS.items()}


def test_each_spec_operation_is_its_row() -> None:
    rows = {row.operation_id: row for row in ENDPOINTS.values()}
    for operation_id, op in operations().items():
        row = rows[operation_id]
        assert (row.method, row.path, row.status) == (
            op.method, op.path, int(success(op)[0])), operation_id
        if op.host in BASE_URLS.values():
            assert BASE_URLS[row.base] == op.host, operation_id
        else:  # the spec's callback: the bot's own host
            assert row.base == "webhook", operation_id
    assert set(operations()) == {row.operation_id for row in ENDPOINTS.values()} - {None}


def test_the_retry_key_paths_are_the_spec_operations_taking_the_header() -> None:
    taking = {op.path for op in operations().values()
              if RETRY_KEY in op.parameter_names("header")}
    assert taking == RETRY_KEY_PATHS
    assert taking <= {row.path for row in ENDPOINTS.values() if row.method == "POST"}


def test_the_derived_views_keep_their_names() -> None:
    assert _paths.ROUTES == ROUTES
    assert set(ROUTES) == {row.path for row in ENDPOINTS.values()}
    with pytest.raises(AttributeError, match="NO_SUCH"):
        _paths.NO_SUCH  # noqa: B018  # the lazy attribute hook names what is missing
    lines = {row.operation_id: (row.method, row.path, row.status)
             for row in ENDPOINTS.values()
             if row.operation_id is not None and row.base != "webhook"}  # LINE's, not the bot's
    assert lines == line_answers.ENDPOINTS
    for name, (method, path) in api_limits.ENDPOINTS.items():
        assert (ENDPOINTS[name].method, ENDPOINTS[name].path) == (method, path)


def test_a_reply_or_a_push_never_loads_the_table() -> None:
    assert run("import sys\n"
               "from linebot_fp.api import push_message, reply_message\n"
               "from linebot_fp.models import TextSendMessage\n"
               "reply_message('r', TextSendMessage(text='hi'))\n"
               "push_message('U1', TextSendMessage(text='hi'))\n"
               "print('linebot_fp.api._endpoints' in sys.modules)\n"
               "from linebot_fp.api import get_profile\n"
               "get_profile('U1')  # an id in the path: the table is read\n"
               "print('linebot_fp.api._endpoints' in sys.modules)\n").split() == ["False", "True"]
