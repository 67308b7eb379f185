"""A real server process with the render and a test store of project documents.

``python -m tests.support.server_with_projects --data-dir D --port P``; documents are
stored with ``PUT /test/projects/{id}`` (see ``tests/support/project_documents.py``).
"""

from __future__ import annotations

import uvicorn

from stoat_ferret.api import create_app
from stoat_ferret.api.app import default_domains
from stoat_ferret.settings import Settings
from tests.support.project_documents import PROJECTS, router
from tests.support.server_with_test_handlers import parse_args


def main() -> None:
    args = parse_args()
    settings = Settings(data_dir=args.data_dir, port=args.port, job_cancel_grace=8)
    app = create_app(settings, domains=(*default_domains(), PROJECTS))
    app.include_router(router)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
