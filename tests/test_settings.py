"""Settings that would weaken the server are refused when they are read."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("postgresql+asyncpg://u:pw@db:5432/stoat", "postgresql+asyncpg://u:pw@db:5432/stoat"),
        ("postgresql://u:pw@db/stoat", "postgresql+asyncpg://u:pw@db/stoat"),
        ("postgres://db/stoat", "postgresql+asyncpg://db/stoat"),
        ("sqlite:////srv/stoat/library.db", "sqlite+aiosqlite:////srv/stoat/library.db"),
    ],
)
def test_database_urls_run_on_the_async_drivers(given: str, stored: str) -> None:
    settings = Settings(database_url=given)
    assert settings.database_url == stored
    assert settings.uses_postgres is stored.startswith("postgresql")
    assert "pw" not in repr(settings)


def test_the_default_database_is_the_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    default = Settings(data_dir=tmp_path)
    assert default.database_url is None and not default.uses_postgres
    assert default.database_path == tmp_path / "stoat-ferret.db"
    other = Settings(data_dir=tmp_path, database_url="sqlite:////srv/x.db")
    assert other.database_path == Path("/srv/x.db")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://db/stoat", "unsupported database 'mysql'"),
        ("postgresql+psycopg2://db/stoat", "unsupported driver 'psycopg2'"),
        ("postgresql://db", "names no database"),
        ("sqlite://", "must name a file"),
        ("  ", "the URL is empty"),
        ("not a url", "not a database URL"),
    ],
)
def test_a_database_url_we_cannot_use_is_refused_without_its_password(
    monkeypatch: pytest.MonkeyPatch, url: str, reason: str
) -> None:
    monkeypatch.setenv("STOAT_DATABASE_URL", url.replace("//", "//user:hunter2@", 1))
    with pytest.raises(ValidationError) as caught:
        Settings()
    message = describe_settings_error(caught.value)
    assert message.startswith("invalid setting STOAT_DATABASE_URL:") and reason in message
    assert "hunter2" not in message
