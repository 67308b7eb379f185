"""How domains are put together: the shared core, each domain's setup, their contracts.

Each domain (the library today; editing and render next) contributes its services,
routers, job handlers and event types through one ``DomainSetup``; ``create_app`` and
the CLI compose a tuple of them, so adding a domain touches no other domain's code.
A domain that must ask another one something does it through a small protocol that
the asking domain defines and the answering domain registers here at wiring time
(``Registry``), never through an import. See ``docs/design/03-wiring.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from stoat_ferret.db import Database, UnitOfWork
from stoat_ferret.events.callback import EventCallback
from stoat_ferret.ffmpeg import ProbeBackend
from stoat_ferret.jobs import AsyncJobQueue, JobHandler
from stoat_ferret.settings import Settings

if TYPE_CHECKING:
    from fastapi import APIRouter

T = TypeVar("T")


class Contribution(Generic[T]):
    """A typed key under which domains register implementations of one protocol."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Contribution({self.name!r})"


class Registry:
    """What the domains contribute to each other, filled while they are set up.

    Sealed once every domain is set up: a registration at run time would make the
    answer to "who uses this video?" depend on timing.
    """

    def __init__(self) -> None:
        self._items: dict[Contribution[Any], list[Any]] = {}
        self._sealed = False

    def add(self, key: Contribution[T], item: T) -> None:
        if self._sealed:
            raise RuntimeError(f"{key!r}: registrations are closed once the app is wired")
        self._items.setdefault(key, []).append(item)

    def all(self, key: Contribution[T]) -> tuple[T, ...]:
        """Every registered implementation, in registration order (none: empty)."""
        return tuple(self._items.get(key, ()))

    def seal(self) -> None:
        self._sealed = True


@dataclass(frozen=True)
class Core:
    """What every domain may use: built once per process before any domain."""

    settings: Settings
    database: Database
    queue: AsyncJobQueue
    publish: EventCallback
    """Where events go once their unit of work has committed (the event hub)."""
    probe_backend: ProbeBackend
    registry: Registry = field(default_factory=Registry)

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One session, one transaction; its events reach ``publish`` after commit."""
        return self.database.unit_of_work(self.publish)


class Domain(Protocol):
    """What the wiring needs from every built domain."""

    @property
    def job_handlers(self) -> Mapping[str, JobHandler]: ...

    @property
    def event_types(self) -> frozenset[str]: ...


D = TypeVar("D", bound=Domain)


@dataclass(frozen=True)
class DomainSetup(Generic[D]):
    """One domain's entry in the composition: its routers and its setup function.

    ``routers`` are known before start-up (the OpenAPI schema is built without a
    lifespan); ``setup`` runs at start-up, once the core exists, and does no I/O.
    """

    name: str
    setup: Callable[[Core], D]
    routers: tuple[APIRouter, ...] = ()


class Domains:
    """The built domains, looked up by their type (``domains.get(LibraryDomain)``)."""

    def __init__(self, built: tuple[Domain, ...]) -> None:
        self._by_type: dict[type, Domain] = {type(domain): domain for domain in built}

    def get(self, kind: type[D]) -> D:
        found = self._by_type.get(kind)
        if not isinstance(found, kind):
            raise LookupError(f"the {kind.__name__} domain is not part of this app")
        return found

    def __iter__(self) -> Iterator[Domain]:
        return iter(self._by_type.values())


def wire(core: Core, setups: tuple[DomainSetup[Any], ...]) -> Domains:
    """Set every domain up, register their job handlers, then seal the registry.

    Raises:
        ValueError: two domains claim the same job type or event type.
    """
    built: list[Domain] = []
    job_types: dict[str, str] = {}
    event_types: dict[str, str] = {}
    for entry in setups:
        domain = entry.setup(core)
        for job_type, handler in domain.job_handlers.items():
            _claim(job_types, job_type, entry.name, "job type")
            # A handler the caller put on an injected queue beforehand wins (tests).
            if not core.queue.has_handler(job_type):
                core.queue.register_handler(job_type, handler)
        for event_type in domain.event_types:
            _claim(event_types, event_type, entry.name, "event type")
        built.append(domain)
    core.registry.seal()
    return Domains(tuple(built))


def _claim(owners: dict[str, str], name: str, domain: str, what: str) -> None:
    if name in owners:
        raise ValueError(f"{what} {name!r} is claimed by both {owners[name]} and {domain}")
    owners[name] = domain
