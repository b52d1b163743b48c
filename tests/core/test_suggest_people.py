"""PER rules on composed sentences (names invented for the tests)."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_spans
from annotator.suggest.people import SURNAMES, find_people, find_person_candidates, name_at


def people(text: str) -> list[str]:
    return [text[s:e] for s, e, _label, _attrs in find_person_candidates(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("■本报记者 王晓红\n", ["王晓红"]),
        ("记者 张三 李四\n", ["张三", "李四"]),
        ("■本报记者 孙立  \n通讯员 欧阳明\n", ["孙立", "欧阳明"]),
        ("本报记者 赵敏 实习生 钱多多\n", ["赵敏", "钱多多"]),
        ("本报记者吴海报道", ["吴海"]),
    ],
)
def test_bylines(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("市委书记王建华主持召开会议", ["王建华"]),
        ("副省长张建国出席并讲话", ["张建国"]),
        ("市长李明出席。", ["李明"]),
        ("政协主席何丽萍主持大会", ["何丽萍"]),
        ("秘书长周平出席", ["周平"]),
        ("局长刘洋表示", ["刘洋"]),
        ("中心主任欧阳琪、科长宋涛", ["欧阳琪", "宋涛"]),
        ("法院院长钱伟,检察院检察长孙红", ["钱伟", "孙红"]),
        ("主教练蔡斌赛后说", ["蔡斌"]),
    ],
)
def test_names_after_titles(text, names):
    assert people(text) == names


def test_the_title_belongs_to_the_name_after_the_last_title():
    assert people("市委副书记、市长王建华出席大会。") == ["王建华"]


def test_name_lists_after_a_list_cue():
    text = "市领导赵一鸣、钱红、孙建设、李丽,市人民检察院检察长周国强出席。"
    assert people(text) == ["赵一鸣", "钱红", "孙建设", "李丽", "周国强"]


def test_single_character_given_names_in_lists_and_before_verbs():
    assert people("会上,市领导邓凯传达了会议精神。") == ["邓凯"]
    assert people("老领导刘强、张亮出席") == ["刘强", "张亮"]


def test_honorifics_and_propagation():
    text = "以王建华同志为核心。王建华强调,要加强领导。"
    assert people(text) == ["王建华", "王建华"]


def test_a_name_found_once_is_found_again_as_a_subject():
    text = "冯建新出席并讲话\n\n市委书记冯建新强调,要加强领导。冯建新说,今年很关键。"
    assert people(text) == ["冯建新", "冯建新", "冯建新"]


def test_clause_initial_subject_of_a_speech_verb():
    assert people("会议结束。郑海峰指出,要加强监管。") == ["郑海峰"]
    assert people("会议指出,要加强监管。") == []  # 会议 is not a name


def test_transliterated_foreign_names_after_a_title():
    assert people("联合国秘书长古特雷斯当天发表声明") == ["古特雷斯"]


@pytest.mark.parametrize(
    "text",
    [
        "记者从近日召开的座谈会上获悉",  # 记者 + not a name
        "记者自市园林绿化服务中心获悉",
        "相关负责人表示",
        "技术专家手把手教种植户",
        "有关负责人介绍说",
        "习近平总书记关于深化改革的论述",  # 关于 after the title is not a name
    ],
)
def test_no_false_names(text):
    assert "关于深" not in people(text)
    found = people(text)
    assert found in ([], ["习近平"]), found


def test_surname_list_has_compound_and_common_surnames():
    for surname in ("王", "李", "欧阳", "司马", "诸葛", "上官"):
        assert surname in SURNAMES
    for word in ("和", "全", "的", "在"):
        assert word not in SURNAMES


def test_name_at_prefers_known_names_and_end_words():
    assert name_at("邓柯传达了", 0) == 2
    assert name_at("郑建新强调", 0) == 3
    assert name_at("邓柯传达了", 0, known={"邓柯"}) == 2
    assert name_at("的确如此", 0) is None


def test_astral_character_in_and_before_a_name():
    text = "𠮷记者 王𠮷\n"
    (span,) = find_people(text)
    assert text[span.start : span.end] == "王𠮷"
    assert (span.start, span.end) == (4, 6)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("被告人钱某某被判处有期徒刑三年", ["钱某某"]),
        ("犯罪嫌疑人欧阳某被抓获", ["欧阳某"]),
        # a military rank after a name ends it (吴谦大 before, 大校 read as 大 + 校)
        ("国防部新闻发言人吴谦大校答记者问", ["吴谦"]),
        ("国防大学副校长何道泉中将出席", ["何道泉"]),
        # 人马 is a word, but 嫌疑人 takes the 人: 马 begins the name (none before)
        ("检察院对犯罪嫌疑人马某批准逮捕", ["马某"]),
        ("河南某地发生一起事故", []),  # 南 ends 河南: no 南某
        ("某些地方、某种程度上", []),
        ("村民老郑说,今年收成不错。", ["老郑"]),
        ("明年起调高养老金。", []),  # 养老金 is a word: no 老金 (a name before)
        ("老师说,3个小时后集合。", []),
        ("牧民热合曼·吐尔逊告诉记者", ["热合曼·吐尔逊"]),
        ("总统马杜罗在", ["马杜罗"]),
        ("外长拉夫罗夫当天表示", ["拉夫罗夫"]),
        ("日本外相上川阳子表示", ["上川阳子"]),
        ("代表巴西出战", []),
        ("孙一帆、钱多、周小满3名队员入选", ["孙一帆", "钱多", "周小满"]),
        # the last name of a list after a title ends where a common word begins (顺利)
        ("航天员景海鹏、朱杨柱、桂海潮顺利出舱", ["景海鹏", "朱杨柱", "桂海潮"]),
        ("长沙、常德2位代表", []),
    ],
)
def test_names_of_court_reports_familiar_forms_and_foreign_names(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a clause-initial name before a speech verb of news reports
        ("会后，范晓东告诉记者，项目明年完工。", ["范晓东"]),
        ("谈起往事，褚明远回忆说，那时条件艰苦。", ["褚明远"]),
        ("“不容易啊！”侯春生笑着说。", ["侯春生"]),
        ("，王国强表示，将继续努力。", ["王国强"]),
        # 据 … 介绍
        ("据柏文清介绍，该村共有农户三百户。", ["柏文清"]),
        ("据施红透露，方案已经上报。", ["施红"]),
        # photo captions
        ("图为蒲小川（右）在田间查看苗情。", ["蒲小川"]),
        ("葛丽（左二）与队员们交流。", ["葛丽"]),
        ("图为彭一鸣、祁红（前排中）在现场。", ["彭一鸣", "祁红"]),
        # 一行, 等人
        ("晏海涛一行来到合作社调研。", ["晏海涛"]),
        ("鲍志强等人参加了活动。", ["鲍志强"]),
        # bylines in captions
        ("新华社记者冉小山摄", ["冉小山"]),
        # role nouns, closed by a separator or an end word
        ("民警窦海波说，孩子已经找到。", ["窦海波"]),
        ("游客郜雪告诉记者，景色很美。", ["郜雪"]),
        ("志愿者甄小雨、卞东说，很有意义。", ["甄小雨", "卞东"]),
        ("环卫工人阙大明表示", ["阙大明"]),
    ],
)
def test_untitled_names_with_general_cues(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "对此，方面表示欢迎。",  # a common word before a speech verb
        "，马上表示同意。",
        "，于是说明了情况。",
        "，高兴地说，今年收成好。",  # 地 ends an adverb, not a name
        "，成员国表示支持。",
        "据介绍，该项目总投资三亿元。",
        "据了解，目前进展顺利。",
        "代表团一行来到工地。",
        "在这一行干了十年。",
        "图为高度（右）示意图。",
        "民警迅速赶到现场。",
        "游客高度评价景区服务。",
        "车主方面表示不满。",
        "新能源车辆（左）和燃油车。",
        "会议（中）讨论了方案。",
    ],
)
def test_no_false_names_from_general_cues(text):
    assert people(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("副局长张和平参加了会议", ["张和平"]),  # 和 inside a name
        ("钱其琛指出，要加强合作", ["钱其琛"]),
        ("去年王建国主席访问了南方", ["王建国"]),  # a title after the name
        ("会见了克林顿总统", ["克林顿"]),
        ("美国总统克林顿19日宣布", ["克林顿"]),
        ("伊朗总统哈塔米说", ["哈塔米"]),  # 伊 is a surname, 伊朗 a country
        ("纳扎尔巴耶夫指出，此行的目的", ["纳扎尔巴耶夫"]),
        ("，王建华从理论和实践结合上作了阐述", ["王建华"]),
        ("。克林顿在举行记者招待会时说", ["克林顿"]),  # a foreign clause subject
        ("巴基斯坦在声明中说", []),  # a country, not a name
        ("香港特区行政长官董建华昨日发表声明", ["董建华"]),
        ("会见斯里兰卡议长拉特纳亚克时表示", ["拉特纳亚克"]),  # 会见…时
        ("会见了以林树哲为团长的代表团", ["林树哲"]),
        ("副局长张和平和王珠等参加", ["张和平", "王珠"]),  # a partner of a found name
        ("如军医梁廷芳，警察伍长德等", ["梁廷芳", "伍长德"]),
        ("主持人撒贝宁、董卿担任晚会主持", ["撒贝宁", "董卿"]),  # 撒: a rare surname
        ("邓小平同志指出", ["邓小平"]),
        ("托娅副外长说", ["托娅"]),  # 副 before the honorific
        ("阿巴查的夫人玛丽亚姆及家人", ["阿巴查", "玛丽亚姆"]),
        ("王元、李信等各界科学家", ["王元", "李信"]),  # two names before 等
        ("工业、农业等部门", []),
        ("美国总统克林顿即将访华", ["克林顿"]),  # 即将 ends a name
    ],
)
def test_names_by_title_after_foreign_subject_and_clause_start(text, names):
    assert people(text) == names


def test_a_roster_without_a_cue():
    text = "男队员还有李红梅、赵国强、孙立新、周晓燕等人。"
    assert people(text) == ["李红梅", "赵国强", "孙立新", "周晓燕"]
    foreign = "后卫阿尔代尔、贡萨尔维斯、多里瓦和邓加"
    assert people(foreign)[:2] == ["阿尔代尔", "贡萨尔维斯"]


@pytest.mark.parametrize(
    "text",
    [
        "学习党的理论、方针、政策",  # 方 is a surname, 方针 a word
        "安徽、江西、湖南三省",
        "记者曾采访过当地农户",  # 曾 the adverb
        "东条英机出任内阁首相",  # 任 the verb before a title
        "许多人说，这里变了",
        "程先生就被欺辱过",  # a surname + 先生 is not a three-character name
    ],
)
def test_no_false_names_from_the_new_cues(text):
    assert [n for n in people(text) if n not in ("东条英机",)] == []


@pytest.mark.parametrize(
    ("word", "plausible"),
    [
        ("王建华", True),
        ("克林顿", True),
        ("买买提·艾力", True),
        ("欧阳明", True),
        ("文明", False),  # a common word
        ("斯里兰卡", False),  # a country
        ("弘扬", False),  # no surname
        ("邓小平理论", False),  # too long
    ],
)
def test_plausible_name_filters_the_model_guesses(word, plausible):
    from annotator.suggest.people import plausible_name

    assert plausible_name(word) is plausible


def test_a_roster_with_dotted_names_and_a_last_pair_joined_by_he():
    text = "中场塞萨尔·桑巴约、弗拉维奥、乔瓦尼、莱奥纳多和里瓦尔多；"
    assert people(text) == ["塞萨尔·桑巴约", "弗拉维奥", "乔瓦尼", "莱奥纳多", "里瓦尔多"]


def test_hong_kong_married_names_in_a_roster():
    # two surnames and a given name; the first version of the rule never matched them
    text = "议员有李国宝、梁刘柔芬、陆恭蕙、范徐丽泰等。"
    assert people(text) == ["李国宝", "梁刘柔芬", "陆恭蕙", "范徐丽泰"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("学生张小红说", ["张小红"]),
        ("工作人员王丽表示", ["王丽"]),
        ("网友李明称", ["李明"]),
        ("同学们都很高兴", []),
        ("干部队伍建设", []),
    ],
)
def test_names_after_the_added_role_nouns(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("尽管如此，张指导希望队员们珍惜机会。", "张"),  # a lone surname before a form of address
        ("前景广阔，毛院士告诉记者。", "毛"),
        ("胡老说，画画累了就写字。", "胡"),
        ("这些化验单都是赵大夫带到长治的。", "赵"),
    ],
)
def test_a_lone_surname_before_a_form_of_address_is_the_name(text, name):
    assert [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("赛后，助教马伦很难掩饰失望。", "马伦"),  # a role of sport; 很 ends it
        ("球队新援卡西亚诺在训练中受伤。", "卡西亚诺"),
    ],
)
def test_names_after_roles_of_sport_and_entertainment_news(text, name):
    assert [text[s.start : s.end] for s in find_people(text)] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("主教练Rossi在赛后说，球队踢得不错。", ["Rossi"]),  # a name in Latin letters
        ("著名选手Kevin（周明宇）", ["Kevin", "周明宇"]),
        ("这位选手DOTA打得很好。", []),  # an acronym is no name
    ],
)
def test_latin_names_after_a_title(text, names):
    assert [text[s.start : s.end] for s in find_people(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the third character and the next one make a common word: the name is two long
        ("协会会长林白最近接受了采访", ["林白"]),
        ("原告孟芳由于治伤欠下债务", ["孟芳"]),
        ("，宁远成为我国第一位", []),  # no three-character subject 宁远成
        # ... but not where the characters after it make a word too (民主 | 主席)
        ("，钱伟民主席今天到达", ["钱伟民"]),
    ],
)
def test_a_name_does_not_take_the_first_character_of_the_next_word(text, names):
    pytest.importorskip("jieba")
    assert [s for s in people(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 关于 may follow a name, as 对 does; 习 ends 学习, no surname of a first name
        ("学习赵明远、孙立新、钱伟民关于改革的论述", ["赵明远", "孙立新", "钱伟民"]),
    ],
)
def test_a_roster_before_guanyu_after_a_verb(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after a title, a run of transliteration characters beats a Chinese reading that
        # nothing confirms either ...
        ("巴西女篮教练巴尔托扎声称", ["巴尔托扎"]),
        ("文化部长韦尔莫罗尼乘车赶到", ["韦尔莫罗尼"]),
        # ... without a last character that begins a common word (利用, 提出)
        ("该党总书记贾亚拉莉达利用职权", ["贾亚拉莉达"]),
        ("卢森堡首相维尔纳提出计划", ["维尔纳"]),
    ],
)
def test_a_foreign_name_after_a_title_is_read_whole(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


def test_slavic_name_endings_are_transliteration_characters():
    # 娃 (伊万诺娃), 契 (…契奇) and 芙 end or fill transliterated names
    assert people("高1米90的中锋伊万诺娃，今年20岁") == ["伊万诺娃"]


def test_towns_in_a_list_are_no_names():
    assert people("该县下属的石山镇、冯家镇、龙泉镇等六个地方") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name with a surname outside the list before 先生/女士, after a boundary
        ("他说：“在日本，溥仁先生有很高的声望", ["溥仁"]),
        ("，这位先生说", []),  # a dictionary word
        ("这部传记从谭先生出生写起", []),  # not 从谭: 谭 alone is the running-text cue's
    ],
)
def test_an_unlisted_surname_before_mister(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a surname and one given character before an honorific, after a character that
        # makes no word with the surname (的, 上): the honorific is the cue
        ("学院的陈维院士说", ["陈维"]),
        ("这次会议上孙真同志当选", ["孙真"]),
        ("在罗德里戈·佩雷斯院长", []),  # the end of a transliterated name
        ("他是美国总统", []),  # 国 makes a word with 美
        ("支持阿沛·阿旺晋美副委员长的工作", []),  # the end of a dotted name
    ],
)
def test_a_two_character_name_before_an_honorific_after_a_word(text, names):
    pytest.importorskip("jieba")
    assert [n for n in people(text) if "·" not in n] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the person a doctrine is named after, before it (lexicon people_doctrine_names)
        ("坚持运用马克思主义的立场", ["马克思"]),
        ("学习达尔文理论", ["达尔文"]),
        ("读了达尔文的书", []),  # no doctrine after it, no other cue
    ],
)
def test_the_person_a_doctrine_is_named_after(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a Go player's rank and a researcher's title follow the name as honorifics do
        ("决赛由陈立七段对孙明三段。", ["陈立", "孙明"]),
        ("今年55岁的孙天明研究员说", ["孙天明"]),
    ],
)
def test_names_before_a_player_s_rank_or_a_researcher_s_title(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 全 is a given-name character inside a name (傅全有, 张全景), not only a word's start
        ("乡长孙全军得知此事后", ["孙全军"]),
        ("他向全国人民致意", []),
    ],
)
def test_quan_inside_a_three_character_name(text, names):
    assert people(text) == names


def test_a_three_character_foreign_name_after_a_title_before_a_word():
    pytest.importorskip("jieba")
    # no end word after it, but a word of the dictionary begins there (访华)
    assert people("美国总统克罗顿访华") == ["克罗顿"]
    # a run cut by a dot is no name (the dotted-name rule reads those)
    assert "约翰·" not in people("议长约翰·蓬达利会见")


def test_a_foreign_name_before_a_title_does_not_start_inside_a_verb():
    # 宣布 + 克林顿总统: 布 ends the verb, not part of the name
    assert people("白宫宣布克罗顿总统将访问") == ["克罗顿"]


def test_han_of_john_is_a_transliteration_character():
    assert people("丹麦队教练约翰森：法国队还远不是最强") == ["约翰森"]


def test_a_foreign_name_s_run_is_never_cut_back_past_its_start() -> None:
    # dots at the end of a run are dropped, but never beyond where the run began: before,
    # a run of dots walked into the text before it and past offset 0 (IndexError)
    from annotator.suggest.people import titles

    assert titles._foreign_run_end("··", 0, 2) == 0
    assert titles._foreign_run_end("总统··", 2, 4) == 2
    assert titles._foreign_run_end("总统维尔纳·", 2, 6) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one character outside the transliteration lists, where the name could not end or
        # start without it: the dot says a name stands there
        ("对党主席索尼亚·甘地来说，这是好消息", ["索尼亚·甘地"]),
        ("研究负责人理查德·哈斯在会上指出", ["理查德·哈斯"]),
        ("副委员长铁木尔·达瓦买提、王明出席", ["铁木尔·达瓦买提", "王明"]),
        # not a character read in a word after it (上将)
        ("来访的军队总监哈尔姆特·巴格尔上将进行了会谈", ["哈尔姆特·巴格尔"]),
    ],
)
def test_a_dotted_name_takes_in_one_character_outside_the_lists(text, expected):
    pytest.importorskip("jieba")
    from annotator.suggest import suggest_spans

    assert [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a common word (聆听) ends right before the name: it stands as after a boundary
        ("都愿意聆听祁风委员长讲话", ["祁风"]),
        ("赵刚夫妇参加了婚礼", ["赵刚"]),  # 夫妇 after a full name
    ],
)
def test_names_before_an_honorific_after_a_word(text, names):
    assert people(text) == names


def test_one_character_said_again_is_a_sound_not_a_name():
    spans = suggest_spans("沙沙沙，沙沙沙，雨一会稍浓")
    assert [sp for sp in spans if sp.label == "PER"] == []


def test_a_name_after_ming_jiao():
    assert people("一位名叫祁风的老大爷把商场看了个遍") == ["祁风"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a role noun that words read across is none (妇女 + 儿童: no 女儿 before 童工)
        ("要研究解决妇女儿童工作发展中出现的新问题", []),
        ("吴仪要求妇女儿童工作力争有新的突破", ["吴仪"]),
        ("他的女儿王小红说", ["王小红"]),
    ],
)
def test_no_name_after_a_role_noun_read_across_words(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a lone surname before a title or an honorific is the name (GUIDELINES: 王先生 → 王),
        # whichever cue found it (a list before 一行, the subject of a verb of saying)
        ("会长将在上海宴请辜先生一行。", ["辜"]),
        ("安馆长介绍，图书馆已有藏书十万册", ["安"]),
    ],
)
def test_a_surname_before_a_title_is_the_name_whatever_the_cue(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # common surnames the list lacked (洪, 萧, 赖), before an honorific and in a list
        ("理学家黄昆院士、洪朝生院士说，技术创新", ["黄昆", "洪朝生"]),
        ("出席的有叶飞、张震、洪学智、张劲夫等", ["叶飞", "张震", "洪学智", "张劲夫"]),
        ("萧红同志在会上讲话", ["萧红"]),
        # flood reports hold 洪 in words, no names
        ("洪峰今天通过武汉，洪水水位开始回落", []),
    ],
)
def test_common_surnames_hong_xiao_lai(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name before a title of office (…长, 委员, 主编), as before an honorific
        ("在麦田旁，听取了岳万民县长关于实行科学种田的汇报", ["岳万民"]),
        ("张穹副检察长向参加座谈的代表介绍", ["张穹"]),
        ("伍精华委员在详细询问了情况后说", ["伍精华"]),
        # a body before its head's title is no name (童装组 + 组长)
        ("不到半年便当上了童装组组长。", []),
        ("国家税务总局纪检组副组长张洁说", ["张洁"]),
        # roles after common words are no cue here (鼓励 + 市民)
        ("实施新措施鼓励市民自置居所", []),
    ],
)
def test_a_name_before_a_title_of_office(text, names):
    pytest.importorskip("jieba")
    assert people(text) == names


def test_a_surname_cut_from_its_title_is_not_repeated_in_words():
    assert people("安馆长介绍，馆内安装了监视设备。") == ["安"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the given name alone, before an honorific, once the full name was found on the page
        ("敬爱的周晓梅同志与世长辞。\n晓梅同志生前十分关心农业。", ["周晓梅", "晓梅"]),
        ("市长周晓梅出席。晓梅先生表示支持。", ["周晓梅", "晓梅"]),
        # no honorific after it, or no full name on the page: nothing
        ("市长周晓梅出席。晓梅表示支持。", ["周晓梅"]),
        ("晓梅同志生前十分关心农业。", []),
        # a given name that is a common word is left alone
        ("市长王建国出席。建国同志表示支持。", ["王建国"]),
    ],
)
def test_the_given_name_alone_before_an_honorific(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a doctor's title after the name is an honorific like 教授 (王建华教授)
        ("看着陈其一大夫周围的妇女们", ["陈其一"]),
        ("看着王建华医生周围的妇女们", ["王建华"]),
        # the word alone, or inside a word, names nobody
        ("他是一名医生", []),
        ("古代士大夫阶层", []),
    ],
)
def test_a_doctor_s_title_after_a_name(text, names):
    assert people(text) == names


# Issue #10 (s27): honorifics after a name also cover 常务副主席 and 副委员长; an adverb
# surname (何) begins a clause-initial speaker's name when no common word is read in it
# (，何鲁丽指出; not 曾多次强调, 许多人表示); a leader's listed given name before 同志 is a
# name (小平同志).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周铁农常务副主席说", ["周铁农"]),
        ("会上，何鲁丽指出，要继续", ["何鲁丽"]),
        ("他说，曾多次强调", []),
        ("，许多人表示", []),
        ("，任何人表示", []),
        ("敬爱的小平同志虽然离我们而去", ["小平"]),
        ("在小平同志一系列指示指引下", ["小平"]),
        ("邓小平同志是", ["邓小平"]),
    ],
)
def test_more_honorifics_speakers_and_familiar_leaders(text, expected):
    assert [text[s.start : s.end] for s in find_people(text)] == expected


# Issue #10 (s27): after a title too, an adverb surname begins a name of plain given
# characters where no common word is read in it (大使尚慕杰等); 尚未 stays an adverb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美国驻华大使尚慕杰等。", ["尚慕杰"]),
        ("市长尚未表态", []),
        ("部长曾庆红说", ["曾庆红"]),
    ],
)
def test_adverb_surname_after_a_title(text, expected):
    assert [text[s.start : s.end] for s in find_people(text)] == expected


# Issue #10 (session 28): cues general to news text, names invented.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # words said of a person only: a birth anniversary, a death, a former home
        ("纪念柯新民诞辰一百周年座谈会", ["柯新民"]),
        ("沉痛悼念邱家栋逝世", ["邱家栋"]),
        ("参观了庞立言故居", ["庞立言"]),
        # royal titles written after a foreign name
        ("哈蒂尔王子访华", ["哈蒂尔"]),
        # the honorific before one of them reads the name (韦晓梅同志生前: no 梅同)
        ("韦晓梅同志生前十分关心农业", ["韦晓梅"]),
    ],
)
def test_names_before_words_said_of_a_person(text, names):
    assert people(text) == names


def test_a_foreign_name_before_a_title_keeps_its_first_character():
    # 巴 is a surname, but inside a run of transliteration it starts nothing
    assert people("他会见了图巴拉尼总统") == ["图巴拉尼"]


def test_a_title_read_across_two_words_is_no_title():
    # 英国|王储: no 国王, so no name 储查尔 after it
    assert "储查尔" not in people("英国王储查尔斯访问伦敦")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("钟立军，男，一九六三年十一月生，大学学历。", ["钟立军"]),
        ("梅雅琴，女，1970年生", ["梅雅琴"]),
        ("代表名单：郝诒芬（女）闻家骏（蒙古族）", ["郝诒芬", "闻家骏"]),
        ("委员：卢振邦 滕晓蓉（女，苗族）", ["滕晓蓉"]),
        # no name before a note that follows a word
        ("其中（女）有十人", []),
    ],
)
def test_a_name_before_a_note_of_sex_or_nationality(text, names):
    assert [n for n in people(text) if n in names] == names
    if not names:
        assert people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全力支持阿沛·阿旺晋美副委员长的工作", "阿沛·阿旺晋美"),
        ("推动了班禅额尔德尼·确吉坚赞副委员长所提问题", "班禅额尔德尼·确吉坚赞"),
        ("强巴·益西群培表示", "强巴·益西群培"),
    ],
)
def test_tibetan_names_with_a_middle_dot(text, name):
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a title written after a name is an honorific: what follows is what the person did
        ("邝国平主席谈访美成果", ["邝国平"]),
        # an honorific that begins a longer word is none (主席台, 总统府)
        ("，他邀请邝国平主席登上主席台发表演讲。", ["邝国平"]),
        # nor one that ends a longer word: the post's own word (班主任, 系主任, 办公室主任)
        ("高三（2）班班主任反映情况", []),
        ("体院武术系主任到会", []),
        ("邝国平副主任到会", ["邝国平"]),
        # a title before a name is still one
        ("国家主席邝国平会见", ["邝国平"]),
    ],
)
def test_titles_written_after_a_name_and_inside_words(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the numbers bound the names of a numbered list (quiz options)
        ("（1）戈洛维奇（2）萨班迪（3）埃西", ["戈洛维奇", "萨班迪", "埃西"]),
        ("①布莱尔②史密斯③库克", ["布莱尔", "史密斯", "库克"]),
        # items that are no names, or places, are left
        ("（1）加强领导（2）落实责任（3）严格考核", []),
        ("（1）牙买加（2）巴拿马（3）古巴", []),
        # two items are too few to say the list holds names
        ("（1）萨班迪（2）埃西", []),
    ],
)
def test_names_as_the_items_of_a_numbered_list(text, names):
    assert [n for n in people(text) if n in names or not names] == names


def test_a_roster_run_together_beside_its_notes_is_read_as_names():
    # MSRA-style text lost the spaces of a member list: the run on each side of a note of
    # nationality or sex is read whole as names (invented names)
    text = "主席团：王丙新王汉成王光亮王维川（蒙古族）韦钰芬（女，苗族）薛明远薛驹霍英才"
    assert people(text) == [
        "王丙新", "王汉成", "王光亮", "王维川", "韦钰芬", "薛明远", "薛驹", "霍英才",
    ]  # fmt: skip


def test_a_run_that_cannot_be_read_whole_as_names_is_left():
    # 加强领导 cannot be read as names: nothing of the run is taken
    assert people("会上强调加强领导（女）") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an item between names of a 、 list is a name whatever its surname (钮 is unlisted)
        ("副主席李赣明、厉无忧、钮小明、朱培华，秘书长", ["李赣明", "厉无忧", "钮小明", "朱培华"]),
        # a common word or a place between names is none
        ("副主席李赣明、北京、朱培华出席", ["李赣明", "朱培华"]),
    ],
)
def test_an_item_between_names_of_a_list_is_a_name(text, names):
    found = [text[sp.start : sp.end] for sp in suggest_spans(text) if sp.label == "PER"]
    assert found == names


def test_a_verb_before_a_dotted_name_is_no_part_of_it():
    assert "班禅额尔德尼·确吉坚赞" in people("会议，请班禅额尔德尼·确吉坚赞副委员长出席")


def test_an_adverb_surname_before_a_verb_is_no_name():
    # 曾荣获 is "once won": 荣获 is a word, 曾 an adverb
    found = [text for text, label in _labels("精神，曾荣获全省十佳青年称号") if label == "PER"]
    assert found == []


def _labels(text: str) -> list[tuple[str, str]]:
    return [(text[sp.start : sp.end], sp.label) for sp in suggest_spans(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an age before a name stands as a role noun does (none found before)
        ("劳动奖章获得者、35岁的田晚霞5年前下岗", ["田晚霞"]),
        ("23岁的金玉顺1997年10月入学。", ["金玉顺"]),
        ("3岁的孩子在玩。", []),
        # an age stands before any noun: a word the dictionary counts is that noun
        ("他今年12岁的孙子说", []),
        ("18岁的高中生说", []),
        ("25岁的白领说", []),
        ("45岁的马夫说", []),
        ("40岁的钟点工说", []),
        ("28岁的常江说", ["常江"]),
    ],
)
def test_a_name_after_an_age(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # occupations and kin of everyday reports are role nouns (none found before)
        ("分析师张宇认为，明年市场回暖。", ["张宇"]),
        ("前国脚范志毅在节目中点评比赛。", ["范志毅"]),
        ("她的哥哥向东说，家里很好。", ["向东"]),
        ("女孩何欣然说：“谢谢。”", ["何欣然"]),
    ],
)
def test_occupations_and_kin_before_a_name(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 饰演, 扮演, 主演, 执导 may follow a name: they close it (none found before)
        ("青年演员张伟饰演父亲。", ["张伟"]),
        ("由全国少年组冠军潘好好扮演。", ["潘好好"]),
    ],
)
def test_a_name_before_a_verb_of_film_and_stage(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a word across the surname before an honorific begins no name (席东盟 before)
        ("王毅出席东盟外长会议", ["王毅"]),
        ("代表们出席两院院士大会", []),
    ],
)
def test_no_name_starts_inside_a_word_before_an_honorific(text, names):
    assert people(text) == names


def test_a_name_before_an_honorific_after_a_plain_character_stays():
    assert people("会上，出席王刚同志的追悼会") == ["王刚"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 省长 read across 湖南省|长沙市 is no title (沙市岳, 江大桥 were names before)
        ("地址：湖南省长沙市岳麓区麓山南路", []),
        ("游客登上武汉市长江大桥", []),
        # a head of a division before a name keeps it
        ("广东省长马兴瑞说", ["马兴瑞"]),
        ("副市长江涛说", ["江涛"]),
    ],
)
def test_a_division_head_read_across_two_places_is_no_title(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the last item of a list, ending the text, keeps a given character that may be an
        # adverb elsewhere (刚 "just": 陈志 before)
        ("左起：李明华、王德胜、刘春燕、陈志刚", ["李明华", "王德胜", "刘春燕", "陈志刚"]),
    ],
)
def test_the_last_item_of_a_list_is_read_whole(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after a foreign country and a title, a foreign name may hold one character outside
        # the transliteration characters (none found before)
        ("乌克兰总统泽连斯基当天表示。", ["泽连斯基"]),
        ("德国总理朔尔茨访问印度。", ["朔尔茨"]),
        # not where that character is the next word's
        ("美国总统克林顿派代表前来祝贺。", []),
    ],
)
def test_a_foreign_leader_s_name_with_one_other_character(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the names an appointment notice removes from office (none found before)
        ("免去李四的市财政局局长职务。", ["李四"]),
        ("免去陈一新的国家安全部副部长职务。", ["陈一新"]),
        ("免去张大明、欧阳春同志的市政府副市长职务", ["张大明", "欧阳春"]),
        ("免去高级工程师的职务", []),
    ],
)
def test_names_removed_from_office(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a speaker opening a line before a colon (钟南山 was a place, 欧阳春香 missed)
        ("钟南山：要科学防控，不要恐慌。", ["钟南山"]),
        ("主持人：欢迎两位。\n欧阳春香：谢谢主持人。", ["欧阳春香"]),
        ("李大爷：不着急，慢慢来。", ["李"]),
        # headings are no speakers: words, places, a word before a list of names
        ("金融：稳中有进", []),
        ("黄金周：出游人数创新高", []),
        ("皮艇：张琴（女，湖北）", ["张琴"]),
    ],
)
def test_a_speaker_before_a_colon(text, names):
    assert names == [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a building named after a title is no name after it (纪念堂 was a person before)
        ("游客在毛主席纪念堂前排队瞻仰", ["毛"]),
        # a foreign name of transliteration characters stays one
        ("民事主管法官佩罗塔警告说", ["佩罗塔"]),
    ],
)
def test_a_building_after_a_title_is_no_name(text, names):
    assert [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the second part of a dotted name may begin with a character outside the lists
        # (none found before, or the parts apart)
        ("热依拉·吾买尔江是一名维吾尔族教师。", ["热依拉·吾买尔江"]),
        ("科学家玛丽·居里说，实验成功了。", ["玛丽·居里"]),
        ("市长麦克尔·郝普出席了仪式。", ["麦克尔·郝普"]),
    ],
)
def test_a_dotted_name_whose_second_part_begins_with_another_character(text, names):
    assert [text[s.start : s.end] for s in suggest_spans(text) if s.label == "PER"] == names
