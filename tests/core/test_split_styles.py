"""Rules of the pre-split found on further newspaper styles (issue 9, ``bench/structure_styles.py``).

Each test holds one general cue: bylines that end in 文/图, lines wider than a hard-wrapped
column, column names over a commentary's headline, 引题/主题/副题 stacks, 编者按 notes in the
title group, paragraphs that begin with punctuation, tables of figures, intertitles with
punctuation inside, bracketed intertitles.
"""

from __future__ import annotations

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"


def roles(text: str) -> list[tuple[str, str, int | None, bool]]:
    return [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in split_page(text)]


def by_text(text: str) -> dict[str, tuple[str, int | None, bool]]:
    return {t: (r, a, j) for t, r, a, j in roles(text)}


def test_a_byline_ending_in_text_and_photos_by_is_a_byline():
    text = "\n".join(["全省春耕生产全面展开", "□记者 周婷 文/图", BODY])
    assert by_text(text)["□记者 周婷 文/图"] == ("byline", 1, False)


def _wrapped(par: str, width: int) -> list[str]:
    return [par[k : k + width] for k in range(0, len(par), width)]


def test_a_line_wider_than_a_hard_wrapped_column_stands_alone():
    # A page header and a headline set across the columns are wider than the column.
    width = 16
    header = "A20 社会 2025年10月24日 星期五 责编 马丽 美编 周婷"
    head = "科研团队大力推广中小学课后服务，乡村振兴让群众得到了实惠"
    lines = [header, *_wrapped(BODY * 2, width), head, "本报记者 张明", *_wrapped(BODY2 * 2, width)]
    got = by_text("\n".join(lines))
    assert got[header] == ("other", None, False)
    assert got[head][:2] == ("headline", 2)
    assert got["本报记者 张明"] == ("byline", 2, False)


def test_a_short_column_name_below_body_text_is_the_kicker_of_the_next_article():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            BODY,
            BODY2,
            "今日谈",
            "让古村落活起来",
            "本报评论员",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["今日谈"] == ("kicker", 2, False)
    assert got["让古村落活起来"] == ("headline", 2, False)
    assert got[BODY2] == ("body", 1, False)


def test_a_short_line_under_the_page_header_is_still_a_page_label():
    text = "\n".join(
        ["2025年1月5日 星期日 第4版", "要闻", "全省春耕生产全面展开", "本报记者 张明", BODY]
    )
    got = by_text(text)
    assert got["要闻"] == ("other", None, False)
    assert got["全省春耕生产全面展开"] == ("headline", 1, False)


def test_three_unmarked_title_lines_are_kicker_headline_and_subheadline():
    text = "\n".join(
        [
            "家门口建起共享菜园 居民从旁观者变身参与者",
            "小菜园种出大和谐",
            "社区居民积极推进社区养老服务",
            "记者 张明 通讯员 李华",
            BODY,
        ]
    )
    assert [r for _, r, _, _ in roles(text)] == [
        "kicker",
        "headline",
        "subheadline",
        "byline",
        "body",
    ]
