"""The ready apps, the webhook endpoints and the async transports type-check as a user
uses them: tests/typing/apps_sample.py under mypy --strict and pyright."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_typing import CHECKERS, by_file

SAMPLE = Path(__file__).parent / "typing" / "apps_sample.py"


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_a_bot_on_the_apps_and_transports_type_checks(checker):
    _, errors = CHECKERS[checker](SAMPLE)
    assert by_file(errors).get(SAMPLE.name, set()) == set(), errors


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_a_wrong_handler_table_is_caught(checker, tmp_path):
    wrong = tmp_path / "apps_wrong.py"
    wrong.write_text(SAMPLE.read_text().replace(
        'endpoint = webhook_endpoint("secret", {(MessageEvent, TextMessage): echo})',
        'endpoint = webhook_endpoint("secret", [echo])'))
    assert wrong.read_text() != SAMPLE.read_text()
    _, errors = CHECKERS[checker](wrong)
    assert wrong.name in by_file(errors)
