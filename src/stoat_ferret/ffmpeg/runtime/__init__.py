"""
Runtime helpers of the ffmpeg domain: how work is run, not what it computes.

- :mod:`.process` - the media process runner (process groups, SIGTERM then SIGKILL,
  stdout lines, a bounded stderr tail), used by every ffmpeg-family subprocess;
- :mod:`.tools` - ``file:`` URLs, stderr clean-up and the missing-binary error;
- :mod:`.binaries` - finding ``ffprobe`` and ``ffmpeg``;
- :mod:`.threads` - the daemon thread pool the PyAV backend decodes on;
- :mod:`.libav` - the lazy PyAV import and libav error capture.
"""
