"""Claims: the figures a text cites, with what they measure, and where texts disagree.

`numbers` reads written numbers and units into normal values, `subjects` reads what a figure
measures from the parse, `figures` finds the figures of one document, `conflicts` compares
figures and dates across documents, and `disputes` compares how texts tie actors, who they say
said something and what they say was done. Dates are read by `newsgraph.dates`.
"""

from newsgraph.claims.conflicts import find_conflicts
from newsgraph.claims.figures import extract_claims
from newsgraph.claims.numbers import DATE_UNITS, Figure, find_figures, parse_number
from newsgraph.claims.subjects import same_subject, subject_words
from newsgraph.dates import date_bounds, normalise_date

__all__ = ["DATE_UNITS", "Figure", "date_bounds", "extract_claims", "find_conflicts", "find_figures",
           "normalise_date", "parse_number", "same_subject", "subject_words"]
