"""Settings that would weaken the server are refused when they are read."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from stoat_ferret.settings import Settings, describe_settings_error


def refusal(**values: object) -> str:
    with pytest.raises(ValidationError) as caught:
        Settings(**values)  # type: ignore[arg-type]
    return describe_settings_error(caught.value)


@pytest.mark.parametrize("token", ["", " ", "\t \n"])
def test_an_empty_or_blank_token_is_an_invalid_setting(token: str) -> None:
    assert refusal(api_token=token).startswith("invalid setting STOAT_API_TOKEN:")


def test_an_empty_token_from_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The original defect: STOAT_API_TOKEN= (set, but empty) switched auth off.
    monkeypatch.setenv("STOAT_API_TOKEN", "")
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert "STOAT_API_TOKEN" in describe_settings_error(caught.value)


def test_a_token_with_surrounding_whitespace_is_refused() -> None:
    assert "whitespace" in refusal(api_token=" s3cret")


def test_a_token_of_any_characters_is_accepted() -> None:
    token = Settings(api_token="Grüße-✓-s3cret").api_token
    assert token is not None and token.get_secret_value() == "Grüße-✓-s3cret"


def test_body_limit_defaults_to_one_mebibyte_and_must_be_positive() -> None:
    assert Settings().max_body_bytes == 1_048_576
    assert refusal(max_body_bytes=0).startswith("invalid setting STOAT_MAX_BODY_BYTES:")


def test_cors_origins_are_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().cors_origins == []
    monkeypatch.setenv("STOAT_CORS_ORIGINS", "https://a.example, http://localhost:5173,")
    assert Settings().cors_origins == ["https://a.example", "http://localhost:5173"]


@pytest.mark.parametrize(
    "origin",
    ["*", "a.example", "https://a.example/", "https://a.example/app", "https://*.a.example"],
)
def test_a_cors_entry_that_is_not_an_origin_is_refused(origin: str) -> None:
    assert refusal(cors_origins=[origin]).startswith("invalid setting STOAT_CORS_ORIGINS:")
