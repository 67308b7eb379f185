"""The ``stoat-ferret`` command line."""
