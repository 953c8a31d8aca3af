"""The pieces of :mod:`linebot_fp.models.sources`, one small module each: a process
imports only those it uses (see :mod:`linebot_fp.models`). This module performs no I/O."""
