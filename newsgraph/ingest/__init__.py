"""Readers: turn files, folders, globs and pasted texts into ``RawDocument`` records.

The format of each file is sniffed from its bytes, not trusted from its suffix. A reader
yields documents and ``InputError`` values (one per unreadable file or record) so that a
bad input never stops the batch. See docs/ingest.md.
"""

from __future__ import annotations

# (``decode``/``sniff`` are not re-exported: those names are the submodules')
from .discover import documents_from_texts, expand, iter_documents
from .readers import MAX_BYTES, read_bytes, read_file

__all__ = ["MAX_BYTES", "documents_from_texts", "expand", "iter_documents", "read_bytes",
           "read_file"]
