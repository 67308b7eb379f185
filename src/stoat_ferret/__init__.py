"""stoat-ferret: API-first video library and editing service."""

__version__ = "0.1.0"
