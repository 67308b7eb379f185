"""Errors of the editing rules; each names the field of the document it is about.

```
InvalidInputError
└── FieldValidationError      (422, ``VALIDATION_ERROR`` naming ``field``)
    └── EditRuleError         a bound of SPEC §9 "Validation"
        ├── TimelineRuleError clips, tracks, transitions, project settings
        └── EffectParameterError effect parameters outside the effect's schema
NotFoundError
└── EditTargetNotFoundError   an edit names a clip, track, effect or transition that is not there
ConflictError
├── MainTrackRequiredError    the main track cannot be removed
├── SourceMissingError        the library file of a clip's source is missing
└── NothingToUndoError        undo with nothing left to step to (NothingToRedoError: redo)
```

``field`` is a path into the edited object (``clips[c3].out_point``,
``parameters.font_size``) so the API can say exactly what was refused.
"""

from __future__ import annotations

from stoat_ferret.errors import (
    ConflictError,
    FieldValidationError,
    NotFoundError,
    cap_message,
    capped,
)


class EditRuleError(FieldValidationError):
    """An edit breaks a rule of the editor; nothing was changed."""

    def relocated(self, prefix: str) -> EditRuleError:
        """The same error with ``prefix`` put in front of its field (``clips[c1].effects[0]``)."""
        return type(self)(f"{prefix}.{self.field}", self.reason)


class TimelineRuleError(EditRuleError):
    """A clip, track, transition or project setting out of its bounds."""


class EffectParameterError(EditRuleError):
    """Effect parameters the effect's JSON Schema (or its cross-field rules) refuse."""


class EditTargetNotFoundError(NotFoundError):
    """An edit names something the document does not hold."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(cap_message(f"{field}: {message}"))
        self.field = field


class MainTrackRequiredError(ConflictError):
    """The main track is part of every project; it cannot be removed."""

    code = "MAIN_TRACK_REQUIRED"

    def __init__(self, track_id: str) -> None:
        super().__init__(f"track {track_id!r} is the main track and cannot be removed")
        self.field = "track_id"


class SourceMissingError(ConflictError):
    """A clip may not be made from a library video whose file the last scan did not find."""

    code = "SOURCE_MISSING"

    def __init__(self, field: str, video_id: str) -> None:
        super().__init__(
            f"{field}: video {capped(video_id)} is missing from the library "
            "(its file was not found by the last scan); rescan or choose another video"
        )
        self.field = field


class NothingToUndoError(ConflictError):
    """``undo`` at the project's first state, or ``redo`` with nothing undone."""

    code = "NOTHING_TO_UNDO"


class NothingToRedoError(NothingToUndoError):
    """``redo`` with nothing undone (or a new edit since the last undo)."""

    code = "NOTHING_TO_REDO"
