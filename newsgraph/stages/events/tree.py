"""The event coder's view of a parse: plain Python nodes instead of spaCy tokens.

The coder walks the same few trees many times per trigger. On spaCy's own objects every
``doc[i]``, ``.head`` and ``.children`` makes a new Token and every ``.dep_`` / ``.lower_``
decodes a string from the StringStore. ``Parse`` reads the columns the walks need in one
``to_array`` per document (children positions by one stable sort of the heads), and makes a
``Node`` (attributes copied from the columns into slots, each string decoded once per hash
id) the first time a position is visited; later visits are attribute reads. Nodes are unique
per position, so identity comparisons hold. Walks that only test labels or look at a
neighbour read the columns by position (``child_positions``, ``lower``, ``conjuncts``)
without making nodes. Rare Token attributes are read from the spaCy token on demand.

Two things keep this cheap in CPython: ``Node`` has no ``__getattr__`` (with one, every
attribute read of every node takes the slow, unspecialised path), and no node refers to its
parent (with the parent's ``kids`` that would be a reference cycle per edge, left to the
garbage collector); ``release`` drops the view's own list of nodes when the coder is done.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import numpy
from spacy.strings import get_string_id

from ..parsing import column, columns, token_bounds

_READ = [column(name) for name in ("HEAD", "DEP", "POS", "LEMMA", "LOWER", "IDX", "LENGTH")]

# Decoded strings by hash id, for all documents: a hash always names the same string. It
# grows like the vocabulary's StringStore, which already keeps every string parsed, but holds
# only those the coder has read.
_STRINGS: dict[int, str] = {}
_CONJ = get_string_id("conj")
_DASH = get_string_id("-")
_PRO_ANTI = frozenset({get_string_id("pro"), get_string_id("anti")})


class Parse:
    __slots__ = ("spacy", "heads", "deps", "lemmas", "lowers", "pos_ids", "offsets", "ends",
                 "size", "_strings", "pos", "_order", "_bounds", "_nodes", "_depths")

    def __init__(self, doc: Any) -> None:
        self.spacy = doc
        self._strings = doc.vocab.strings
        n = len(doc)
        cols = columns(doc)[:, _READ]  # shared with the actors stage, read once per Doc
        positions = numpy.arange(n, dtype=numpy.int64)
        heads = positions + cols[:, 0].astype(numpy.int64)
        self.heads: list[int] = heads.tolist()
        # label and hash ids per position; the POS column also as an array, for the
        # vectorised trigger candidates before any node is made
        self.pos_ids = cols[:, 2]
        self.deps, self.pos, self.lemmas, self.lowers = cols[:, 1:5].T.tolist()
        # character offsets where each token starts and ends, and the length of the text
        self.offsets = cols[:, 5].astype(numpy.int64)
        self.ends = self.offsets + cols[:, 6].astype(numpy.int64)
        self.size = int(self.ends[-1]) + len(doc[n - 1].whitespace_) if n else 0
        # the children of i are the positions whose head is i: one stable sort by head keeps
        # them in text order (spaCy's order); a root (its own head) is sorted under ``n``,
        # after every position, so that it is nobody's child. They are
        # ``_order[_bounds[i]:_bounds[i + 1]]``.
        owner = numpy.where(heads == positions, n, heads)
        self._order: list[int] = numpy.argsort(owner, kind="stable").tolist()
        self._bounds: list[int] = numpy.concatenate(
            ([0], numpy.cumsum(numpy.bincount(owner, minlength=n + 1)))).tolist()
        self._nodes: list[Node | None] = [None] * n
        self._depths: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.heads)

    def release(self) -> None:
        """Drop the nodes. They refer to this view; without this cycle they are freed as
        soon as the coder is done, not at the next garbage collection."""
        self._nodes = [None] * len(self.heads)

    def __getitem__(self, i: int) -> Node:
        node = self._nodes[i]
        if node is None:
            node = self._nodes[i] = Node(self, i)
        return node

    def string(self, key: int) -> str:
        found = _STRINGS.get(key)
        if found is None:
            found = _STRINGS[key] = self._strings[key]
        return found

    def child_positions(self, i: int) -> list[int]:
        return self._order[self._bounds[i]:self._bounds[i + 1]]

    def children(self, i: int) -> tuple[Node, ...]:
        lo, hi = self._bounds[i], self._bounds[i + 1]
        if lo == hi:
            return ()
        nodes = self._nodes
        positions = self._order[lo:hi]
        for j in positions:
            if nodes[j] is None:
                nodes[j] = Node(self, j)
        return tuple(map(nodes.__getitem__, positions))  # type: ignore[arg-type]

    def lower(self, i: int) -> str:
        """The lower-case form at ``i`` without making a node (for a look at a neighbour)."""
        return self.string(self.lowers[i])

    def lemma(self, i: int) -> str:
        """The lemma at ``i`` without making a node."""
        return self.string(self.lemmas[i])

    def conjuncts(self, i: int) -> list[int]:
        """``Node.conjuncts`` by position (walked on the columns: no nodes)."""
        deps, heads = self.deps, self.heads
        start = i
        while deps[start] == _CONJ and heads[start] != start:
            start = heads[start]
        out, queue = [start], [start]
        for word in queue:
            for child in self.child_positions(word):
                if deps[child] == _CONJ and child > word:
                    out.append(child)
                    queue.append(child)
        if i in out:  # once at most: a tree
            out.remove(i)
        return out

    def span_root(self, lo: int, hi: int) -> int:
        """spaCy's ``Span.root`` of the tokens ``lo:hi``: a sentence root among them, else,
        of those whose head lies outside, the one closest to the root (the first of equals;
        a punctuation or space token without children counts as far), else the first."""
        heads = self.heads
        for i in range(lo, hi):
            if heads[i] == i:
                return i
        tops = [i for i in range(lo, hi) if not lo <= heads[i] < hi]
        if len(tops) < 2:
            return tops[0] if tops else lo
        best, root = len(self), -1
        for i in tops:
            steps = self.depth(i)
            if self._bounds[i] == self._bounds[i + 1]:
                token = self.spacy[i]
                if token.is_space or token.is_punct:
                    steps = len(self) - 1
            if steps < best:
                best, root = steps, i
        return lo if root == -1 else root

    def depth(self, i: int) -> int:
        """How many ancestors position ``i`` has (memoised: heads never change)."""
        found = self._depths.get(i)
        if found is None:
            head = self.heads[i]
            found = self._depths[i] = 0 if head == i else self.depth(head) + 1
        return found

    def token_bounds(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """``parsing.token_bounds`` on the offsets read already: the first token each
        character span overlaps and the one after its last."""
        if not self.heads:
            return [0] * len(starts), [0] * len(starts)
        return token_bounds((self.offsets, self.ends), starts, ends)


class Node:
    """One token of a ``Parse`` with the Token attributes the coder reads."""

    __slots__ = ("doc", "i", "dep_", "pos_", "lemma_", "lower_", "_kids")

    def __init__(self, parse: Parse, i: int) -> None:
        self.doc = parse
        self.i = i
        try:
            self.dep_: str = _STRINGS[parse.deps[i]]
            self.pos_: str = _STRINGS[parse.pos[i]]
            self.lemma_: str = _STRINGS[parse.lemmas[i]]
            self.lower_: str = _STRINGS[parse.lowers[i]]
        except KeyError:  # a string not decoded before
            self.dep_ = parse.string(parse.deps[i])
            self.pos_ = parse.string(parse.pos[i])
            self.lemma_ = parse.string(parse.lemmas[i])
            self.lower_ = parse.string(parse.lowers[i])
        self._kids: tuple[Node, ...] | None = None

    def __repr__(self) -> str:
        return f"Node({self.i}, {self.lower_!r}, {self.dep_})"

    @property
    def head(self) -> Node:
        """Not kept on the node: a child that refers to its parent would make a cycle."""
        doc = self.doc
        return doc[doc.heads[self.i]]

    # Attributes the walks read rarely come from the spaCy token itself. (No ``__getattr__``
    # fallback: with one, CPython looks every attribute of every node up the slow way.)
    @property
    def text(self) -> str:
        return str(self.doc.spacy[self.i].text)

    @property
    def tag_(self) -> str:
        return str(self.doc.spacy[self.i].tag_)

    @property
    def ent_type_(self) -> str:
        return str(self.doc.spacy[self.i].ent_type_)

    @property
    def conjuncts(self) -> tuple[Node, ...]:
        """spaCy's definition: the first conjunct and every ``conj`` to its right, without
        this token."""
        doc = self.doc
        return tuple(map(doc.__getitem__, doc.conjuncts(self.i)))

    @property
    def subtree(self) -> Iterator[Node]:
        seen, stack = [self], [self]
        while stack:
            more = kids(stack.pop())
            seen += more
            stack += more
        return iter(sorted(seen, key=lambda n: n.i))


def oriented(node: Node) -> bool:
    """``parsing.oriented`` on a node ("pro-US", "the anti-Iranian camp": an orientation, not
    the actor itself), comparing the words before it by their hash ids."""
    i = node.i
    if node.lower_.startswith(("pro-", "anti-")):
        return True
    lowers = node.doc.lowers
    return i >= 2 and lowers[i - 1] == _DASH and lowers[i - 2] in _PRO_ANTI


def has_kid(node: Node, dep: str, words: Collection[str] | None = None) -> bool:
    """Whether ``node`` has a child with this dependency (and one of ``words``, if given)."""
    for c in kids(node):  # noqa: SIM110 - a loop: any() would make a generator per call
        if c.dep_ == dep and (words is None or c.lower_ in words):
            return True
    return False


def kids_with(node: Node, deps: Collection[str]) -> list[Node]:
    """The children of ``node`` with one of these dependency labels."""
    found = []  # a loop, not a comprehension: this runs for every phrase, many times
    for c in kids(node):
        if c.dep_ in deps:
            found.append(c)
    return found


def kids(node: Node) -> tuple[Node, ...]:
    found = node._kids
    if found is None:
        found = node._kids = node.doc.children(node.i)
    return found
