"""Unit tests of the rhetoric building blocks (no trained weights needed)."""

from __future__ import annotations

import numpy as np

from newsgraph.models import Quote, Sentence, Span
from newsgraph.stages.rhetoric import features as F
from newsgraph.stages.rhetoric import lexicons
from newsgraph.stages.rhetoric.analyzer import scare_quote_spans
from newsgraph.stages.rhetoric.model import LinearHead, genre_call, genre_choice
from newsgraph.stages.rhetoric.profile import build_profile
from newsgraph.stages.rhetoric.static import StaticEmbedder
from newsgraph.stages.rhetoric.training.linear import (
    best_thresholds,
    fit_multilabel,
    micro_f1,
    micro_thresholds,
)
from tests.conftest import article_of


def test_wordpiece_greedy_longest_match() -> None:
    vocab = ["[UNK]", "un", "##believ", "##able", "talks", ","]
    emb = StaticEmbedder(vocab, np.eye(6, dtype=np.float16), np.ones(6, dtype=np.float16))
    assert emb.ids("Unbelievable, TALKS") == [1, 2, 3, 5, 4]
    assert emb.ids("zzz") == []  # unknown words are dropped, not [UNK]
    vec = emb.embed("talks")
    assert np.isclose(np.linalg.norm(vec), 1.0) and vec[4] > 0.99
    assert not emb.embed("").any()


def test_paragraphs_are_nonempty_lines_with_exact_offsets() -> None:
    body = "Title here\n\n  First para.\nSecond para.  \n\n"
    paras = F.paragraphs(body)
    assert [body[s:e] for s, e in paras] == ["Title here", "First para.", "Second para."]


def test_tfidf_vocabulary_min_df_and_dense_rows() -> None:
    texts = ["the talks failed", "the talks resumed", "a parade"]
    tfidf = F.Tfidf.fit(texts, min_df=2)
    assert sorted(tfidf.keys) == sorted(F.gram_keys("the talks"))  # the n-grams in two texts
    dense = tfidf.dense(["The talks, the talks!", "a parade"])
    assert np.isclose(np.linalg.norm(dense[0]), 1.0) and not dense[1].any()
    idx, val = tfidf.sparse("the talks")
    assert np.allclose(dense[0][idx], val)  # same n-grams, same weights


def test_style_features_separate_a_wire_report_from_a_rant() -> None:
    wire = ["Talks collapse", "KINSHASA, Congo — Officials said on Monday that 12 of 40 "
            "delegates left, according to a statement."]
    rant = ["Enough!", "Why do we keep paying? I say: you deserve better! Our leaders lie."]
    w, r = F.style_features(wire), F.style_features(rant)
    assert w[0] > r[0] and w[1] > r[1] and w[4] > r[4]  # reporting verbs, digits, weekdays
    assert r[3] > w[3] and r[5] > w[5] and r[6] > w[6]  # 1st/2nd person, ?, !
    assert w[8] > 0 and r[8] == 0  # the dateline
    assert len(F.style_features([])) == len(w)


def test_genre_style_ignores_line_breaks_and_separates_report_from_comment() -> None:
    wire = ["MINSK, Belarus — The energy ministry said on Monday that 12 tankers had arrived.",
            "Officials told reporters that deliveries were expected to resume, according to a "
            "statement."]
    comment = ["Why do we keep paying? I think this is simply a scandal, and we must stop it.",
               "However, nobody in power seems to care, which is clearly wrong!"]
    names = F.GENRE_STYLE
    w, c = F.genre_style(wire), F.genre_style(comment)
    assert len(w) == len(c) == len(names) == len(F.genre_style([]))
    # the same text on one line or on several: a segmentation-free description
    assert np.allclose(F.genre_style([" ".join(wire)]), w)
    assert np.allclose(F.genre_style([" ".join(comment)]), c)
    for name in ("reporting_words", "attributed_sentences", "time_expressions", "digits",
                 "dateline", "past_aux"):
        assert w[names.index(name)] > c[names.index(name)], name
    for name in ("first_singular", "first_plural", "obligation", "questions", "exclamations",
                 "argument_markers", "ly_adverbs", "present_aux", "present_past_ratio"):
        assert c[names.index(name)] > w[names.index(name)], name


