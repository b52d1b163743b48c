"""Heuristic pre-split: page text -> blocks with roles, articles and paragraph joins.

``split_page(text)`` is a pure function (no I/O, no Qt) returning :class:`annotator.model.Block`
objects. It works from general cues of Chinese newspaper typography, not from any one paper:

* ``paragraphs``: blank-line or one-paragraph-per-line flavour, detected per page;
* ``cues``: the regexes (bylines, leads, datelines, captions, furniture, endings);
* ``shapes``: what each paragraph looks like on its own;
* ``groups``: kicker/headline/subheadline/byline/lead groups that open articles;
* ``roles``, ``articles``, ``joins``: the three decisions, each with a confidence.
"""

from .page import analyse_page, split_page

__all__ = ["analyse_page", "split_page"]
