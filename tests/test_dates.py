"""Dates of events: explicit and relative expressions resolved against the article date."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates import UNKNOWN_YEAR, Anchor, date_bounds, normalise_date, resolve_text, resolve_when
from newsgraph.nlp import parse


def when(text: str, published: str | None, trigger: str) -> str | None:
    parsed = parse(text)
    near = next(t.i for t in parsed if t.text == trigger)
    sentence = parsed[near].sent
    return resolve_when(sentence, parsed, published, near=near)


@pytest.mark.parametrize(
    ("text", "published", "trigger", "expected"),
    [
        ("On September 9, the minister met with lawmakers in Moscow.", "2022-09", "met", "2022-09-09"),
        ("In January, troops helped put down riots in the capital.", "2022-09", "helped", "2022-01"),
        ("The summit took place on 3-4 June.", "2024-07", "took", "2024-06-03"),
        ("He first visited the country in 2013.", "2022-09", "visited", "2013"),
        ("The army crossed the border on February 24, 2022.", None, "crossed", "2022-02-24"),
        ("A message sent early last month caused a storm.", "2022-09", "sent", "2022-08"),
        ("The former president suggested a few weeks ago that the war could spread.", "2022-09", "suggested",
         "2022-08"),
        ("Last year the country overtook its rival.", "2024-07", "overtook", "2023"),
        ("The two leaders spoke by phone on Thursday.", "2022-09-13", "spoke", "2022-09-08"),
        ("The summit, which starts on Thursday, is in Samarkand.", "2022-09-13", "starts", "2022-09-15"),
        ("The congress opens in October.", "2022-09", "opens", "2022-10"),
        ("The ministers met yesterday.", "2023-03-01", "met", "2023-02-28"),
    ],
)
def test_dates_in_the_sentence_resolve_against_the_article_date(text, published, trigger, expected):
    assert when(text, published, trigger) == expected


def test_a_month_later_than_the_article_month_is_last_year_in_the_past_tense():
    assert when("The talks collapsed in November.", "2023-02", "collapsed") == "2022-11"


def test_without_a_date_in_the_sentence_the_article_date_is_used():
    assert when("The two presidents held talks.", "2022-09-14", "held") == "2022-09-14"
    assert when("The two presidents held talks.", None, "held") is None


def test_the_start_of_a_period_is_not_the_date_of_the_event():
    text = "This visit marks his first trip abroad since January 2020."
    assert when(text, "2022-09", "visit") == "2022-09"


def test_the_date_nearest_the_trigger_wins():
    text = "After the riots in January, the president met his counterpart on March 3."
    assert when(text, "2022-09", "met") == "2022-03-03"


def test_relative_dates_need_a_precise_enough_article_date():
    assert resolve_text("last month", Anchor.parse("2022")) is None
    assert resolve_text("last year", Anchor.parse("2022")) == "2021"
    assert resolve_text("Thursday", Anchor.parse("2022-09")) == "2022-09"
    assert resolve_text("this week", Anchor.parse("2022-09-13")) == "2022-09"
    assert resolve_text("last month", None) is None


@pytest.mark.parametrize(
    ("text", "published", "direction", "expected"),
    [
        ("3-4 June", "2024-07", "past", "2024-06-03/2024-06-04"),
        ("June 3-4, 2023", None, "past", "2023-06-03/2023-06-04"),
        ("3-4 June", None, "past", "--06-03/--06-04"),
        ("September 9", None, "past", "--09-09"),
        ("in January", None, "past", "--01"),
        ("the early 1990s", None, "past", "1990/1999"),
        ("2019-20", None, "past", "2019/2020"),
        ("since January 2020", "2022-09", "past", "2020-01"),
        ("October", "2022-09", "future", "2022-10"),
        ("October", "2022-09", "past", "2021-10"),
        ("early last month", "2022-09", "past", "2022-08"),
        ("a few weeks ago", "2022-09", "past", "2022-08"),
        ("several days", "2022-09", "past", None),
    ],
)
def test_date_expressions_as_values_keep_their_extent(text, published, direction, expected):
    assert normalise_date(text, Anchor.parse(published), direction) == expected


def test_date_bounds_cover_what_the_value_states():
    assert date_bounds("2024-06-03/2024-06-04") == (date(2024, 6, 3), date(2024, 6, 4))
    assert date_bounds("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert date_bounds("2013") == (date(2013, 1, 1), date(2013, 12, 31))
    assert date_bounds("--07-02") == (date(UNKNOWN_YEAR, 7, 2), date(UNKNOWN_YEAR, 7, 2))
    assert date_bounds("--02-30") is None
    assert date_bounds("soon") is None