def test_technique_profile_summarises_paragraph_probabilities() -> None:
    threshold = np.array([0.5, 0.2], np.float32)
    prob = np.array([[0.6, 0.1], [0.1, 0.1], [0.9, 0.4]], np.float32)
    share, per_para, best, mean, *per_tech = F.technique_profile(prob, threshold)
    assert np.isclose(share, 2 / 3) and np.isclose(per_para, 1.0)  # 1 + 0 + 2 flags
    assert np.isclose(mean, prob.mean())
    assert np.isclose(best, np.mean(np.log([1.2, 0.5, 2.0])))
    assert np.allclose(per_tech, np.log(prob / threshold).mean(axis=0))
    assert F.technique_profile(np.zeros((0, 2), np.float32), threshold) == [0.0] * 6


def test_lexicon_prefers_longest_phrase_and_respects_word_edges() -> None:
    text = "They seek seemingly endless concessions; the regimented parade was calm."
    spans = lexicons.hits(text, "loaded")
    assert [text[s:e] for s, e in spans] == ["seemingly endless"]  # not "regime" in "regimented"


def test_lexicon_scanner_finds_what_the_patterns_find() -> None:
    """The word-run scanner behind ``counts``/``hits``/``find`` against the compiled regexes,
    on texts stitched from lexicon entries with every kind of edge: plurals, line breaks inside
    phrases, hyphens and apostrophes glued on, upper case, punctuation."""
    rng = np.random.default_rng(7)
    raw = lexicons._raw()
    words = [w for cat in lexicons.CATEGORIES + lexicons.EXTRA for w in raw[cat]]
    glue = [" ", "  ", "\n", ", ", "-", "'", "’", ". ", "s ", "es ", "(", "\t"]
    for _ in range(300):
        parts = []
        for _ in range(int(rng.integers(3, 12))):
            w = str(rng.choice(words))
            if rng.random() < 0.3:
                w = w.replace(" ", str(rng.choice([" \n", "  ", "\t", ", ", "-", "."])))
            if rng.random() < 0.2:
                w = w.upper()
            parts.append(w + str(rng.choice(glue)))
        text = "".join(parts)
        assert lexicons.counts(text) == lexicons.regex_counts(text), text
        for cat in lexicons.CATEGORIES + lexicons.EXTRA:
            want = [m.span() for m in lexicons.patterns()[cat].finditer(text)]
            assert lexicons.hits(text, cat) == want, (cat, text)


def test_linear_head_sparse_rows_equal_dense() -> None:
    rng = np.random.default_rng(3)
    head = LinearHead(("a", "b"), rng.normal(size=6).astype(np.float32),
                      rng.uniform(0.5, 2, size=6).astype(np.float32),
                      rng.normal(size=(6, 2)).astype(np.float32), np.zeros(2, np.float32),
                      np.full(2, 0.5, np.float32))
    x = rng.normal(size=(3, 6)).astype(np.float32)
    x[:, 3:] = [[0, 0.5, 0], [0, 0, 0], [1, 0, 2]]
    sparse = [(np.flatnonzero(r[3:]), r[3:][r[3:] != 0]) for r in x]
    assert np.allclose(head.proba_rows(x[:, :3], sparse), head.proba(x), atol=1e-6)


def test_linear_head_softmax_and_roundtrip() -> None:
    head = LinearHead(("a", "b", "c"), np.zeros(2, np.float32), np.ones(2, np.float32),
                      np.array([[1, 0, -1], [0, 1, 0]], np.float32), np.zeros(3, np.float32),
                      np.zeros(3, np.float32), softmax=True)
    p = head.proba(np.array([[2.0, 0.0]], np.float32))
    assert np.isclose(p.sum(), 1.0) and int(np.argmax(p)) == 0
    again = LinearHead.load(head.arrays("x"), "x")
    assert again.names == head.names and again.softmax
    assert np.allclose(again.proba(np.ones((1, 2), np.float32)), head.proba(np.ones((1, 2))))


def test_multilabel_fit_learns_a_separable_label_and_thresholds() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3)).astype(np.float32)
    y = np.stack([x[:, 0] > 0.5, x[:, 1] < -0.5], axis=1).astype(np.float32)
    w, b = fit_multilabel(x, y, l2=0.1)
    prob = 1 / (1 + np.exp(-(x @ w + b)))
    thr = best_thresholds(prob, y)
    assert micro_f1(prob >= thr, y) > 0.9


