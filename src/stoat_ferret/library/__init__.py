"""The video library: records, search, and the scan that fills it."""
