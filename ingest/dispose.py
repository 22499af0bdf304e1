"""Freeing a big structure in small steps, so other threads keep running meanwhile.

Dropping the last reference to a dict of 10,000 articles frees every object it holds inside one C call, and the
interpreter cannot switch threads until that call returns: /health and answers in an API process wait for it.
Measured at 10,000 articles (52,699 chunks): 150-175 ms to free one read of the index's payloads, 64-94 ms for an
index view; five times that at 50,000. Emptying the container item by item runs Python bytecode between the
items, where the interpreter switches threads every few milliseconds.

Example::

    view = read_index(store)
    ...
    dispose(view.articles, view.versions)   # instead of letting ``view`` go in one step
"""

from __future__ import annotations

import sys

SMALL = 1000  # a container this small frees in well under a millisecond: left to reference counting


def dispose(*containers: dict | list | set) -> None:
    """Empty each container one item at a time (whoever else holds one sees it empty: only for your own)."""
    for container in containers:
        if isinstance(container, dict):
            while container:
                container.popitem()
        else:
            while container:
                container.pop()


def dispose_unshared(owner: object, *names: str) -> None:
    """Take the attributes ``names`` off ``owner`` and :func:`dispose` each big dict, list or set among them
    that nobody else holds (its reference count proves it), and the big containers directly inside such an
    object (e.g. an index view's ``articles``). For an object being given up (``__del__``), when parts of it
    may still be in use elsewhere."""
    for name in names:
        value = owner.__dict__.pop(name, None)
        if value is None or sys.getrefcount(value) > 2:  # 2: this frame's name and getrefcount's argument
            continue
        if isinstance(value, dict | list | set):
            if len(value) > SMALL:
                dispose(value)
        elif hasattr(value, "__dict__"):
            for inner in [k for k, v in vars(value).items() if isinstance(v, dict | list | set) and len(v) > SMALL]:
                dispose_unshared(value, inner)
