"""Stage "actors": actor mentions in ``body`` resolved to knowledge-base or local actors."""

from .stage import ActorResolver

__all__ = ["ActorResolver"]
