"""The HTTP API: a thin adapter over the services; ``create_app`` wires everything."""

from stoat_ferret.api.app import create_app

__all__ = ["create_app"]
