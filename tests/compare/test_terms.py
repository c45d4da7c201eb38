"""The topic profile: content words without the actors, compact in the feature row."""

from __future__ import annotations

from newsgraph.compare.features import from_article, from_row, to_row
from newsgraph.compare.terms import Profile, fold, idf, topic_terms, unit_vector


def test_topic_terms_leave_out_actor_mentions_names_and_reporting_words() -> None:
    text = "Belarusian refineries stopped. Russia said the refineries would get less oil."
    start = text.index("Russia")
    terms, counts = topic_terms(text, [(start, start + len("Russia"))], ["Belarus"])
    assert terms[0] == fold("refineries") and counts[0] == 2
    assert fold("oil") in terms and fold("stopped") in terms
    assert not {fold("Belarusian"), fold("Russia"), "said", "the", "would"} & set(terms)


def test_plurals_and_inflections_fold_together() -> None:
    assert fold("Refineries") == fold("refinery")
    assert fold("protesters") == fold("protest") == fold("protested")
    assert fold("Lukashenko's") == fold("Lukashenko")


def test_topic_terms_are_bounded_and_most_frequent_first() -> None:
    text = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(100))
    terms, counts = topic_terms(text + " pipeline pipeline pipeline", top=10)
    assert len(terms) == 10 and terms[0] == fold("pipeline") and counts[0] == 3


def test_profile_cosine_is_one_for_the_same_words_and_zero_for_others() -> None:
    weights = idf([("oil", "crude"), ("oil", "tank")])
    assert weights["crude"] > weights["oil"]  # rarer words weigh more
    oil = unit_vector(("oil", "crude"), b"\x02\x01", weights)
    profile = Profile()
    profile.add(oil)
    assert abs(profile.cosine(oil) - 1.0) < 1e-9
    assert profile.cosine(unit_vector(("tank",), b"\x01", weights)) == 0.0


def test_feature_row_keeps_the_terms(make) -> None:
    f = from_article(make("a", "Crude oil deliveries stopped; the refineries cut output.",
                          actors=["RUS", "BLR"]))
    assert f.terms and len(f.terms) == len(f.term_counts)
    back = from_row(to_row(f))
    assert (back.terms, back.term_counts) == (f.terms, f.term_counts)
