"""The page view package: the text widget, its highlighter, margin, geometry and indexes."""

from annotator.gui.page_view.view import PageView, page_font

__all__ = ["PageView", "page_font"]
