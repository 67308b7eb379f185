"""``stoat-ferret projects list|show``: read-only views of a running server's projects."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from stoat_ferret.cli.client import DEFAULT_URL, request

app = typer.Typer(help="List and inspect the projects of a running server.", no_args_is_help=True)
console = Console()

UrlOption = Annotated[str, typer.Option("--url", envvar="STOAT_URL", help="Server base URL.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print raw JSON.")]


def _output(project: dict[str, Any]) -> str:
    return f"{project['output_width']}x{project['output_height']} @ {project['output_fps']} fps"


@app.command("list")
def list_projects(
    url: UrlOption = DEFAULT_URL,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOption = False,
) -> None:
    """Projects, newest first."""
    page = request("GET", url, "/api/v1/projects", params={"limit": limit, "offset": offset})
    if as_json:
        console.print_json(data=page)
        return
    table = Table("id", "name", "version", "duration_s", "output", "updated_at")
    for project in page["projects"]:
        table.add_row(
            project["id"], project["name"], str(project["version"]),
            f"{project['duration_s']:.2f}", _output(project), project["updated_at"],
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(page['projects'])} of {page['total']} project(s)")


@app.command("show")
def show_project(
    project_id: str, url: UrlOption = DEFAULT_URL, as_json: JsonOption = False
) -> None:
    """One project: its settings, tracks, clips (timeline order) and transitions."""
    project = request("GET", url, f"/api/v1/projects/{project_id}")
    if as_json:
        console.print_json(data=project)
        return
    console.print(
        f"[bold]{project['name']}[/bold]  {project['id']}  version {project['version']}  "
        f"{_output(project)}  {project['duration_s']:.2f} s"
    )
    tracks = {track["id"]: track["name"] for track in project["tracks"]}
    table = Table("clip", "track", "source", "in", "out", "start_s", "duration_s", "effects")
    for clip in project["clips"]:
        source = clip["source_video_id"] + (" (missing)" if clip["source_missing"] else "")
        effects = ", ".join(effect["effect_type"] for effect in clip["effects"])
        table.add_row(
            clip["id"], tracks.get(clip["track_id"], "?"), source, str(clip["in_point"]),
            str(clip["out_point"]), f"{clip['timeline_position_s']:.2f}",
            f"{clip['duration_s']:.2f}", effects,
        )  # fmt: skip
    console.print(table)
    for transition in project["transitions"]:
        console.print(
            f"transition {transition['transition']} ({transition['duration']} frames): "
            f"{transition['from_clip_id']} -> {transition['to_clip_id']}"
        )
