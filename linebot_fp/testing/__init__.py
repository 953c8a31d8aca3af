"""Tools for testing bots without mocking HTTP.

``FakeLineApi`` is a real HTTP server on 127.0.0.1 playing the LINE API.
Nothing here is imported by ``import linebot_fp``.
"""

from linebot_fp.testing.fake_api import FakeLineApi, FakeResponse, RecordedRequest

__all__ = ["FakeLineApi", "FakeResponse", "RecordedRequest"]
