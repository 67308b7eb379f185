"""``stoat-ferret scan`` as a user runs it: a real process on real media."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.support.corpus import copy_corpus

CLI = [sys.executable, "-m", "stoat_ferret.cli.main"]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=300,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )  # fmt: skip


def stored_videos(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "stoat-ferret.db") as db:
        return int(db.execute("SELECT count(*) FROM videos").fetchone()[0])


def test_scan_then_rescan(tmp_path: Path, clip_templates: dict[str, Path]) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 5)
    (root / "broken.avi").write_text("not a video")
    (root / "cut.mp4").write_bytes(clip_templates["mp4"].read_bytes()[:2048])
    data = tmp_path / "data"
    first = run_cli("scan", str(root), "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    assert "scan complete" in first.stdout
    assert "broken.avi" in first.stdout  # the error list names the bad file
    # ffmpeg's own message, printed verbatim (its "[mov,mp4,...]" is not markup).
    assert "[mov,mp4,m4a,3gp,3g2,mj2] moov atom not found" in first.stdout
    assert stored_videos(data) == 5
    second = run_cli("scan", str(root), "--data-dir", str(data))
    assert second.returncode == 0
    row = next(line for line in second.stdout.splitlines() if line.count("│") >= 6)
    assert [cell.strip() for cell in row.split("│")[1:-1]] == ["7", "0", "0", "5", "0", "2"]


def test_flat_scan_only_top_level(tmp_path: Path, clip_templates: dict[str, Path]) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 3)  # all in part0..part2 subfolders
    (root / "top.mp4").write_bytes(clip_templates["mp4"].read_bytes())
    data = tmp_path / "data"
    result = run_cli("scan", str(root), "--no-recursive", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert stored_videos(data) == 1


def test_invalid_path_exits_2_with_the_reason(tmp_path: Path) -> None:
    result = run_cli("scan", "relative/dir", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "INVALID_PATH" in result.stderr and "relative/dir" in result.stderr
    missing = run_cli("scan", str(tmp_path / "nope"), "--data-dir", str(tmp_path))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_path_outside_allowed_roots_exits_5(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    result = run_cli(
        "scan", str(tmp_path / "elsewhere"), "--data-dir", str(tmp_path / "data"),
        env={"STOAT_ALLOWED_SCAN_ROOTS": str(tmp_path / "allowed")},
    )  # fmt: skip
    assert result.returncode == 5
    assert "PATH_NOT_ALLOWED" in result.stderr


def test_ctrl_c_cancels_keeps_partial_results_and_exits_130(
    tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 300)
    data = tmp_path / "data"
    process = subprocess.Popen(
        [*CLI, "scan", str(root), "--data-dir", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "COLUMNS": "200", "STOAT_PROBE_BACKEND": "ffprobe"},
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(sqlite3.OperationalError):  # not migrated yet
            if (data / "stoat-ferret.db").exists() and stored_videos(data) >= 5:
                break
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "scan cancelled" in stdout
    assert "partial results kept" in stdout
    stored = stored_videos(data)
    assert 5 <= stored < 300
    row = next(line for line in stdout.splitlines() if line.count("│") >= 6)
    assert int(row.split("│")[2]) == stored  # the summary's "new" is what was stored
