"""The engine's JSON encoder: pre-encoded text as it is, every other value as before."""

from __future__ import annotations

import json

from stoat_ferret.db.json_text import EncodedJSON, json_serializer


def test_encoded_text_is_stored_verbatim_and_other_values_are_encoded() -> None:
    text = '{"tracks": [{"clips": []}], "name": "a\\"b"}'
    assert json_serializer(EncodedJSON(text)) == text
    # A plain string is a JSON string value, not JSON text: it is quoted as always.
    assert json_serializer(text) == json.dumps(text)
    assert json_serializer({"a": [1, 2.5, None]}) == '{"a": [1, 2.5, null]}'
