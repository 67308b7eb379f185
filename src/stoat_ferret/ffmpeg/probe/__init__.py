"""
Probing: a file's ``VideoMetadata``.

- :mod:`.metadata` - ``VideoMetadata`` and the pure rules from raw values to it;
- :mod:`.ffprobe` - the ``ffprobe`` binary (the reference);
- :mod:`.pyav` - the same through PyAV, in-process (blocking; run on a thread).
"""
