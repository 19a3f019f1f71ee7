import hashlib

import pytest

from countersign_verify import merkle


def _leaves(n):
    return [merkle.leaf_hash("expense", str(i), i + 1, hashlib.sha256(bytes([i])).hexdigest())
            for i in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33])
def test_every_leaf_proves_into_the_streamed_root(n):
    leaves = _leaves(n)
    root = merkle.root_of(leaves)
    for i in range(n):
        path = merkle.inclusion_path(leaves, i)
        assert merkle.root_from_path(leaves[i], i, n, path) == root


def test_proof_fails_when_the_leaf_changed():
    leaves = _leaves(9)
    path = merkle.inclusion_path(leaves, 4)
    other = merkle.leaf_hash("expense", "4", 5, "f" * 64)
    assert merkle.root_from_path(other, 4, 9, path) != merkle.root_of(leaves)


def test_root_matches_the_rfc6962_split():
    a, b, c = _leaves(3)
    assert merkle.root_of([a, b, c]) == merkle.node_hash(merkle.node_hash(a, b), c).hex()


def test_root_by_levels_equals_the_streaming_builder_for_every_size():
    import hashlib

    for n in range(0, 70):
        leaves = [hashlib.sha256(str(i).encode()).digest() for i in range(n)]
        builder = merkle.RootBuilder()
        for leaf in leaves:
            builder.add(leaf)
        assert merkle.root_by_levels(leaves) == builder.root(), n
