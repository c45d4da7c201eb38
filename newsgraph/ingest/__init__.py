"""Readers: turn files, folders, globs and pasted texts into ``RawDocument`` records.

The format of each file is sniffed from its bytes, not trusted from its suffix. A reader
yields documents and ``InputError`` values (one per unreadable file or record) so that a
bad input never stops the batch.
"""

from __future__ import annotations

from .discover import documents_from_texts, iter_documents

__all__ = ["documents_from_texts", "iter_documents"]
