"""The event stream: every job and library change as a numbered, persisted event."""

from stoat_ferret.events.callback import EventCallback
from stoat_ferret.events.hub import EventHub, Subscription
from stoat_ferret.events.models import Event
from stoat_ferret.events.repository import EventRepository

__all__ = ["Event", "EventCallback", "EventHub", "EventRepository", "Subscription"]
