"""The pre-split pipeline: page text -> blocks with roles, articles, joins and confidences.

paragraphs -> shapes -> title groups -> roles, articles -> joins -> :class:`Block` list.
"""

from __future__ import annotations

from annotator.model import Block, fast_block

from .articles import assign_articles
from .groups import ARTICLE_HEADING_LEVEL, find_groups
from .groups.sentence_series import sentence_series
from .joins import assign_joins, mark_cut_heads
from .paragraphs import paragraph_layout
from .roles import assign_roles
from .shapes import HEADING, Shape, shapes


def split_page(text: str) -> list[Block]:
    """Split a page's text into paragraph blocks with roles, articles and joins.

    Pure and total: any string gives a list of sorted, non-overlapping blocks that start and
    end on non-whitespace characters and together cover every non-whitespace character; an
    empty or blank page gives ``[]``. ``text`` is expected with ``\\n`` line ends.
    """
    return analyse_page(text)[1]


def analyse_page(text: str) -> tuple[list[Shape], list[Block]]:
    """The shapes the rules read (as the title groups left them) and the blocks they made.

    The learnt structure model (``annotator.learn.structure``) takes both as features.
    """
    ranges, layout = paragraph_layout(text)
    if not ranges:
        return [], []
    shaped = shapes(text, ranges)
    # Markdown pages mark their headlines; there a bare short line is never a headline.
    levels = [sh.level for sh in shaped if sh.kind == HEADING]
    markdown = bool(levels)
    if markdown and min(levels) > ARTICLE_HEADING_LEVEL:
        # Converters that start at ### (or deeper) for the page's headlines: the top level on
        # the page is the headline level, deeper ones stay intertitles.
        shift = min(levels) - ARTICLE_HEADING_LEVEL
        for sh in shaped:
            if sh.kind == HEADING:
                sh.level -= shift
    # a title-shaped line with a word cut into the body below
    mark_cut_heads(text, shaped, wrapped=bool(layout.width))
    groups = find_groups(shaped, markdown)
    sentence_series(text, shaped, groups)  # intertitles written as sentences, by their series
    roles = assign_roles(shaped, groups)
    articles = assign_articles(shaped, groups)
    joins = assign_joins(shaped, roles, articles, text, layout)
    blocks = []
    for sh, (role, role_conf), (article, boundary_conf), (joined, join_conf) in zip(
        shaped, roles, articles, joins, strict=True
    ):
        if article is None:
            role = "other"  # furniture has no article and no other role
        conf = {"role": role_conf, "boundary": boundary_conf, "join": join_conf}
        blocks.append(fast_block(sh.start, sh.end, role, article, joined, conf))
    return shaped, blocks
