"""annotator: review machine-split newspaper pages and export exact gold training data."""

__version__ = "0.1.0"
