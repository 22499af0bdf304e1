"""One router per resource; wired in :mod:`api.app`."""
