"""Freeing big structures item by item, and never a container someone else still holds."""

from __future__ import annotations

from ingest.dispose import SMALL, dispose, dispose_unshared

popped: list[str] = []


class Watched(dict):
    """A dict that records being emptied item by item."""

    def __init__(self, name: str, size: int):
        super().__init__((i, object()) for i in range(size))
        self.name = name

    def popitem(self):
        popped.append(self.name)
        return super().popitem()


class Holder:
    pass


def test_dispose_empties_dicts_lists_and_sets():
    things = ({i: i for i in range(5)}, list(range(5)), set(range(5)))
    dispose(*things)
    assert [len(t) for t in things] == [0, 0, 0]


def test_an_attribute_nobody_else_holds_is_emptied_item_by_item_and_taken_off_its_owner():
    popped.clear()
    owner = Holder()
    owner.articles = Watched("articles", SMALL + 5)
    dispose_unshared(owner, "articles")
    assert popped.count("articles") == SMALL + 5
    assert not hasattr(owner, "articles")


def test_a_container_still_held_elsewhere_is_left_whole():
    """A request in flight still answering from the old KB version's articles must not see them vanish."""
    popped.clear()
    owner = Holder()
    in_use = owner.articles = Watched("articles", SMALL + 5)
    dispose_unshared(owner, "articles")
    assert len(in_use) == SMALL + 5 and popped == []


def test_the_big_containers_inside_an_unshared_object_are_emptied_unless_shared():
    popped.clear()
    owner, view = Holder(), Holder()
    view.articles = Watched("view.articles", SMALL + 1)
    shared = view.versions = Watched("view.versions", SMALL + 1)
    owner.view = view
    del view
    dispose_unshared(owner, "view")
    assert popped.count("view.articles") == SMALL + 1
    assert len(shared) == SMALL + 1 and "view.versions" not in popped


def test_an_object_held_elsewhere_keeps_everything_inside_it():
    popped.clear()
    owner, view = Holder(), Holder()
    view.articles = Watched("view.articles", SMALL + 1)
    owner.view = view
    dispose_unshared(owner, "view")
    assert len(view.articles) == SMALL + 1 and popped == []
