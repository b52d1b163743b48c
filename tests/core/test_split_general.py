"""General rules of the pre-split that hold beyond the sample pages (issue 9, §1).

End lines of an article (photo credits with the name first, bracketed datelines, 整理 and
执笔 notes) close the article above instead of opening the next one; intertitles (小标题)
inside an article get their own role and open no article; ■ summary bullets under a
headline stay in its title group.
"""

from __future__ import annotations

import pytest

from annotator.split import split_page

BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"


def roles(text: str) -> list[tuple[str, str, int | None, bool]]:
    return [(text[b.start : b.end], b.role, b.article, b.joins_previous) for b in split_page(text)]


def two_articles_with(end_line: str) -> str:
    return "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明 李华",
            "本报讯 " + BODY,
            BODY,
            end_line,
            "城乡公交网络跑出加速度",
            "本报记者 王建国",
            "本报讯 " + BODY,
        ]
    )


@pytest.mark.parametrize(
    ("end_line", "role"),
    [
        ("杨帆摄", "caption"),
        ("高远摄（西安日报供图）", "caption"),
        ("张三 李四摄影报道", "caption"),
        ("（本报沈阳8月12日电）", "byline"),
        ("（新华社北京3月4日电）", "byline"),
        ("（黄蕾 吴昊整理）", "byline"),
        ("（执笔：孙悦）", "byline"),
    ],
)
def test_an_end_line_closes_the_article_above_and_the_next_heading_opens_one(end_line, role):
    got = roles(two_articles_with(end_line))
    by_text = {t: (r, a) for t, r, a, _ in got}
    assert by_text[end_line] == (role, 1)
    assert by_text["城乡公交网络跑出加速度"] == ("headline", 2)
    assert by_text["本报记者 王建国"] == ("byline", 2)


def test_city_photography_as_a_title_is_not_a_photo_credit():
    text = "城市摄影\n本报讯 " + BODY
    assert roles(text)[0][1] == "headline"


def test_a_series_of_short_title_lines_between_body_paragraphs_are_intertitles():
    text = "\n".join(
        [
            "全省春耕生产全面展开",
            "本报记者 张明",
            "本报讯 " + BODY,
            "春耕新篇",
            BODY,
            "夜经济有方",
            BODY * 2 + "当地政府加快建设农田",  # cut by a column break: the next line goes on
            "水利设施，群众满意度不断提高。",
        ]
    )
    got = roles(text)
    assert {a for _, _, a, _ in got} == {1}
    assert [(t, r) for t, r, _, _ in got if r == "intertitle"] == [
        ("春耕新篇", "intertitle"),
        ("夜经济有方", "intertitle"),
    ]
    after = [j for t, _, _, j in got if t.startswith(BODY)]
    assert after == [False, False]  # the body after an intertitle does not join across it
    assert got[-1][3] is True


def test_one_intertitle_in_a_story_is_an_intertitle_but_an_item_signed_below_is_not():
    story = ["全省春耕生产全面展开", "本报记者 张明", "本报讯 " + BODY]
    short = roles("\n".join([*story, "春耕新篇", BODY]))
    assert short[3][1:3] == ("intertitle", 1)
    # a headline-length line with no byline, dateline or lead of its own: still the story's
    longer = roles("\n".join([*story, "消费市场持续回暖", BODY]))
    assert longer[3][1:3] == ("intertitle", 1)
    # … unless its text is signed at its end, as a short news item is
    item = roles("\n".join([*story, "消费市场持续回暖", BODY + "（记者 王建国）"]))
    assert item[3][1:3] == ("headline", 2)


def test_numbered_title_lines_and_deeper_markdown_headings_are_intertitles():
    numbered = roles(
        "\n".join(
            ["## 多地出台措施", "本报讯 " + BODY, "一、扩大岗位供给", BODY, "二、强化服务", BODY]
        )
    )
    assert [r for t, r, _, _ in numbered if t.startswith(("一、", "二、"))] == ["intertitle"] * 2
    markdown = roles("\n\n".join(["## 多地出台措施", "本报讯 " + BODY, "#### 扩大岗位供给", BODY]))
    assert markdown[2][1:3] == ("intertitle", 1)


def test_summary_bullets_under_a_headline_stay_in_its_title_group():
    text = "\n".join(
        [
            "上一篇的标题",
            "本报讯 " + BODY,
            "非遗传承：杭州全面提升生态修复工程",
            "——南京社区食堂观察",
            "■ 基层干部积极推进冷链物流体系",
            "■ 基层干部逐步建立冷链物流体系",
            "■ 志愿者加快建设应急保障体系",
            "本报西安10月22日电（记者 孙悦）" + BODY,
        ]
    )
    got = roles(text)
    assert got[2][1:3] == ("headline", 2)
    assert [r for _, r, a, _ in got if a == 2] == ["headline"] + ["subheadline"] * 4 + ["body"]


def test_a_marked_up_paragraph_is_stripped_of_its_markdown_once(monkeypatch):
    """shape() asks for the unmarked text from three checks; the markup is stripped once."""
    from annotator.split import cues, shapes
    from annotator.split.cues import chars

    calls: list[str] = []
    real = chars.strip_markup

    def counting(s: str) -> str:
        calls.append(s)
        return real(s)

    monkeypatch.setattr(chars, "strip_markup", counting)
    cues.unmarked.cache_clear()
    text = "**关于推进城乡融合发展的几点思考**"
    got = shapes.shape(text, 0, len(text))
    assert got.kind == shapes.TITLE
    assert calls == [text]


def test_an_empty_text_has_no_markdown_to_strip():
    from annotator.split.cues import chars

    assert chars.unmarked("") == ""
