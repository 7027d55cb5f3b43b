"""tuireader: an offline terminal reader for news libraries."""

__version__ = "0.1.0"
