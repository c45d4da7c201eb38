"""Persuasion techniques, genre, framing and a sourcing/hedging profile (issue 5)."""

from __future__ import annotations

from .analyzer import RhetoricAnalyzer

__all__ = ["RhetoricAnalyzer"]
