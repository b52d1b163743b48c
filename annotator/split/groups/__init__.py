"""Shapes -> title groups: the kicker/headline/subheadline/byline/lead clusters that open articles.

An article starts with a *title group*. The group is found from its anchor, the first thing
below the titles that only an article head has:

* **strong**: a run of headline-shaped paragraphs followed by a front byline and/or a lead
  (本报讯…, 本报北京3月4日电…, （记者 张三）…); the titles are the last few paragraphs of
  the run, walking upwards until a kicker ending in —— or a markdown heading (plus the one
  paragraph above it, its kicker) closes the group at the top. A lead, or bylines followed by
  a lead, with no title above also opens an article (one-line items, untitled items).
* **heading**: on a markdown page every ``#``/``##`` heading (or cluster of headings on
  consecutive lines) opens an article even without a byline; a short line directly above it
  is its kicker, short lines below it are subheadlines.
* **weak**: on a plain page, a short news item without byline: at most three short lines
  without any punctuation (or any title-shaped line right after a closed article), directly
  followed by body text, and preceded by a finished sentence, the page top or furniture. A
  short line after an unfinished paragraph is the tail of a column-cut paragraph instead.

Paragraphs of a title run that do not make it into a group stay loose: they are body text of
the article in progress (a paragraph cut short by a column break looks just like a title).
A very short line (要闻, 简讯) at the top of a title run, above more titles or bulleted items,
is a page or column label: furniture.

The modules, in the order :func:`find_groups` (``find``) runs them:

* ``group``: the :class:`Group` value and its strengths; ``context``: where a paragraph stands;
* ``rereads``, ``bylines``: shapes re-read from their neighbours before the scan;
* ``runs``: the scan of the page (title runs, bylines, leads), with ``labels``, ``headings``
  (markdown), ``strong`` (titles over an anchor), ``weak`` (no anchor) and ``standfirst``
  (opinion pages);
* ``dated``, ``columns``, ``continued``: groups added or made firm after the scan;
* ``intertitles``: the 小标题 taken out of the groups, with ``signed_stories``,
  ``lone_lines``, ``unsigned``, ``alike``, ``title_lines``, ``parallel``, ``boxes``,
  ``verses``, ``clauses``, ``stacked``, ``numbered`` and ``second_lines``;
* ``sets``: signed pieces of a set, one article.
"""

from .find import find_groups
from .group import ARTICLE_HEADING_LEVEL, HEADED, STRONG, WEAK, Group

__all__ = ["ARTICLE_HEADING_LEVEL", "HEADED", "STRONG", "WEAK", "Group", "find_groups"]
