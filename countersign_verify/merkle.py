"""A Merkle tree over chain heads, shaped as RFC 6962's (Certificate Transparency): leaves and
inner nodes hashed with distinct prefixes, the tree split at the largest power of two below
its size. Leaves in the order of (subject_kind, subject_id) by code point (PostgreSQL's "C"
collation); a leaf is (subject kind, subject id, position of the head, head hash)."""

import hashlib


def leaf_hash(kind: str, subject_id: str, position: int, head: str) -> bytes:
    """SHA-256 of 0x00, then kind and id as UTF-8 each after its length (2 bytes, big-endian),
    the position (8 bytes) and the head's 32 bytes: unambiguous, and cheap for 10^5 leaves."""
    k, s = kind.encode(), subject_id.encode()
    return hashlib.sha256(b"".join((
        b"\x00", len(k).to_bytes(2, "big"), k, len(s).to_bytes(2, "big"), s,
        position.to_bytes(8, "big"), bytes.fromhex(head)))).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


EMPTY_ROOT = hashlib.sha256(b"").hexdigest()


class RootBuilder:
    """The root of a stream of leaf hashes in constant memory (log n subtrees on a stack)."""

    def __init__(self):
        self._stack: list[tuple[int, bytes]] = []
        self.size = 0

    def add(self, leaf: bytes) -> None:
        size, digest = 1, leaf
        while self._stack and self._stack[-1][0] == size:
            _s, left = self._stack.pop()
            digest, size = node_hash(left, digest), size * 2
        self._stack.append((size, digest))
        self.size += 1

    def root(self) -> str:
        if not self._stack:
            return EMPTY_ROOT
        digest = self._stack[-1][1]
        for _size, left in reversed(self._stack[:-1]):
            digest = node_hash(left, digest)
        return digest.hex()


def root_of(leaves: list[bytes]) -> str:
    builder = RootBuilder()
    for leaf in leaves:
        builder.add(leaf)
    return builder.root()


def root_by_levels(leaves: list[bytes]) -> str:
    """The same root as RootBuilder's, a level at a time: pair neighbours, carry an odd last node
    up unchanged (RFC 6962's shape, since it splits at the largest power of two below n). Faster
    for a list already in memory: one SHA-256 per inner node and no stack."""
    level = leaves
    if not level:
        return EMPTY_ROOT
    sha = hashlib.sha256
    while len(level) > 1:
        paired = [sha(b"\x01" + a + b).digest() for a, b in zip(level[::2], level[1::2],
                                                               strict=False)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0].hex()


def _split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def inclusion_path(leaves: list[bytes], index: int) -> list[str]:
    """The sibling hashes from leaf `index` up to the root (RFC 6962 audit path)."""
    path: list[str] = []

    def subtree(lo: int, hi: int) -> bytes:
        if hi - lo == 1:
            return leaves[lo]
        k = _split(hi - lo)
        return node_hash(subtree(lo, lo + k), subtree(lo + k, hi))

    lo, hi = 0, len(leaves)
    siblings = []
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            siblings.append(subtree(lo + k, hi))
            hi = lo + k
        else:
            siblings.append(subtree(lo, lo + k))
            lo = lo + k
    path = [s.hex() for s in reversed(siblings)]
    return path


def root_from_path(leaf: bytes, index: int, size: int, path: list[str]) -> str:
    """The root that leaf `index` of a tree of `size` leaves and its audit path lead to."""
    if not 0 <= index < size:
        raise ValueError("leaf index outside the tree")
    # Rebuild the sequence of left/right turns top-down, then apply bottom-up.
    turns = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            turns.append("right-sibling")
            hi = lo + k
        else:
            turns.append("left-sibling")
            lo = lo + k
    if len(turns) != len(path):
        raise ValueError("audit path has the wrong length for this tree")
    digest = leaf
    for turn, sibling in zip(reversed(turns), path, strict=True):
        other = bytes.fromhex(sibling)
        digest = node_hash(digest, other) if turn == "right-sibling" else node_hash(other, digest)
    return digest.hex()
