"""``GET /metrics`` in Prometheus text format."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST

from stoat_ferret.api.deps import ServicesDep

router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
    operation_id="metrics-get",
)
async def metrics(services: ServicesDep) -> Response:
    body = await services.metrics.render(services.queue)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