def test_profile_counts_attribution_hedges_and_first_person() -> None:
    body = ("Foreign Minister Anna Berg said the talks had failed after two days. "
            "The agreement will probably collapse within weeks, observers fear. "
            "I think the US staged the whole affair from the start. "
            "\"We are ready,\" the delegation wrote in a short note.")
    starts = [0] + [i + 2 for i, ch in enumerate(body[:-2]) if ch == "." and body[i + 1] == " "]
    bounds = list(zip(starts, [s - 1 for s in starts[1:]] + [len(body)], strict=True))
    quote = body.index('"We')
    article = article_of(body, sentences=tuple(Sentence(start=s, end=e) for s, e in bounds),
                         quotes=(Quote(start=quote, end=quote + 15, text="\"We are ready,\"",
                                       speaker_text="the delegation"),))
    profile = build_profile(article, [Span(start=0, end=4)])
    assert profile.claims == 4
    assert profile.attributed == 2  # the named minister and the quoted delegation
    assert profile.unattributed == 2
    assert profile.hedges >= 1 and profile.first_person == 1  # "We" is inside the quote
    assert profile.scare_quotes == 1
    assert 0 < profile.attributed_share < 1


def test_scare_quotes_fallback_finds_short_quoted_terms_only() -> None:
    body = ('Minsk may “defect” to the West. "We will never accept a merger of our two '
            'states," the president told reporters.')
    quote_start = body.index('"We')
    article = article_of(body, quotes=(Quote(start=quote_start, end=body.index('" the') + 1,
                                             text="..."),))
    spans = scare_quote_spans(article)
    assert [body[s.start:s.end] for s in spans] == ["“defect”"]


def test_micro_thresholds_switch_off_a_label_that_only_adds_errors() -> None:
    rng = np.random.default_rng(1)
    good = rng.random(500) < 0.4
    noise = rng.random(500) < 0.02
    y = np.stack([good, noise], axis=1).astype(np.float32)
    prob = np.stack([np.where(good, 0.8, 0.2), rng.random(500)], axis=1)
    thr = micro_thresholds(prob, y)
    assert thr[0] <= 0.8 and thr[1] > 1.0  # the noise label is never predicted
    assert micro_f1(prob >= thr, y) > micro_f1(prob >= best_thresholds(prob, y), y)


def test_strong_lexicon_takes_plurals() -> None:
    text = "These puppets and thugs met the regimented guard."
    assert [text[s:e] for s, e in lexicons.hits(text, "strong")] == ["puppets", "thugs"]


def test_genre_choice_satire_head_overrides_the_softmax_only_where_it_fires() -> None:
    names = ("opinion", "reporting", "satire")
    genre = LinearHead(names, np.zeros(2, np.float32), np.ones(2, np.float32),
                       np.array([[1, -1, 0], [0, 0, 0]], np.float32),
                       np.array([0, 0, -30], np.float32), np.zeros(3, np.float32), softmax=True)
    x = np.array([[2.0, -5.0], [-2.0, -5.0], [2.0, 5.0], [-2.0, 1.0]], np.float32)
    assert genre_choice(genre, None, x).tolist() == [0, 1, 0, 1]  # satire column off
    satire = LinearHead(("satire",), np.zeros(2, np.float32), np.ones(2, np.float32),
                        np.array([[0], [1]], np.float32), np.zeros(1, np.float32),
                        np.array([0.8], np.float32))
    # P(satire) = sigmoid(x[:, 1]): 0.007, 0.007, 0.993, 0.73 (under the 0.8 cut)
    assert genre_choice(genre, satire, x).tolist() == [0, 1, 2, 1]
    picks, confidence = genre_call(genre, satire, x)
    assert picks.tolist() == [0, 1, 2, 1]
    # opinion / reporting: the softmax probability of the pick (logits x0 and -x0, so
    # sigmoid(4) = 0.982); the third row is the satire head's own P(satire) = sigmoid(5)
    assert np.allclose(confidence, [0.982, 0.982, 0.993, 0.982], atol=1e-3)
