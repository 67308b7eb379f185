"""
Probe backends: one interface, two implementations, and the factory that picks one.

- :mod:`.protocol` - ``ProbeBackend``, what the library scan calls;
- :mod:`.ffprobe` - ``FFprobeBackend``, the binaries as subprocesses (the reference);
- :mod:`.pyav` - ``PyAVBackend``, libav in-process on decoder threads;
- :mod:`.factory` - ``make_probe_backend``, which ``STOAT_PROBE_BACKEND`` drives.
"""
