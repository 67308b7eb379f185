"""
Thumbnails: a 320-px-wide JPEG of the frame at 10 % of a video, at most 5 s in.

- :mod:`.rules` - which frame and what size (pure; shared by both paths);
- :mod:`.ffmpeg` - the ``ffmpeg`` binary through the media process runner;
- :mod:`.pyav` - PyAV and Pillow, in-process (blocking; run on a thread);
- :mod:`.files` - the atomic write both paths end with.
"""
