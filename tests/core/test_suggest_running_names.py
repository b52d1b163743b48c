"""PER cue 7: names in running text without a cue, by the statistics of names
(annotator/suggest/people/running.py)."""

from __future__ import annotations

import pytest

from annotator import lexicon
from annotator.suggest import suggest_spans
from annotator.suggest.people.running import running_names


def _people(text: str) -> list[str]:
    return [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("此后，魏源在小卷阿寓所潜心著述。", "魏源"),
        ("昨天，王建军在会上通报了情况。", "王建军"),
        ("会后，张丽萍到现场查看进度。", "张丽萍"),
        ("两年来，李永义采取各种保暖措施。", "李永义"),
        ("他学习毛泽东的著作。", "毛泽东"),  # 泽 and 东 also spell foreign names
    ],
)
def test_a_name_without_a_cue_is_found(text: str, name: str) -> None:
    assert _people(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("第二年程先生被学院聘为顾问。", "程"),
        ("大家了解周总理的历史功绩。", "周"),
        ("村里的王大娘笑了。", "王"),
        ("他找到了陈科长。", "陈"),
        ("在杜氏任期内，改革得以推进。", "杜"),  # 氏: a form of address as 先生 is
    ],
)
def test_a_lone_surname_before_an_honorific_is_a_name(text: str, name: str) -> None:
    assert _people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "要坚持精准施策，加强公共医疗。",  # 施 is a surname, 施策 a verb phrase
        "及早调储春耕备耕物资。",  # 储 + the word 春耕 glued to 调
        "以北戴河为中心开展观鸟。",  # 戴 inside a place name
        "这是上下班的高峰时段。",  # 高峰 is a word
        "美国驻华使馆武官出席。",  # 华 ends the word 驻华
        "他向总理说出了心里话。",  # 向 is a preposition before an honorific
    ],
)
def test_words_and_places_are_no_names(text: str) -> None:
    assert running_names(text) == []


def test_a_surname_inside_a_transliterated_name_is_not_a_chinese_name() -> None:
    text = "他们是：皮尔庞特、托曼戴尔。"
    # 戴尔 is no name of its own: the runs are foreign names, whole
    assert [text[s:e] for s, e in running_names(text)] == ["皮尔庞特", "托曼戴尔"]


def test_running_names_yield_to_other_candidates() -> None:
    text = "此后，魏源在小卷阿寓所潜心著述。"
    assert running_names(text) == [(3, 5)]
    assert running_names(text, taken=[(2, 4)]) == []


def test_the_name_statistics_are_lexicons_of_numbers() -> None:
    for name in ("people_given_scores", "people_given_rare_scores", "people_surname_scores"):
        scores = lexicon.fields(name)
        assert len(scores) > 300
        assert all(len(c) == 1 and float(v) == float(v) for c, v in scores.items())
    assert float(lexicon.fields("people_surname_scores")["王"]) > 0
    assert float(lexicon.fields("people_given_scores")["的"]) < 0


def test_the_name_rule_reads_the_cached_short_words_not_all_of_jieba(monkeypatch) -> None:
    # jieba's whole dictionary takes seconds to load in every import worker; the rule only
    # looks up two to four characters, which the shared short-words cache holds.
    from annotator import short_words
    from annotator.suggest import _words

    monkeypatch.setattr(short_words, "cache_path", lambda: None)
    monkeypatch.setattr(short_words, "jieba_entries", lambda: ({"一个词": 7}, 0.0))
    short_words.dictionary.cache_clear()
    short_words.entries.cache_clear()
    try:
        assert _words.dictionary() == {"一个词": 7}
    finally:
        short_words.dictionary.cache_clear()
        short_words.entries.cache_clear()


