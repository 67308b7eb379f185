"""``stoat-ferret serve`` on PostgreSQL: a real server process, a real scan, real searches.

The server gets nothing but ``STOAT_DATABASE_URL`` (in libpq's ``postgresql://``
spelling, which the setting turns into asyncpg's); it migrates the empty database at
start-up, scans ffmpeg-made clips, and lists and searches them from PostgreSQL. No
SQLite file appears in the data dir, and a rescan of the same folder duplicates
nothing (upsert by path).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import httpx

from stoat_ferret.settings import DATABASE_FILENAME
from tests.support.corpus import copy_corpus
from tests.support.postgres import PostgresServer
from tests.support.processes import free_port, server_process


def scan(client: httpx.Client, root: Path) -> dict[str, Any]:
    response = client.post("/api/v1/videos/scan", json={"path": str(root)})
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    job = client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 60}, timeout=70).json()
    assert job["status"] == "complete", job
    return dict(job["result"])


def test_server_on_postgres_scans_lists_and_searches(
    tmp_path: Path,
    clip_templates: dict[str, Path],
    postgres_server: PostgresServer,
    postgres_url: str,
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 9)  # part0..part2 / clip_0000..0008
    shutil.copyfile(clip_templates["mp4"], root / "Grüße aus KÖLN.mp4")
    data_dir = tmp_path / "data"
    database = postgres_url.rsplit("/", 1)[1]
    port = free_port()
    argv = [sys.executable, "-m", "stoat_ferret.cli.main", "serve"]
    argv += ["--data-dir", str(data_dir), "--port", str(port)]
    env = {"STOAT_DATABASE_URL": postgres_server.url(database, driver="")}

    with (
        server_process(argv, port, env=env) as (url, _),
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        ready = client.get("/health/ready").json()
        assert ready["checks"]["database"] == {"ok": True, "detail": "postgresql answered"}
        assert scan(client, root)["new"] == 10

        page = client.get("/api/v1/videos", params={"sort": "filename", "limit": 4}).json()
        assert page["total"] == 10
        # Byte order (collation "C"), as on SQLite: capitals before lower case.
        assert [v["filename"] for v in page["videos"]] == [
            "Grüße aus KÖLN.mp4",
            "clip_0000.mkv",
            "clip_0001.mov",
            "clip_0002.mp4",
        ]
        found = client.get("/api/v1/videos/search", params={"q": "köln"}).json()
        assert [v["filename"] for v in found["videos"]] == ["Grüße aus KÖLN.mp4"]
        in_part1 = client.get("/api/v1/videos/search", params={"q": "part1 clip"}).json()
        assert in_part1["total"] == 3
        short = client.get("/api/v1/videos/search", params={"q": "t2"}).json()  # LIKE path
        assert {v["path"].split("/")[-2] for v in short["videos"]} == {"part2"}

        again = scan(client, root)
        assert again["new"] == 0 and again["updated"] == 0
        assert client.get("/api/v1/videos").json()["total"] == 10

    rows = postgres_server.psql("SELECT count(*) FROM videos", database=database)
    assert rows == "10"
    assert not (data_dir / DATABASE_FILENAME).exists()
