"""The editing domain (SPEC §9): the project document and the pure rules over it.

- :mod:`.document`: the frozen document (settings, tracks, clips, effects, transitions);
- :mod:`.timeline`: the derived timeline and every validation bound;
- :mod:`.operations`: edits, document in and document out;
- :mod:`.effects`: the effect catalog; :mod:`.filters`: the one filter-string writer;
- :mod:`.timebase`: frames and seconds; :mod:`.transitions`: xfade's names.

Persistence and HTTP are adapters over these and live elsewhere.
"""
