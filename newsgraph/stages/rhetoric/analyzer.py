"""The rhetoric stage: techniques as spans, genre, frames and the sourcing profile.

Paragraph-level multi-label classification (a logistic head over static MiniLM
embeddings, lexicon cues, document statistics and TF-IDF word n-grams, per-technique
thresholds tuned in cross-validation), then localisation inside each flagged paragraph:
lexicon hits for the word-level techniques, else the sentence(s) the same head scores
highest. Scare quotes become spans of the quote-like technique the paragraph scores highest.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import numpy as np

from ...models import Article, Frame, Span, Technique
from . import features as F
from . import lexicons
from .model import RhetoricModel, load
from .profile import build_profile

# Techniques that SemEval annotates on words or short phrases, and the lexicon that
# points at those words inside a flagged paragraph.
WORD_LEVEL = {"Loaded_Language": "loaded", "Name_Calling-Labeling": "name_calling"}
# What a scare-quoted term is labelled as: whichever of these the paragraph scores highest.
SCARE_QUOTE_TECHNIQUES = ("Loaded_Language", "Doubt", "Name_Calling-Labeling")
# A short quoted term: curly pairs, or straight quotes that open after a space/bracket and
# close before punctuation/space (so the text between two quotations is never taken).
# Scare quotes count only where the paragraph's score reaches this share of the cut.
SCARE_QUOTE_MIN = 0.5
_SHORT_QUOTE = re.compile(
    r"“([^“”\n]{1,40})”"
    r"|‘([^‘’\n]{1,40})’(?!\w)"
    r"|(?:^|(?<=[\s(\[—–]))\"([^\"\n]{1,40})\"(?=[\s.,;:!?)\]—–]|$)", re.M)


def scare_quote_spans(article: Article) -> list[Span]:
    """``article.scare_quotes`` plus short (1-3 word) quoted terms outside speaker quotes.

    The fallback covers articles the quotations stage gave no scare quotes for.
    """
    spans = {(s.start, s.end) for s in article.scare_quotes}
    quoted = [(q.start, q.end) for q in article.quotes]
    for m in _SHORT_QUOTE.finditer(article.body):
        inner = next(g for g in m.groups() if g is not None)
        if (inner != inner.strip() or not inner or len(inner.split()) > 3
                or not inner[0].isalpha()):
            continue
        if any(qs <= m.start() and m.end() <= qe for qs, qe in quoted):
            continue
        spans.add(m.span())
    return [Span(start=s, end=e) for s, e in sorted(spans)]


def _units(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences inside one paragraph (trimmed), from the sentence stage when it ran."""
    body = article.body
    found = [(max(s.start, start), min(s.end, end)) for s in article.sentences
             if s.start < end and s.end > start]
    if not found:
        found = [(start + m.start(), start + m.end())
                 for m in re.finditer(r"[^.!?]+(?:[.!?]+[\"”’)]*|$)", body[start:end])]
    out = []
    for s, e in found:
        text = body[s:e]
        lead = len(text) - len(text.lstrip())
        s, e = s + lead, s + len(text.rstrip())
        if e > s:
            out.append((s, e))
    return out or [(start, end)]