def test_the_place_tags_of_jieba_s_words_are_read_and_cached(monkeypatch, tmp_path) -> None:
    # the place rules read jieba's ns tags without loading jieba: from its dictionary file
    # once, then from a cache file beside the counts'
    from annotator import short_words

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("通州区 18 ns\n城市 9 n\n走 9 v\n上市 9 v\n", encoding="utf-8")
    monkeypatch.setattr(short_words, "cache_path", lambda: tmp_path / "cut-words-1.marshal")
    monkeypatch.setattr(short_words, "path_of_dictionary", lambda: dictionary)
    short_words.tags.cache_clear()
    try:
        assert short_words.tags() == {"通州区": "ns"}
        assert (tmp_path / "cut-tags-ns-1.marshal").exists()
        dictionary.unlink()
        short_words.tags.cache_clear()
        assert short_words.tags() == {"通州区": "ns"}
    finally:
        short_words.tags.cache_clear()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("受到赞扬的有4号哈克普尔，说他的站位好。", "哈克普尔"),
        ("该党利用手中的席位，与瓦杰帕伊进行了讨价还价。", "瓦杰帕伊"),
    ],
)
def test_a_foreign_name_without_a_cue_is_found(text: str, name: str) -> None:
    assert _people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "他参加了马拉松比赛。",  # a word of jieba's dictionary
        "叙利亚城市拉塔基亚，对叙进行访问。",  # ends like a place
        "“卡西尼”号飞船发射成功。",  # quoted: a craft, not a person
    ],
)
def test_transliterated_words_places_and_crafts_are_no_names(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("朱明瑛、陈俊华、郭蓉以及牟炫甫出席。", "郭蓉"),  # 以 never ends a given name
        ("王涛更是在对方后卫频频得手。", "王涛"),
        ("孙俊负于丹麦队的选手。", "孙俊"),
    ],
)
def test_a_name_ends_before_a_character_that_never_ends_a_given_name(text: str, name: str) -> None:
    assert name in _people(text)
    assert not any(p.startswith(name) and p != name for p in _people(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这座古老的城市焕发新生。", []),  # 古老 is a word, not Mr Gu
        ("他是党内元老，也是功臣。", []),
        ("他去看望了钱老和家人。", [(5, 6)]),  # 钱 + 老 is no word: 钱 is a name
        ("，孙女士说这事不急。", [(1, 2)]),  # a longer form of address is cue enough
    ],
)
def test_a_one_character_form_of_address_makes_no_name_of_a_common_word(text, expected):
    pytest.importorskip("jieba")
    assert running_names(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # four transliteration characters are a name whatever follows them
        ("而卡斯蒂诺往往在下半场才出场。", "卡斯蒂诺"),
        ("一周以来，莫里斯科尔曼只在训练中露面。", "莫里斯科尔曼"),
        # parts of a foreign name joined by a hyphen, as sports pages write them
        ("缺少马丁-斯克特尔在后防压阵，球队很难取胜。", "马丁-斯克特尔"),
    ],
)
def test_long_and_hyphened_foreign_names_are_found(text: str, name: str) -> None:
    assert _people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "本周焦点：费尔南多vs阿尔梅里亚，客队稍占上风。",  # teams of a fixture
        "拉帕伦加vs曼诺拉推荐：3/1",
        "上周他们输给了中游球队拉帕伦加，排名下滑。",  # a team after 球队
        "我们在萨尔维克堡住了两天。",  # a place word follows the run
    ],
)
def test_foreign_runs_of_teams_and_places_are_no_names(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("执法局俞鲲表示，将加强检查。", "俞鲲"),  # 鲲 is in too few names to be counted
        ("会后，唐鲲到现场查看进度。", "唐鲲"),
        ("随后，邵俨在会上发言。", "邵俨"),
    ],
)
def test_a_given_name_of_a_character_rare_in_words_is_found(text: str, name: str) -> None:
    assert _people(text) == [name]


def test_rare_given_characters_score_no_higher_than_the_cap() -> None:
    from annotator.suggest.people import running

    rare = lexicon.fields("people_given_rare_scores", "0")
    assert rare and all(
        running._GIVEN[c] <= running._RARE_CAP
        for c in rare
        if c not in lexicon.fields("people_given_scores", "0")
    )


def test_a_long_foreign_run_does_not_take_the_first_character_of_the_next_word() -> None:
    assert running_names("近年在主场对卡斯蒂诺保持优势。") == []  # 保持


def test_a_foreign_run_before_dui_is_a_team() -> None:
    assert running_names("近年来，拉帕伦加队6胜2平处于优势。") == []  # 队: a team


@pytest.mark.parametrize(
    "text",
    [
        "途经杨邑、石桥到了湖边，",
        "上午到了周凤邑，",
        "参观了黄泽宫，",
        "下午到了林溪村，",
        "邱县的棉花种植面积扩大了一倍。",  # (邱县 was a person before)
    ],
)
def test_village_town_and_palace_names_are_no_running_names(text: str) -> None:
    assert _people(text) == []  # 村, 邑, 宫, 县 end places, not given names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a common word of three characters holds the surname and 老: no lone surname
        ("他们向全市城乡敬老院送去棉被。", []),
        ("孩子们见到了米老鼠。", []),
        ("村里的李老汉笑了。", ["李"]),  # 老汉 is a form of address
    ],
)
def test_a_word_with_lao_is_no_surname_and_address(text: str, names: list[str]) -> None:
    pytest.importorskip("jieba")
    assert _people(text) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what fills a pair of quotation marks with no cue is a typhoon, a nickname or a
        # dish more often than a person (杜苏芮 and 葛仙米 were names before)
        ("今年第5号台风“杜苏芮”于28日上午登陆。", []),
        ("有一味菜叫“葛仙米”，做成甜羹。", []),
        # a name with quotation marks on one side only is still read
        ("“谢谢你们！”刘秀英拉着志愿者的手说。", ["刘秀英"]),
    ],
)
def test_a_quoted_run_with_no_cue_is_no_name(text: str, expected: list[str]) -> None:
    assert _people(text) == expected


def test_a_word_and_sai_is_a_contest_not_a_foreign_name() -> None:
    # 马拉松赛: every character spells foreign names too, but 马拉松 is a word and 赛 a
    # contest (马拉松赛 was a person before)
    assert _people("本届马拉松赛共有3万名选手参赛。") == []
    assert _people("已举办了18届的北京国际马拉松赛今年也进行了改头换面。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign run before a title and the name the title goes with names the
        # employer, no person (阿里巴巴 was a name before)
        ("阿里巴巴首席执行官吴泳铭称，云业务增长加速。", ["吴泳铭"]),
        # a run before a title and a date keeps its name
        ("国防军司令尼安达中将二十八日抵达", ["尼安达"]),
    ],
)
def test_a_foreign_run_before_a_title_and_a_name_is_no_name(text: str, expected: list[str]) -> None:
    assert _people(text) == expected
