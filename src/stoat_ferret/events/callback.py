"""
``EventCallback``: the one type of every "call me with an event" function.

Job listeners, a handler's ``ctx.emit`` and the library service's ``emit`` all have
this shape, and all end up at :meth:`stoat_ferret.events.EventHub.publish`, so they
share one name instead of one alias per module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["EventCallback"]

EventCallback = Callable[[str, dict[str, Any]], None]
"""``callback(event_type, payload)``: publish one event; must not block or raise."""
