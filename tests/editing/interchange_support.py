"""Helpers of the interchange tests: library sources for a document, ids, comparison."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from stoat_ferret.editing.document import ProjectDocument, document_to_json
from stoat_ferret.editing.interchange import MediaQuery, SourceInfo


def sources_of(document: ProjectDocument, fps: int | None = None) -> dict[str, SourceInfo]:
    """A library file for every source a document's clips use (exact durations)."""
    rate = fps or document.settings.output_fps
    return {
        clip.source_id: SourceInfo(
            clip.source_id, f"/library/{clip.source_id}.mp4", clip.source_frames / rate
        )
        for track in document.tracks
        for clip in track.clips
    }


def resolver(sources: dict[str, SourceInfo]) -> Callable[[MediaQuery], SourceInfo | None]:
    """Resolve by our id, else by the file URL (as the service will)."""
    by_url = {f"file://{source.path}": source for source in sources.values()}

    def resolve(query: MediaQuery) -> SourceInfo | None:
        if query.source_id is not None and query.source_id in sources:
            return sources[query.source_id]
        return by_url.get(query.target_url or "")

    return resolve


def counter() -> Callable[[], str]:
    numbers = itertools.count()
    return lambda: f"new{next(numbers)}"


def canonical(document: ProjectDocument) -> dict[str, Any]:
    """The document's JSON with ids renamed by position, so two imports compare equal."""
    data = document_to_json(document)
    names: dict[str, str] = {}
    for t_index, track in enumerate(data["tracks"]):
        names[track["id"]] = f"track{t_index}"
        track["id"] = names[track["id"]]
        for c_index, clip in enumerate(track["clips"]):
            names[clip["id"]] = f"clip{t_index}.{c_index}"
            clip["id"] = names[clip["id"]]
    for transition in data["transitions"]:
        transition["from_clip_id"] = names[transition["from_clip_id"]]
        transition["to_clip_id"] = names[transition["to_clip_id"]]
        transition["id"] = f"transition-from-{transition['from_clip_id']}"
    data["transitions"].sort(key=lambda t: t["id"])
    return data
