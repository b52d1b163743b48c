"""Conventions of wire copy that the pre-split reads on any paper (issue 9, second paper).

A news agency's stories open with their dateline (新华社北京3月4日电…), or carry it under the
last sentence when they open with a byline: on the same line (…新篇章。  新华社北京3月4日电)
or alone on the last line. Team reports are signed by the agency alone (新华社记者), and
commentaries and agency pieces close with a bracketed note (（本报评论员 张三 李四）,
（王五 新华社特稿）). The text here is written for the tests.
"""

from __future__ import annotations

from annotator.split import split_page
from annotator.split.cues import (
    END_FINAL,
    END_OPEN,
    bracketed_note,
    ending,
    ends_with_dateline,
    line_ending,
    names_line,
    start_cue,
)
from annotator.split.paragraphs import paragraphs

HEADER = "2026年3月5日  星期四  要闻  第2版"
BODY = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务。"
BODY2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与。"
BODY3 = "今年以来，这个县先后修缮古桥九座，沿河步道连成一线，游客明显多了起来。"


def by_text(text: str) -> dict[str, tuple[str, int | None]]:
    return {text[b.start : b.end]: (b.role, b.article) for b in split_page(text)}


def test_a_dateline_under_the_last_sentence_closes_the_story_so_the_next_headline_opens_one():
    last = BODY3 + "\u3000\u3000新华社北京3月4日电"
    text = "\n".join(
        [
            HEADER,
            "山区小学用上了新课桌",
            "新华社记者",
            BODY,
            last,
            "春风送暖花开满城",
            "——写在植树节到来之际",
            "新华社记者",
            BODY2,
            BODY,
            "新华社上海3月4日电",
            "沿河步道连成一线",
            "新华社杭州3月4日电记者从省文旅厅获悉，全省新建口袋公园两百余个。",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["山区小学用上了新课桌"] == ("headline", 1)
    assert got["新华社记者"][0] == "byline"
    assert got[last] == ("body", 1)
    assert got["春风送暖花开满城"] == ("headline", 2)
    assert got["——写在植树节到来之际"] == ("subheadline", 2)
    assert got["新华社上海3月4日电"] == ("byline", 2)
    assert got["沿河步道连成一线"] == ("headline", 3)
    assert got["新华社杭州3月4日电记者从省文旅厅获悉，全省新建口袋公园两百余个。"] == ("body", 3)


def test_a_closing_dateline_needs_a_finished_sentence_before_it():
    assert ends_with_dateline("游客明显多了起来。新华社南京3月4日电")
    assert ending("游客明显多了起来。 （新华社北京3月4日电）") == "final"
    assert ending("游客明显多了起来。\u3000新华社北京3月4日电") == "final"
    assert ending("市民可在3月4日电") == "open"
    assert not ends_with_dateline("据悉，新规定于3月4日电")


def test_a_wire_lead_without_a_space_after_its_dateline_is_still_a_lead():
    assert start_cue("新华社北京3月4日电国务院日前印发通知，部署相关工作。") == "lead"
    # every source that heads a spaced dateline, not only the two wire agencies
    assert start_cue("人民网北京3月4日电国务院日前印发通知，部署相关工作。") == "lead"
    assert start_cue("本报北京3月4日电网公司加快建设。") is None  # 电网 is a word
    assert start_cue("新华社北京3月4日电视台记者报道。") is None


def test_bracketed_notes_of_desks_and_agencies_close_their_article():
    text = "\n".join(
        [
            HEADER,
            "防汛的思想之堤容不得松懈",
            BODY,
            BODY2,
            "（本报评论员 张明 李华）",
            "老街改造重在留住烟火气",
            BODY3,
            BODY,
            "（王刚 新华社特稿）",
            "科技小院扎根田野",
            BODY2,
            BODY3,
            "（记者 刘洋 陈晨）新华社北京3月4日电",
            "口袋公园越建越多",
            "本报记者",
            BODY,
        ]
    )
    got = by_text(text)
    assert got["（本报评论员 张明 李华）"] == ("byline", 1)
    assert got["老街改造重在留住烟火气"] == ("headline", 2)
    assert got["（王刚 新华社特稿）"] == ("byline", 2)
    assert got["科技小院扎根田野"] == ("headline", 3)
    assert got["（记者 刘洋 陈晨）新华社北京3月4日电"] == ("byline", 3)
    assert got["口袋公园越建越多"] == ("headline", 4)
    assert got["本报记者"] == ("byline", 4)


def test_a_dateline_alone_on_a_wrapped_line_ends_its_paragraph():
    text = "游客明显多了起来。\n新华社北京3月4日电\n春风送暖花开满城"
    first, second = text.split("\n")[:2]
    assert line_ending(text, 0, len(first)) == END_FINAL
    start = len(first) + 1
    assert line_ending(text, start, start + len(second)) == END_FINAL
    assert line_ending("他说会在3月4日电", 0, 9) == END_OPEN


def test_a_first_line_that_says_who_spoke_is_the_kicker_of_a_two_line_heading():
    text = "\n".join(
        [
            HEADER,
            "王明在全省防汛工作会议上强调",
            "压实责任 做好防汛各项工作",
            "新华社杭州3月4日电 全省防汛工作会议4日召开，会议部署了主汛期各项工作。",
            BODY,
            "《学习》杂志发表刘华的重要文章",
            "加快建设美丽乡村",
            "新华社北京3月4日电 3月5日出版的《学习》杂志将发表刘华的重要文章。",
            BODY2,
            "春风送暖花开满城",
            "来小城感受慢生活的滋味",
            "本报记者 张明",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["王明在全省防汛工作会议上强调"] == ("kicker", 1)
    assert got["压实责任 做好防汛各项工作"] == ("headline", 1)
    assert got["《学习》杂志发表刘华的重要文章"] == ("kicker", 2)
    assert got["加快建设美丽乡村"] == ("headline", 2)
    # without a verb of saying, the first of two lines stays the headline
    assert got["春风送暖花开满城"] == ("headline", 3)
    assert got["来小城感受慢生活的滋味"] == ("subheadline", 3)


def _wrapped(paragraph: str, width: int = 16) -> list[str]:
    return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]


def test_on_a_hard_wrapped_page_a_closing_dateline_is_no_lead_of_the_headline_below():
    body = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务工作。"
    body2 = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校也积极参与其中。"
    lines = ["山区小学用上了新课桌", "新华社记者", *_wrapped(body), *_wrapped(body2)]
    lines += ["新华社北京3月4日电", "春风送暖花开满城", "新华社记者 张明", *_wrapped(BODY3)]
    text = "\n".join(lines)
    got = [text[a:b] for a, b in paragraphs(text)]
    assert "新华社北京3月4日电" in got
    assert "春风送暖花开满城" in got
    roles = by_text(text)
    assert roles["春风送暖花开满城"] == ("headline", 2)
    assert roles["新华社北京3月4日电"] == ("byline", 1)


def _joins(text: str) -> dict[str, bool]:
    return {text[b.start : b.end]: b.joins_previous for b in split_page(text)}


def test_list_items_ending_on_semicolons_and_a_dash_introduction_are_paragraphs_of_their_own():
    items = [
        "在广东，听取工作汇报时，强调推进创新链产业链深度融合；",
        "在江苏，走进工业园区，提出加强科技创新和产业创新对接；",
        "在湖南，听取工作汇报时，指出强化企业科技创新主体地位……",
    ]
    intro = "这是全民科普总动员的生动实践——"
    after = "以全国科普月为引领，推动构建社会化科普新格局，催生科普产业发展新业态。"
    text = "\n".join([HEADER, "科技小院扎根田野", "本报记者 张明", BODY, *items, intro, after])
    got = _joins(text)
    assert [got[t] for t in items] == [False, False, False]
    assert got[intro] is False
    assert got[after] is False
    # one paragraph ending on ； alone, before the end of its sentence, is still a column cut
    cut = "\n".join([HEADER, "本报讯 会议研究了交通、教育、医疗；", "养老等方面的重点工作。"])
    assert _joins(cut)["养老等方面的重点工作。"] is True


def test_a_note_on_who_made_the_piece_closes_it():
    text = "\n".join(
        [
            HEADER,
            "从工业旅游中品读中国",
            BODY,
            BODY2,
            "（本文由“某某”App辅助生成）",
            "莫让流量收割童真",
            BODY3,
        ]
    )
    got = by_text(text)
    assert got["（本文由“某某”App辅助生成）"] == ("byline", 1)
    assert got["莫让流量收割童真"] == ("headline", 2)


def test_a_closing_dateline_broken_over_two_wrapped_lines_still_closes_the_story():
    body = "当地政府加快建设农田水利设施，群众满意度不断提高。社区居民积极推进社区养老服务工作。"
    last = "据统计，全市已建成便民服务网点三百余处，惠及上万户家庭。多所高校积极参与其中的各项工作。\u3000新华社北京3月4日电"
    lines = ["山区小学用上了新课桌", "新华社记者", *_wrapped(body), *_wrapped(last)]
    lines += ["春风送暖花开满城", "新华社记者 张明", *_wrapped(BODY3)]
    assert "北京3月4日电" in lines  # the wrap broke the dateline after 新华社
    text = "\n".join(lines)
    assert "春风送暖花开满城" in [text[a:b] for a, b in paragraphs(text)]
    assert by_text(text)["春风送暖花开满城"] == ("headline", 2)


def test_who_chaired_under_a_headline_is_its_subheadline_not_a_name():
    assert not names_line("尹力主持")
    assert names_line("王  明")
    text = "\n".join(
        [
            HEADER,
            "纪念仪式在京举行",
            "李明主持",
            "新华社北京3月4日电 纪念仪式4日上午在京举行。",
            BODY,
        ]
    )
    assert by_text(text)["李明主持"] == ("subheadline", 1)


def test_an_intertitle_about_workers_is_no_byline_of_a_writer():
    text = "\n".join(
        [
            HEADER,
            "科技小院扎根田野",
            "新华社记者 张明",
            BODY,
            BODY2,
            "团结引领科技工作者成才建功",
            BODY3,
            BODY,
        ]
    )
    # a lone intertitle may still be read as a headline; a writer's line it is not
    assert by_text(text)["团结引领科技工作者成才建功"][0] != "byline"


def _wire_story_then(title: str, signature: str) -> str:
    """A wire story signed by its lead, then a title line over text closed by ``signature``."""
    return "\n".join(
        [
            HEADER,
            "山区小学用上了新课桌",
            "新华社北京3月4日电（记者 张三 李四）" + BODY,
            BODY2,
            title,
            BODY3,
            BODY,
            signature,
        ]
    )


def test_a_title_over_text_signed_at_its_end_inside_a_story_dated_at_its_head_opens_a_story():
    # A wire story signs once: under a lead that gave its dateline, a closing dateline or a
    # special article's signature below a title line says that the line heads a story of its
    # own, no 小标题 of the first.
    title = "跨越大洋的“智造之旅”：外资鞋企的数字化转型"
    for signature in ("（新华社北京3月4日电）", "（王五 新华社专特稿）"):
        got = by_text(_wire_story_then(title, signature))
        assert got[title] == ("headline", 2), signature
        assert got[signature][1] == 2


def test_a_note_on_the_writer_on_who_helped_or_on_reporters_does_not_sign_a_second_story():
    # (a wire story may name more reporters at its end: only a dateline or a special
    # article's note is a second signature)
    title = "跨越大洋的“智造之旅”：外资鞋企的数字化转型"
    for note in ("（作者为某大学教授）", "（实习生王五参与采写）", "（本报记者 王五 赵六）"):
        got = by_text(_wire_story_then(title, note))
        assert got[title][1] == 1, note


def test_a_line_leaving_a_book_title_mark_open_is_a_cut_paragraph_and_no_intertitle():
    # …发布《 / 关于…》: a 《 left open is the head of a paragraph cut by a column break.
    head = "商务部日前发布《关于市场情况的说明》商务部日前发布《"
    got = by_text(_wire_story_then(head, BODY2))
    assert got[head] == ("body", 1)


def test_a_short_item_title_over_many_paragraphs_signed_at_their_end_heads_its_own_story():
    # A one-line title over more paragraphs than a short item has reads as a cut paragraph's
    # head inside the story above, unless the text under it is signed a second time.
    title = "某国表示不再回应外界批评"
    text = "\n".join(
        [
            HEADER,
            "山区小学用上了新课桌",
            "新华社北京3月4日电（记者 张三 李四）" + BODY,
            BODY2,
            title,
            *[BODY3, BODY, BODY2, BODY3, BODY, BODY2],
            "（王五 新华社专特稿）",
        ]
    )
    assert by_text(text)[title] == ("headline", 2)


def test_a_story_under_a_byline_closing_with_its_dateline_keeps_its_intertitle():
    # A feature signed by its byline closes with its dateline: one signature each, one story.
    title = "跨越大洋的“智造之旅”：外资鞋企的数字化转型"
    text = "\n".join(
        [
            HEADER,
            "山区小学用上了新课桌",
            "新华社记者 张三",
            BODY,
            BODY2,
            title,
            BODY3,
            BODY + "新华社北京3月4日电",
        ]
    )
    assert by_text(text)[title][1] == 1


def test_a_line_in_brackets_only_at_its_start_or_too_short_is_no_end_note():
    assert bracketed_note("（摘编自《某某日报》，原题为《老街新貌》）")
    # a bracket left open (a note cut by a column, or the text's own aside) and a bracketed
    # label of three characters close nothing
    assert not bracketed_note("（摘编自《某某日报》，原题为《老街新貌》")
    assert not bracketed_note("（注：）")
