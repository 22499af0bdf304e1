"""Metric code on small hand-computed cases."""

from __future__ import annotations

import math

import pytest

from eval.metrics import hit_at_k, mean, ndcg_at_k, reciprocal_rank


@pytest.mark.parametrize(("ranked", "gold", "k", "expected"), [
    (["a", "b", "c"], ["a"], 1, 1.0),
    (["a", "b", "c"], ["b"], 1, 0.0),
    (["a", "b", "c"], ["c"], 3, 1.0),
    (["a", "b", "c"], ["d"], 3, 0.0),
    (["a", "b", "c"], ["d", "b"], 2, 1.0),
    ([], ["a"], 5, 0.0),
])
def test_hit_at_k(ranked, gold, k, expected):
    assert hit_at_k(ranked, gold, k) == expected


def test_reciprocal_rank():
    assert reciprocal_rank(["a", "b", "c"], ["c"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a", "b", "c"], ["b", "c"]) == pytest.approx(1 / 2)
    assert reciprocal_rank(["a"], ["z"]) == 0.0


def test_ndcg_by_hand():
    # one gold at rank 2: DCG = 1/log2(3); ideal = 1
    assert ndcg_at_k(["x", "g", "y"], ["g"], 5) == pytest.approx(1 / math.log2(3))
    # two gold at ranks 1 and 3: DCG = 1 + 1/2; ideal = 1 + 1/log2(3)
    assert ndcg_at_k(["g1", "x", "g2"], ["g1", "g2"], 5) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(["g"], ["g"], 5) == 1.0
    assert ndcg_at_k(["x", "g"], ["g"], 1) == 0.0
    assert ndcg_at_k(["g", "g"], ["g"], 5) == 1.0  # a repeated id counts once


def test_bad_k_and_empty_mean():
    with pytest.raises(ValueError):
        hit_at_k(["a"], ["a"], 0)
    assert mean([]) == 0.0 and mean([1.0, 0.0]) == 0.5
