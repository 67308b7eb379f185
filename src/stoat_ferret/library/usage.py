"""Who uses a video: the question the library asks other domains before a delete.

The library defines the protocol; a domain that keeps videos in use (the coming
editor: projects whose timeline names a clip) registers an implementation under
``VIDEO_USAGE`` when it is set up. The library never imports that domain, and with
none registered no video is in use. See ``docs/design/03-wiring.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from stoat_ferret.wiring import Contribution


@dataclass(frozen=True, slots=True)
class ProjectRef:
    """A project that uses a video, as a 409 ``IN_USE`` names it."""

    id: str
    name: str


class VideoUsage(Protocol):
    async def projects_using(self, session: AsyncSession, video_id: str) -> Sequence[ProjectRef]:
        """The projects that use ``video_id`` (none: an empty sequence).

        ``session`` is the delete's own unit of work, so the answer is read in the
        same transaction as the delete that depends on it.
        """
        ...


VIDEO_USAGE: Contribution[VideoUsage] = Contribution("library.video_usage")
