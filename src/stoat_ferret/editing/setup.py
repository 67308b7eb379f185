"""``setup_editing``: the editor's one entry in the app's composition (``EDITING``)."""

from __future__ import annotations

from stoat_ferret.api.routers import project_exchange, project_parts, projects
from stoat_ferret.editing.domain import EditingDomain
from stoat_ferret.editing.render_documents import StoredProjectDocuments
from stoat_ferret.editing.service import EditingService
from stoat_ferret.editing.usage import ProjectVideoUsage
from stoat_ferret.editing.xfade import XfadeCatalog
from stoat_ferret.library.usage import VIDEO_USAGE
from stoat_ferret.render.ports import PROJECT_DOCUMENTS
from stoat_ferret.wiring import Core, DomainSetup


def setup_editing(core: Core) -> EditingDomain:
    """Build the editing service; tell the library which videos projects use and the
    render where the documents are (no I/O)."""
    core.registry.add(VIDEO_USAGE, ProjectVideoUsage())
    # The render compiles the stored documents (render/ports.py).
    core.registry.add(PROJECT_DOCUMENTS, StoredProjectDocuments())
    return EditingDomain(service=EditingService(XfadeCatalog(core.settings.ffmpeg_path)))


EDITING = DomainSetup(
    name="editing",
    setup=setup_editing,
    routers=(projects.router, project_parts.router, project_exchange.router),
)
