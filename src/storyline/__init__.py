"""storyline: many news reports of one story in, one account you can trust out."""

from storyline.errors import BackendError, ConfigError, InputError, StageError, StorylineError
from storyline.model import Article, Dropped, Summary, SummaryOptions, SummarySentence
from storyline.pipeline import Summarizer, summarize

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BackendError",
    "ConfigError",
    "Dropped",
    "InputError",
    "StageError",
    "StorylineError",
    "Summarizer",
    "Summary",
    "SummaryOptions",
    "SummarySentence",
    "__version__",
    "summarize",
]
