"""One tree of exceptions. Every message says what happened and what to do next."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: catch this to handle any newsgraph failure."""


class InputError(NewsgraphError):
    """An input file (or one record in it) cannot be read as an article.

    ``where`` names the file (and line or record); ``fix`` tells the user what to do.
    """

    def __init__(self, where: str, problem: str, fix: str = "") -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        super().__init__(f"{where}: {problem}" + (f" — {fix}" if fix else ""))


class PipelineError(NewsgraphError):
    """The stage list is inconsistent (a stage requires what no earlier stage provides)."""


class StageError(NewsgraphError):
    """A stage failed on one article; the batch goes on without it."""


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""


class ExportError(NewsgraphError):
    """An export cannot be produced in the requested format."""
