"""The event coder's view of a parse: plain Python nodes instead of spaCy tokens.

The coder walks the same few trees many times per trigger. On spaCy's own objects every
``doc[i]``, ``.head`` and ``.children`` makes a new Token and every ``.dep_`` / ``.lower_``
decodes a string from the StringStore. ``Parse`` reads the head array once per document
(children positions by one stable sort), and makes a ``Node`` (attributes copied once into
slots) the first time a position is visited; later visits are attribute reads. Nodes are
unique per position, so identity comparisons hold. The attributes the walks read often are
slots; any other Token attribute is read from the spaCy token on demand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import HEAD

# Token attributes that lead to other tokens: a Node has its own (head, ancestors, conjuncts,
# subtree, ``kids``) and must not hand out spaCy Tokens for the rest
_NAVIGATION = frozenset({"children", "lefts", "rights", "nbor", "left_edge", "right_edge",
                         "sent", "doc"})


class Parse:
    __slots__ = ("spacy", "heads", "_order", "_first", "_count", "_nodes")

    def __init__(self, doc: Any) -> None:
        self.spacy = doc
        n = len(doc)
        heads = numpy.arange(n, dtype=numpy.int64) + doc.to_array(HEAD).astype(numpy.int64)
        self.heads: list[int] = heads.tolist()
        # the children of i are the positions whose head is i: one stable sort by head keeps
        # them in text order (spaCy's order), the root (its own head) is skipped in children()
        count = numpy.bincount(heads, minlength=n) if n else heads
        self._order: list[int] = numpy.argsort(heads, kind="stable").tolist()
        self._first: list[int] = (numpy.cumsum(count) - count).tolist()
        self._count: list[int] = count.tolist()
        self._nodes: list[Node | None] = [None] * n

    def __len__(self) -> int:
        return len(self._nodes)

    def __getitem__(self, i: int) -> Node:
        node = self._nodes[i]
        if node is None:
            node = self._nodes[i] = Node(self, i)
        return node

    def child_positions(self, i: int) -> list[int]:
        lo = self._first[i]
        return [j for j in self._order[lo:lo + self._count[i]] if j != i]

    def children(self, i: int) -> tuple[Node, ...]:
        return tuple(self[j] for j in self.child_positions(i))

    def char_span(self, start: int, end: int, **kw: Any) -> Any:
        return self.spacy.char_span(start, end, **kw)

    def text(self, start: int, end: int) -> str:
        return str(self.spacy[start:end].text)


class Node:
    """One token of a ``Parse`` with the Token attributes the coder reads."""

    __slots__ = ("doc", "i", "dep_", "pos_", "lemma_", "lower_", "idx", "_head", "_kids")

    def __init__(self, parse: Parse, i: int) -> None:
        tok = parse.spacy[i]
        self.doc = parse
        self.i = i
        self.dep_: str = tok.dep_
        self.pos_: str = tok.pos_
        self.lemma_: str = tok.lemma_
        self.lower_: str = tok.lower_
        self.idx: int = tok.idx
        self._head: Node | None = None
        self._kids: tuple[Node, ...] | None = None

    def __repr__(self) -> str:
        return f"Node({self.i}, {self.lower_!r}, {self.dep_})"

    @property
    def head(self) -> Node:
        head = self._head
        if head is None:
            head = self._head = self.doc[self.doc.heads[self.i]]
        return head

    def __getattr__(self, name: str) -> Any:
        """Attributes the walks read rarely (``text``, ``tag_``, ``ent_type_``,
        ``ent_iob_``) come from the spaCy token itself; navigation must stay on nodes (use
        ``kids``), so spaCy's would mix Tokens in and is refused."""
        if name.startswith("_") or name in _NAVIGATION:
            raise AttributeError(name)
        return getattr(self.doc.spacy[self.i], name)

    @property
    def ancestors(self) -> Iterator[Node]:
        cur = self
        while cur.head is not cur:
            cur = cur.head
            yield cur

    @property
    def conjuncts(self) -> tuple[Node, ...]:
        """spaCy's definition: the first conjunct and every ``conj`` to its right, without
        this token."""
        start = self
        while start.dep_ == "conj" and start.head is not start:
            start = start.head
        out, queue = [start], [start]
        for word in queue:
            for child in kids(word):
                if child.dep_ == "conj" and child.i > word.i:
                    out.append(child)
                    queue.append(child)
        return tuple(w for w in out if w is not self)

    @property
    def subtree(self) -> Iterator[Node]:
        seen, stack = [self], [self]
        while stack:
            more = kids(stack.pop())
            seen += more
            stack += more
        return iter(sorted(seen, key=lambda n: n.i))


def kids(node: Node) -> tuple[Node, ...]:
    found = node._kids
    if found is None:
        found = node._kids = node.doc.children(node.i)
    return found
