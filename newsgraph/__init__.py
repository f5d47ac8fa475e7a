"""newsgraph: read a pile of news articles and build the system they describe."""

__version__ = "0.1.0"
