"""What a story report adds to a summary: dates, timeline, entities, quotes, claims."""

from storyline.analyze._claims import extract_claims, number_spans, parse_number
from storyline.analyze._date_inference import infer_publication_dates
from storyline.analyze._entities import EntityIndex, extract_entities, name_tokens, names_match, same_word
from storyline.analyze._nlp import (
    DEFAULT_NER_MODEL,
    Paragraph,
    ParseWorkers,
    PendingParse,
    begin_parse,
    default_workers,
    load_nlp,
    parse_corpus,
    parse_workers,
)
from storyline.analyze._quotes import Quoted, extract_quotes, find_quotes
from storyline.analyze._timeline import build_timeline
from storyline.text import PublicationDate, find_event_dates, find_publication_date

__all__ = [
    "DEFAULT_NER_MODEL",
    "EntityIndex",
    "Paragraph",
    "ParseWorkers",
    "PendingParse",
    "PublicationDate",
    "Quoted",
    "begin_parse",
    "build_timeline",
    "default_workers",
    "extract_claims",
    "extract_entities",
    "extract_quotes",
    "find_event_dates",
    "find_publication_date",
    "find_quotes",
    "infer_publication_dates",
    "load_nlp",
    "name_tokens",
    "names_match",
    "number_spans",
    "parse_corpus",
    "parse_number",
    "parse_workers",
    "same_word",
]
