"""storyline: many news reports of one story in, one account you can trust out."""

from storyline.cluster import Assignment, BCubed, ClusterOptions, bcubed, cluster_articles
from storyline.errors import BackendError, ConfigError, InputError, StageError, StorylineError
from storyline.model import Article, Dropped, ReportOptions, Story, Summary, SummaryOptions, SummarySentence
from storyline.pipeline import Pipeline, Reporter, Stage, Summarizer, report, summarize
from storyline.timelines import Timeline, timeline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Assignment",
    "BCubed",
    "BackendError",
    "ClusterOptions",
    "ConfigError",
    "Dropped",
    "InputError",
    "Pipeline",
    "ReportOptions",
    "Reporter",
    "Stage",
    "StageError",
    "Story",
    "StorylineError",
    "Summarizer",
    "Summary",
    "SummaryOptions",
    "SummarySentence",
    "Timeline",
    "__version__",
    "bcubed",
    "cluster_articles",
    "report",
    "summarize",
    "timeline",
]
