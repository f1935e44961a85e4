"""Questionnaires as data: checked strictly, every fault named with its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfcare.core.measures import (
    ESAS_R,
    TENSION,
    WEEKLY_CHECK,
    MeasureError,
    mean_score,
    parse_instrument,
)

SHIPPED = Path(__file__).parents[3] / "assets" / "measures"

GOOD = b"""
format = 1
id = "mood"
version = "1"
timeframe = "now"
name.en = "Mood"
credit.en = "Ours."

[[items]]
id = "calm"
text.en = "How calm are you?"
low.en = "Not at all"
high.en = "Completely"
"""


def shipped(name: str) -> bytes:
    return (SHIPPED / f"{name}.toml").read_bytes()


def test_a_well_formed_file_gives_its_items_with_anchors() -> None:
    instrument = parse_instrument(GOOD, "mood.toml")
    item = instrument.item("calm")
    assert (item.text["en"], item.low["en"], item.high["en"]) == (
        "How calm are you?", "Not at all", "Completely")
    assert instrument.score is None


@pytest.mark.parametrize(("change", "fault"), [
    (lambda t: t.replace(b"format = 1", b"format = 2"), "format"),
    (lambda t: t.replace(b'low.en = "Not at all"\n', b""), "low"),
    (lambda t: t.replace(b'id = "calm"', b'id = "Calm Now"'), "id"),
    (lambda t: t + b'extra = "x"\n', "extra"),
    (lambda t: t.replace(b'timeframe = "now"', b'timeframe = "yesterday"'), "timeframe"),
    (lambda t: t.replace(b'high.en = "Completely"',
                         b'high.en = "Completely"\nhigh.es = "Del todo"'),
     "only some of its words in 'es'"),
    (lambda t: t + t[t.index(b"[[items]]"):], "used twice"),
    (lambda t: t.replace(b'credit.en = "Ours."', b'credit.es = "Nuestra."'), "English"),
    (lambda t: t.replace(b"[[items]]", b"[[items"), "not valid TOML"),
    (lambda t: b"\xff\xfe" + t, "not UTF-8"),
], ids=["format", "anchor missing", "bad id", "unknown field", "timeframe", "partial language",
        "duplicate item", "no English credit", "broken toml", "not utf-8"])
def test_a_broken_file_names_itself_and_the_fault(change, fault: str) -> None:
    with pytest.raises(MeasureError) as raised:
        parse_instrument(change(GOOD), "clinic/mood.toml")
    assert str(raised.value).startswith("clinic/mood.toml: ")
    assert fault in str(raised.value)


def test_the_weekly_check_has_three_credited_items_scored_by_their_mean() -> None:
    weekly = parse_instrument(shipped(WEEKLY_CHECK), WEEKLY_CHECK)
    assert [item.id for item in weekly.items] == ["average-pain", "enjoyment", "activity"]
    assert weekly.timeframe == "past-week" and weekly.score == "mean"
    assert "Krebs" in weekly.credit["en"] and "Krebs" in weekly.credit["es"]
    assert all(item.has("en") and item.has("es") for item in weekly.items)
    assert weekly.codes == {"panel": "91148-7", "score": "91147-9"}


def test_the_esas_r_items_keep_their_published_english_wording() -> None:
    esas = parse_instrument(shipped(ESAS_R), ESAS_R)
    words = {item.id: (item.text["en"], item.low["en"], item.high["en"]) for item in esas.items}
    assert words == {
        "tiredness": ("Tiredness (lack of energy)", "No tiredness", "Worst possible tiredness"),
        "anxiety": ("Anxiety (feeling nervous)", "No anxiety", "Worst possible anxiety"),
        "wellbeing": ("Wellbeing (how you feel overall)", "Best wellbeing",
                      "Worst possible wellbeing"),
    }
    assert "ESAS-r" in esas.credit["en"] and "University of Alberta" in esas.credit["en"]
    # no translation of our own: the instrument may not be modified
    assert all(item.lang_for("es") == "en" for item in esas.items)


def test_tension_is_our_own_question_in_both_languages() -> None:
    tension = parse_instrument(shipped(TENSION), TENSION)
    assert tension.item("tension").has("es")
    assert tension.credit["en"] == "Selfcare's own question."


def test_the_mean_score_needs_every_item() -> None:
    weekly = parse_instrument(shipped(WEEKLY_CHECK), WEEKLY_CHECK)
    assert mean_score(weekly, {"average-pain": 6, "enjoyment": 4, "activity": 5}) == 5.0
    assert mean_score(weekly, {"average-pain": 7, "enjoyment": 7, "activity": 8}) == \
        pytest.approx(22 / 3)
    assert mean_score(weekly, {"average-pain": 6, "enjoyment": None, "activity": 5}) is None
    assert mean_score(weekly, {"average-pain": 6}) is None
    with pytest.raises(ValueError):
        mean_score(weekly, {"average-pain": 11, "enjoyment": 4, "activity": 5})
    esas = parse_instrument(shipped(ESAS_R), ESAS_R)
    assert mean_score(esas, {"tiredness": 3, "anxiety": 3, "wellbeing": 3}) is None  # no score


def test_week_scores_are_newest_first_and_a_week_all_skipped_is_skipped() -> None:
    from datetime import date

    from selfcare.core.measures import week_scores

    weekly = parse_instrument(shipped(WEEKLY_CHECK), WEEKLY_CHECK)
    one, two = date(2026, 11, 23), date(2026, 11, 30)
    rows = [(one, "average-pain", 6), (one, "enjoyment", 4), (one, "activity", 5),
            (two, "average-pain", None), (two, "enjoyment", None), (two, "activity", None)]
    newest, oldest = week_scores(weekly, rows)
    assert (newest.week_start, newest.skipped, newest.score) == (two, True, None)
    assert (oldest.week_start, oldest.skipped, oldest.score) == (one, False, 5.0)
