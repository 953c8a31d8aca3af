"""Messages, flex containers, quick replies and rich menus checked against LINE's limits.

* :func:`validate` checks a value offline against LINE's documented limits
  (:mod:`linebot_fp.validation.facts`, each number with the page that states it)
  and returns its problems, an empty tuple when it is valid.
* :func:`read_flex` reads a Flex Message Simulator paste strictly: an unknown
  ``type`` or ``layout``, a missing required field or a property nobody knows is
  reported with its pointer, not silently read as an ``Unknown...`` member.
* :func:`confirm` (:func:`confirm_async`) asks LINE's validate endpoints, and
  :func:`problems_from_error` reads any 400 answer, into the same problems.

Each :class:`Problem` names its ``property`` as LINE names it in an error's
``details[].property`` (``messages[0].text``,
``messages[0].contents.contents[1].body.contents[0].layout``) and says in
``message`` which limit it breaks. Only ``confirm`` performs I/O, through the
client it is given.
"""

from __future__ import annotations

from linebot_fp.validation.dispatch import validate
from linebot_fp.validation.flex_reader import read_flex
from linebot_fp.validation.online import (
    confirm,
    confirm_async,
    problems_from_error,
    validation_request,
)
from linebot_fp.validation.problems import Problem

__all__ = ["Problem", "confirm", "confirm_async", "problems_from_error", "read_flex", "validate",
           "validation_request"]