class RhetoricAnalyzer:
    name = "rhetoric"
    version = "5"
    requires = frozenset({"body", "sentences"})
    provides = frozenset({"techniques", "frames", "genre", "profile"})

    def __init__(self, model: RhetoricModel | None = None) -> None:
        self.model = model if model is not None else load()
        heads = self.model.techniques
        self._index = {name: i for i, name in enumerate(heads.names)}

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        return [self.analyze(article) for article in articles]

    def paragraph_scores(self, article: Article) -> tuple[list[tuple[int, int]], np.ndarray]:
        """(paragraph spans, technique probabilities [paragraphs, techniques])."""
        paras = F.paragraphs(article.body)
        ctx = F.ArticleContext([article.body[s:e] for s, e in paras], self.model.embedder,
                               self.model.tfidf)
        return paras, self.model.techniques.proba_rows(*ctx.paragraph_rows())

    def analyze(self, article: Article) -> Article:
        body = article.body
        paras = F.paragraphs(body)
        ctx = F.ArticleContext([body[s:e] for s, e in paras], self.model.embedder,
                               self.model.tfidf)
        scare = scare_quote_spans(article)
        profile = build_profile(article, scare)
        if not paras:
            return dataclasses.replace(article, techniques=(), frames=(), genre=None,
                                       genre_confidence=None, profile=profile)
        probs = self.model.techniques.proba_rows(*ctx.paragraph_rows())
        best: dict[tuple[int, int, str], Technique] = {}
        for i, (start, end) in enumerate(paras):
            for t in self._localise(article, ctx, i, start, end, probs[i], scare):
                key = (t.start, t.end, t.technique)
                if key not in best or best[key].confidence < t.confidence:
                    best[key] = t
        doc_x = ctx.article_vector()[None, :]
        genre_x = ctx.genre_vector(probs, self.model.techniques.threshold)[None, :]
        picks, confidence = self.model.genre_call(genre_x)
        frame_p = self.model.frames.proba(doc_x)[0]
        frames = tuple(
            Frame(frame=name, confidence=round(float(p), 3))
            for name, p, cut in sorted(zip(self.model.frames.names, frame_p,
                                           self.model.frames.threshold, strict=True),
                                       key=lambda t: -t[1])
            if p >= cut)
        return dataclasses.replace(
            article,
            techniques=tuple(best[k] for k in sorted(best)),
            frames=frames,
            genre=self.model.genre.names[int(picks[0])],
            genre_confidence=round(float(confidence[0]), 3),
            profile=profile,
        )

    def _localise(self, article: Article, ctx: F.ArticleContext, index: int, start: int,
                  end: int, prob: np.ndarray, scare: Sequence[Span]) -> set[Technique]:
        head = self.model.techniques
        body = article.body
        out: set[Technique] = set()
        flagged = [k for k in range(len(head.names)) if prob[k] >= head.threshold[k]]
        units = _units(article, start, end)
        unit_p: np.ndarray | None = None
        for k in flagged:
            name = head.names[k]
            conf = round(float(prob[k]), 3)
            category = WORD_LEVEL.get(name)
            hits = lexicons.hits(body[start:end], category) if category else []
            if hits:
                out |= {Technique(start=start + s, end=start + e, technique=name,
                                  confidence=conf) for s, e in hits}
                continue
            if len(units) == 1:
                out.add(Technique(start=units[0][0], end=units[0][1], technique=name,
                                  confidence=conf))
                continue
            if unit_p is None:
                unit_p = head.proba_rows(*ctx.sentence_rows([body[s:e] for s, e in units],
                                                            index))
            best = int(np.argmax(unit_p[:, k]))
            for j, (s, e) in enumerate(units):
                if j == best or unit_p[j, k] >= head.threshold[k]:
                    out.add(Technique(start=s, end=e, technique=name,
                                      confidence=round(min(conf, float(unit_p[j, k])), 3)))
        for span in scare:
            if start <= span.start and span.end <= end:
                ks = [self._index[n] for n in SCARE_QUOTE_TECHNIQUES if n in self._index]
                if not ks:
                    continue
                k = max(ks, key=lambda j: prob[j] / head.threshold[j])
                if prob[k] < SCARE_QUOTE_MIN * head.threshold[k]:
                    continue  # a quoted term in a neutral paragraph is usually a name/title
                out.add(Technique(start=span.start, end=span.end, technique=head.names[k],
                                  confidence=round(float(prob[k]), 3)))
        for s, e in lexicons.hits(body[start:end], "strong"):
            # Words that are nearly always persuasive are flagged even when the paragraph
            # head stays under its threshold (see lexicon.json "_strong_note").
            k = self._strong_technique(body[start + s:start + e], prob)
            out.add(Technique(start=start + s, end=start + e, technique=head.names[k],
                              confidence=round(0.5 + 0.5 * float(prob[k]), 3)))
        return out

    def _strong_technique(self, word: str, prob: np.ndarray) -> int:
        loaded = self._index["Loaded_Language"]
        naming = self._index["Name_Calling-Labeling"]
        if lexicons.hits(word, "name_calling") == [(0, len(word))] and prob[naming] > prob[loaded]:
            return naming
        return loaded
