"""ORG and LOC suggestions: lists of places, suffix rules and bounded prefixes.

LOC (places):

* a list (:mod:`._places`): provincial and prefecture-level divisions of China, with or
  without their suffix (``湖南``, ``湖南省``, ``株洲``, ``株洲市``; a listed name + 县/区
  is the county of that name: ``长沙县``), countries and regions, major rivers, lakes and
  mountains;
* patterns after a boundary (start of text, punctuation, or a preposition such as 在 于
  与 和 、): two or three Han characters + ``县 区 镇 乡 村 街道 社区 自治县 旗``, two +
  ``市``; rivers and lakes ``…江 …河 …湖``; roads ``…路 …大道 …大街 …街 …巷``; ring roads
  (``北二环``); a place that follows a place (``衡阳县西渡镇``) needs no boundary;
* common nouns with those endings are refused (城区 社区 景区 城市 超市 乡镇 行政村 深水区
  道路 思路 江河 …), and so are deictic places (我市 全省 本县);
* propagation: the stem of a place found with its suffix (``耒阳`` of ``耒阳市``, also in
  ``中共耒阳市委``) is a place wherever it occurs alone on the page, so a local paper's
  own city is found without any list.

ORG (organisations):

* national bodies by list (党中央, 国务院, 中央, 全国人大, 人民政协, the ministries …);
* a place or an administrative level + a party or state organ: ``市委``, ``省委``,
  ``市政府``, ``市政协``, ``县人民政府``, ``中共耒阳市委``, ``株洲市石峰区人民政府``
  (also where the organ is followed by a title: ``市委书记`` gives ``市委``; ``市长``
  gives nothing);
* a suffix (…委员会 …领导小组 …办公室 …局 …中心 …法院 …检察院 …公司 …协会 …部门 …) with
  a prefix found by walking left from the suffix: the walk stops at punctuation,
  whitespace or 24 characters, the prefix is cut after the last verb or preposition
  (召开 根据 设在 在 由 …) and after scope words (全市 各级 我市 …); the name then starts at
  the last *head* in what remains (a place, ``市 省 县 区``, ``中共 中央 国家 全国``), which
  keeps ``市委和市政府`` apart and ``湖南省…办公室`` whole; a named organisation right
  before the head joins it (``中国人民银行`` + ``长沙中心支行``).  Weak suffixes (局 厅 部
  委 办 中心 部门 院 所 站 馆 队 合作社) need a head; strong ones (委员会 领导小组 公司
  协会 法院 …) may stand on a prefix bounded by punctuation or a verb;
* a sub-unit chained to an organisation (``市政务服务中心`` + ``项目代办科``).
"""

from __future__ import annotations

import bisect
import re

from annotator.model import Span

from . import _places as P
from ._text import HAN, Candidate, ends_at, is_han, split_words, trie_pattern
from .people import SURNAMES as _SURNAMES

ORG = "ORG"
LOC = "LOC"

_STOP_CHARS = "在由被向从对与把让给据将是了的即并也都还已又再就才但而或等及为于到"


def _place_forms() -> list[str]:
    """Every list form of a place: full and short names, prefectures with their suffix."""
    forms: set[str] = set(P.PROVINCES_FULL) | set(P.COUNTRIES) | set(P.NATURAL)
    forms.update(P.WORLD_CITIES)
    forms.update(P.PROVINCES_SHORT)
    for name in P.PREFECTURES:
        if name not in P.AMBIGUOUS:
            forms.add(name)
        forms.add(name + P.SUFFIX.get(name, "市"))  # 湘西州, 阿里地区, 兴安盟, else 衡阳市
    return sorted(forms)


_FORMS = _place_forms()
_RING_ROADS = [
    f"{side}{n}环{tail}" for side in "东西南北" for n in "一二三四五六" for tail in ("", "路", "线")
] + [f"{n}环路" for n in "二三四五六"]

# Common nouns that end like places.
_GENERIC = frozenset(
    split_words(
        "城区 地区 山区 景区 园区 小区 市区 郊区 辖区 片区 街区 校区 厂区 矿区 灾区 牧区 林区 "
        "赛区 分赛区 麦区 烟区 产区 大县 强县 穷村 穷县 油路 柏油路 水泥路 土路 "
        "库区 深水区 禁区 误区 盲区 功能区 服务区 示范区 试验区 开发区 保护区 集聚区 工业区 "
        "新城区 老城区 中心区 核心区 行政区 自治区 警备区 军区 战区 社区 营区 湖区 "
        "行政村 自然村 贫困村 示范村 乡村 农村 城乡 山村 渔村 新农村 县城 城镇 乡镇 集镇 小镇 古镇 "
        "城市 地级市 县级市 都市 超市 股市 楼市 车市 夜市 集市 上市 门市 省市 县市 "
        "江河 山河 运河 银河 冰河 内河 入河 沿江 沿河 大江 大河 江湖 河湖 小河 界河 外河 过江 "
        "渡江 跨江 护城河 母亲河 长河 星河 爱河 拔河 开河 封河 入江 出江 沿湖 环湖 内湖 人工湖 "
        "道路 思路 线路 公路 铁路 马路 出路 套路 网路 一路 新路 老路 弯路 门路 退路 正路 后路 "
        "前路 来路 去路 生路 活路 电路 水路 陆路 航路 心路 商业街 步行街 小巷 街巷 老街 上街 "
        "逛街 沿街 临街 美食街 高速公路 快速路 主干道 康庄大道 阳关大道"
    )
)
_DEICTIC_FIRST = frozenset("全各本我该此每其这那两多某一新老大小")
# characters that never stand inside the prefix of a place found by pattern
_NOT_IN_PLACE = frozenset(_STOP_CHARS) | frozenset("全各本我该此每其这那之个")
# A pattern place never starts with a verb or an adjective of this kind: 加强县乡,
# 改善村容, 主要街道 (the suffix character begins the next word, or the place is generic).
_NOT_PLACE_START = re.compile(
    "加强|改善|实行|建设|发展|推进|打造|创建|建成|成为|带动|推动|促进|实现|扶持|帮助|支持|"
    "主要|普通|平坦|宽阔|今日|当年|所有|整个|周边|附近|全体"
)
_LAST_STOP_RE = re.compile(f".*[{_STOP_CHARS}、至经往赴沿]")


def _boundary_class() -> str:
    """A character class of everything that may stand before a place found by pattern:
    any non-Han character, or a Han preposition/particle (在 于 与 和 、 …)."""
    stops = sorted(set(_STOP_CHARS + "、至经往赴沿"))
    # the Han ranges with holes at the stop characters, negated
    ranges: list[tuple[int, int]] = [
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF),
        (0x20000, 0x3134F),
    ]
    for ch in (ord(c) for c in stops):
        ranges = [
            piece
            for lo, hi in ranges
            for piece in ((lo, ch - 1), (ch + 1, hi))
            if lo <= ch <= hi and piece[0] <= piece[1]
        ] + [(lo, hi) for lo, hi in ranges if not lo <= ch <= hi]
    return "[^" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in sorted(ranges)) + "]"


# Places found by their ending after a boundary character (which is part of the match;
# the text is scanned with a leading newline so that its start is a boundary too).
_PATTERN_LOC_RE = re.compile(
    f"{_boundary_class()}(?P<n>[{HAN}]{{1,4}}?(?=[县区镇乡村街社旗自市江河湖大路巷胡])"
    "(?P<s>自治县|自治州|县|区|镇|乡|村|街道|社区|旗|市|江|河|湖|大道|大街|路|街|巷|胡同))"
)
_ETHNIC = split_words(
    "壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 "
    "仡佬 拉祜 佤 水 纳西 羌 土 仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 "
    "阿昌 怒 鄂温克 京 基诺 德昂 保安 裕固 俄罗斯 乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 "
    "塔塔尔"
)
_AUTONOMOUS_RE = re.compile(f"(?:{trie_pattern(_ETHNIC)}族){{1,4}}自治(?:州|县|旗)")
_SUFFIX_KIND = {"市": (2, 2), "江": (1, 2), "河": (1, 2), "湖": (1, 2), "大道": (2, 4),
                "大街": (2, 4), "路": (2, 4), "街": (2, 4), "巷": (2, 4), "胡同": (2, 4)}  # fmt: skip
_ADMIN_TAIL_RE = re.compile(
    f"[{HAN}]{{2,3}}?(?:自治县|自治州|县|区|镇|乡|村|街道|社区|旗"
    # 山西省河津市: a county-level city (not 市场, 市民, 市委 … after it)
    "|市(?=[^场民委政区级域直情长领容县里内外属值面井中人]|$))(?![级域直情长])"
)

# --- organisations -------------------------------------------------------------------

_NATIONAL = split_words(
    "全国人民代表大会 全国人民代表大会常务委员会 中国人民政治协商会议全国委员会 "
    "党中央 中共中央 国务院 全国人大 全国人大常委会 全国政协 中央军委 中纪委 中央纪委 "
    "国家监委 最高人民法院 最高人民检察院 中国共产党 共青团中央 人民政协 "
    "中国人民政治协商会议 中国政治协商会议 外交部 国防部 教育部 科技部 科学技术部 工信部 "
    "工业和信息化部 公安部 国家安全部 民政部 司法部 财政部 人社部 人力资源和社会保障部 "
    "自然资源部 生态环境部 住建部 住房和城乡建设部 交通运输部 水利部 农业农村部 商务部 "
    "文化和旅游部 文旅部 国家卫健委 国家卫生健康委员会 退役军人事务部 应急管理部 "
    "中国人民银行 审计署 国资委 海关总署 国家税务总局 国家统计局 国家发改委 "
    "国家市场监督管理总局 国家医保局 新华社 人民日报 中央电视台 央视 联合国 世界卫生组织 "
    "世卫组织 欧盟 世界银行 国际货币基金组织 世界贸易组织 世贸组织 北约 东盟 上合组织 "
    # more central bodies, their usual short names, the people's organisations and the
    # democratic parties (their bare short names 民革 民进 民建 民盟 are also words:
    # 人民革命, 人民进行, 居民建房; only the X中央 forms are listed)
    "中央气象台 中央广播电视总台 中央人民广播电台 中国国际电视台 中央组织部 中组部 中宣部 "
    "中央宣传部 中央统战部 中央政法委 中央办公厅 国务院办公厅 国家发展改革委 "
    "国家发展和改革委员会 发改委 央行 中国证监会 证监会 国家金融监督管理总局 国家外汇管理局 "
    "国家能源局 国家文物局 国家药监局 国家知识产权局 国家移民管理局 国家体育总局 国家网信办 "
    "中国民航局 国家铁路局 中国气象局 国家航天局 国家信访局 国家疾控局 国家乡村振兴局 "
    "中华全国总工会 全国总工会 共青团 全国妇联 中国科协 中国文联 中国作协 全国工商联 "
    "中国科学院 中科院 中国工程院 中国社会科学院 中国人民解放军 解放军 中国人民武装警察部队 "
    "武警部队 中国红十字会 中国足协 中国篮协 中国奥委会 民革中央 民盟中央 民建中央 民进中央 "
    "农工党中央 致公党中央 九三学社中央 九三学社 台盟中央 致公党 农工党 "
    # the best-known university short names
    "北大 清华 复旦 浙大 中科大 哈工大 "
    # international organisations
    "联合国大会 联合国安理会 安理会 联合国教科文组织 联合国儿童基金会 联合国难民署 "
    "世界气象组织 国际原子能机构 国际奥委会 国际足联 国际劳工组织 国际红十字委员会 "
    "世界经济论坛 二十国集团 七国集团 金砖国家 亚太经合组织 亚投行 亚洲基础设施投资银行 "
    "亚洲开发银行 非盟 非洲联盟 阿盟 阿拉伯国家联盟 欧佩克 石油输出国组织 欧洲议会 "
    "欧洲理事会 欧盟委员会 欧洲央行 欧洲中央银行 美联储 国际刑警组织 经合组织 "
    "世界知识产权组织 国际民航组织 国际海事组织 国际电信联盟 北大西洋公约组织 "
    "上海合作组织 海合会"
)
# University short names that begin common words or names of places.
_NOT_AFTER_SHORT = {
    w: ("荒", "街", "门", "营", "园", "池", "部", "片", "面")
    for w in ("北大", "清华", "复旦", "浙大", "中科大", "哈工大")
}
_SHORT_NAME_BEFORE = frozenset(
    "在由被向从对与把让给据将是了的即并也都还已又再就才但而或等及为于到、和同考读上"
)

_ORGAN_FIRST = frozenset("政议国外财商央中代大使总领女男队")
# After a listed place (country, province, city) these words make an organisation:
# 美国国防部, 中国女排, 上海队.  Not 政府: a named place's government is tagged as the
# place (日本政府 -> 日本, 岳阳市人民政府 -> 岳阳市), as in the MSRA/People's Daily gold.
_ORGAN_AFTER_PLACE_RE = re.compile(
    "(?:议会|国会|外交部|国防部|财政部|商务部|央行|中央银行|国家队|代表团|大使馆|使馆|"
    "总领事馆|领事馆|女排|男排|女足|男足|女篮|男篮|男队|女队|队)(?![伍员长列形])"
)

_NOT_AFTER_CENTRAL = tuple(
    split_words(
        "空调 厨房 处理器 大街 广场 公园 商场 商业区 位置 地带 区域 部分 线 民族大学 财经大学"
    )
)

# A level of government + a party or state organ: 市委, 县政府, 省人大常委会.  Anchored on
# the level character; a place that ends there (衡阳市) and 中共 are joined in Python.
_ADMIN_ORG_RE = re.compile(
    "[省市县区镇乡](?:委常委会|人大常委会|纪委监委|委|政府|人民政府|政协|人大|纪委|监委|党委|党工委"
    "|管委会)"
    "(?!员(?!会)|托|屈|婉|实|身|派|任)"
)
_NOT_BEFORE_LEVEL = frozenset("全各本我该此每其城都超股楼夜集上门省")
_PARTY_PLACE_RE = re.compile(f"中共((?:(?![{_STOP_CHARS}])[{HAN}]){{2,4}})\\Z")

# Suffix -> (strong, words that may not follow, characters that may not precede).
_SUFFIXES: dict[str, tuple[bool, tuple[str, ...], str]] = {
    "委员会": (True, ("议",), ""),
    "领导小组": (True, (), ""),
    "工作小组": (True, (), ""),
    "办公室": (True, ("主任",), ""),
    "办公厅": (True, (), ""),
    "办事处": (True, (), ""),
    "有限公司": (True, (), ""),
    "中心支行": (True, (), ""),
    "支行": (True, (), ""),
    "分行": (True, (), ""),
    "分公司": (True, (), ""),
    "公司": (True, (), "分子母总"),
    "集团": (True, ("化",), "小利"),
    "协会": (True, (), ""),
    "学会": (True, ("了", "到"), "学要"),
    "商会": (True, ("议",), "协"),
    "联合会": (True, (), ""),
    "基金会": (True, (), ""),
    "研究院": (True, (), ""),
    "研究所": (True, (), ""),
    "科学院": (True, (), ""),
    "大学": (True, ("生", "毕业", "习", "问"), "上读考"),
    "学院": (True, ("派",), "文"),
    "中学": (True, ("生",), "初高"),
    "小学": (True, ("生",), "中"),
    "医院": (True, (), ""),
    "银行": (True, ("卡", "业"), ""),
    "法院": (True, (), ""),
    "检察院": (True, (), ""),
    "公安局": (True, (), ""),
    "派出所": (True, (), ""),
    "警备区": (True, (), ""),
    "军分区": (True, (), ""),
    "报社": (True, (), ""),
    "出版社": (True, (), ""),
    "电视台": (True, (), ""),
    "合作社": (False, (), ""),
    "事务所": (True, (), ""),
    "督导组": (True, (), ""),
    "理事会": (True, (), ""),
    "分局": (True, ("长",), ""),
    # 政局 (the political situation) keeps 局 from matching after 政; these organs end so
    "民政局": (False, ("长",), ""),
    "财政局": (False, ("长",), ""),
    "邮政局": (False, ("长",), ""),
    "博物院": (True, (), ""),
    "博物馆": (True, (), ""),
    "纪念馆": (True, (), ""),
    "美术馆": (True, (), ""),
    "图书馆": (True, (), ""),
    "杂志社": (True, (), ""),
    "通讯社": (True, (), ""),
    "俱乐部": (True, (), ""),
    "总工会": (True, (), ""),
    "研究中心": (True, (), ""),
    "气象台": (False, (), ""),
    "天文台": (False, (), ""),
    "总台": (False, (), ""),
    "工作组": (True, (), ""),
    "指挥部": (True, (), ""),
    "党校": (True, (), ""),
    # sports teams: 国安队, 公牛队, 山东队 (not 代表队, 球队, 军队, 工作队 …)
    "队": (
        True,
        ("伍", "员", "长", "列", "形", "友", "部", "医", "旗", "史", "内", "里", "中"),
        "代球车乐军部团梯排站领舰卫小大中分支总主客强弱全本该两各一二三四五六七八九十作援击愿务疗察锋传出防卫工逻年表连赛",
    ),
    # troupes, delegations, unions and agencies; short names of federations and
    # preparatory committees (省残联, 国际足联, 澳门特区筹委会); parties (not 民主党派)
    **dict.fromkeys(
        split_words(
            "歌舞团 艺术团 访问团 考察团 马戏团 杂技团 合唱团 剧团 电讯社 新闻社 "
            "筹委会 残联 侨联 妇联 文联 科协 友协 足联"
        ),
        (True, (), ""),
    ),
    "代表团": (True, (), "各"),
    "乐团": (True, (), "管弦"),
    "工会": (True, ("主席",), ""),
    "足协": (True, ("杯",), ""),
    **dict.fromkeys(split_words("民主党 共和党 保守党 自由党 人民党 工党"), (True, ("派",), "各")),
    "局": (
        False,
        ("长", "面", "势", "部", "限", "促", "级", "外", "内"),
        "布格结当大全时开僵残败骗终赌饭定政棋战出新好平胜变对顾",
    ),
    "厅": (False, ("长", "级", "堂"), "客餐大门展舞歌"),
    "部": (
        False,
        ("长", "署", "分", "门", "位", "件", "落", "队", "委", "属", "级", "署"),
        "全内外局东西南北中基头腹胸背面干底顶上下后前总俱乐细各本",
    ),
    "部门": (False, (), "各有本该"),
    "委": (False, ("员", "托", "屈", "婉", "实", "身", "派", "任"), "党常主编"),
    "办": (
        False,
        tuple("理法事好学案公成到实得起班厂报刊会校"),
        "创举兴承主申代包操督查照",
    ),
    "中心": (
        False,
        ("城", "工", "任", "地", "区", "环", "组", "点位", "点上", "点的", "思", "内", "位", "词"),
        "副核圆重",
    ),
    "院": (False, ("长", "士", "落", "子", "内", "校", "线"), "医学法庭剧影书寺住病"),
    "所": (
        False,
        ("有", "以", "在", "属", "得", "谓", "需", "长", "述", "说", "做", "作", "能"),
        "场厕住诊",
    ),
    "站": (False, ("长", "位", "稳", "在", "起", "岗", "台", "点"), "车网驿"),
    "馆": (False, ("长", "藏"), "宾旅饭茶酒"),
}

# Every listed word (places, ring roads, national bodies, organisation suffixes) with its
# kind: one trie regex finds them all in a single pass over the page.
_WORD_KINDS: dict[str, str] = {}
for _w in (*_FORMS, *_RING_ROADS):
    _WORD_KINDS[_w] = "place"
for _w in (*_NATIONAL, "中央"):
    _WORD_KINDS[_w] = "national"
for _w in _SUFFIXES:
    if len(_w) > 1:
        _WORD_KINDS.setdefault(_w, "suffix")
_WORD_RE = re.compile(trie_pattern(_WORD_KINDS))
# One-character suffixes (局 部 委 …) are frequent characters: a separate pattern with the
# excluded neighbours written as lookarounds lets ``re`` reject 部署, 格局, 队伍 … in C.
_SINGLE_SUFFIX_RE = re.compile(
    "|".join(
        re.escape(w)
        + (f"(?<![{bad_prev}]{re.escape(w)})" if bad_prev else "")
        + (f"(?!{'|'.join(map(re.escape, bad_next))})" if bad_next else "")
        for w, (_strong, bad_next, bad_prev) in _SUFFIXES.items()
        if len(w) == 1
    )
)
_SUB_UNIT_RE = re.compile(
    "(?!举行|召开|组织|开展|进行|发布|提出|批准|决定|审议|通过|宣布)"  # a verb, not a unit
    f"(?:(?![{_STOP_CHARS}省市县区委局])[{HAN}]){{2,6}}?"
    "(?:(?<![学本专预理工文])科|处|室|股|办公室|支队|大队|中队)"
    "(?!理|长|内|外|有|以|伍|在|员|学|技|研)"
)

# Branches and institutes chained to an organisation: 杭州市公安局 + 西湖区分局,
# 中国科学院 + 国家天文台, 复旦大学附属中山医院 + 心内科 (the unit may hold a place).
_BRANCH_RE = re.compile(
    f"(?:(?![{_STOP_CHARS}])[{HAN}]){{1,8}}?(?:分局|分院|分行|支行|分公司|派出所|检察室|法庭|"
    "研究所|研究院|研究中心|重点实验室|实验室|天文台|附属医院|医院|学院)(?!长|内|士|里)"
)

_MAX_PREFIX = 24
_REGION_CHAR = re.compile(f"[{HAN}0-9]")
_REGION_RUN = re.compile(f"[{HAN}0-9]+\\Z")  # searched with endpos: the run that ends there
_STOP_WORDS = split_words(
    "召开 主持 出席 参加 根据 按照 依照 依据 设在 获悉 了解到 位于 来自 包括 作为 关于 对于 "
    "由于 围绕 坚持 荣获 评为 授予 受到 听取 审议 印发 表示 指出 强调 认为 介绍 带领 率领 "
    "陪同 会见 走访 看望 慰问 考察 调研 视察 前往 来到 深入 到达 抵达 进入 离开 加入 退出 "
    "下沉 举办 组建 成立 设立 通过 要求 共有 拥有 现有 设有 还有 没有 所有 各类 "
    "击败 战胜 负于 不敌 逼平 战平 迎战 对阵 淘汰 力克 加盟 效力 "
    # datelines (新华社北京5月20日电公安部), verbs and determiners before a body's name
    "日电 日讯 报讯 认识 保证 加之 代之以 其他 有关 重要 主要 一些 这些 那些 许多 几家 "
    "各个 多家 其中 举行 将于 一家 这家 该家 担任 兼任 出任 当初 里面 纪念 庆祝 欢迎 组建 邀请 "
    "负责 具体 不久前 阐述 参观 访问 支持 帮助 创办 就读 毕业于 任职 供职 调往 调入 考入 "
    "联系 委托 派遣 表彰 起诉 收购 并购 投资 入股 控股 资助 捐赠 赞助 协助 配合 实施"
)
# Greedy: matches up to the end of the last stop word or character of the region, or of a
# count (100个协会, 四个工作小组).
_LAST_CUT_RE = re.compile(
    f".*(?:{trie_pattern(_STOP_WORDS)}|[{_STOP_CHARS}]|[0-9一二三四五六七八九十百几两多]+[个家所名]"
    "|第[0-9一二三四五六七八九十百]+[届次])"
)
_SCOPE_RE = re.compile(
    "(?:全市|全省|全县|全区|全镇|全乡|全国(?!人大|政协|总工会|妇联|工商联)|各级|各地|各|"
    "本市|本省|本县|我市|我省|我县|我区|该|其|这|那)+"
)
# Heads of an organisation name besides the places found by the LOC rules.
_HEAD_RE = re.compile(
    "(?<![全各本我该此每其城都超股楼夜集上门])(?:省|市|县|区)(?![场民区级州县直内外域面份长情容])"
    "|中共|中国|中华|中央|国家|全国|国务院"
)


_GENERIC_LENGTHS = sorted({len(g) for g in _GENERIC})


def _generic(name: str) -> bool:
    if name[:1] in _DEICTIC_FIRST:
        return True
    return any(name[-n:] in _GENERIC for n in _GENERIC_LENGTHS if n <= len(name))


# After 市 these begin a word (市委 市政府 市民 市场 市级 …); a pattern place "XX市"
# right before them is more often a verb + that word.
_AFTER_CITY_WORD = frozenset("委政民场区级域直情长领容县里内外属值面井中人")


def _pattern_place_ok(name: str, suffix_len: int) -> bool:
    prefix = name[: len(name) - suffix_len]
    return (
        not _generic(name)
        and not any(c in _NOT_IN_PLACE for c in prefix)
        and not _NOT_PLACE_START.match(prefix)
    )


def _loc_candidates(text: str, listed: list[tuple[int, int]]) -> tuple[list[Candidate], set[str]]:
    out: list[Candidate] = []
    for s, e in listed:
        if text[e : e + 1] in ("县", "区") and text[e - 1] not in "省市县区州":
            e += 1  # 衡阳县, 长沙县: a county named after its city
        out.append((s, e, LOC, {}))
    for m in _PATTERN_LOC_RE.finditer("\n" + text):
        name, suffix = m.group("n"), m.group("s")
        s, e = m.start("n") - 1, m.end("n") - 1
        cut = _LAST_STOP_RE.match(name)
        if cut:
            # 位于芙蓉区: the prefix holds a boundary character; the place starts after it
            name, s = name[cut.end() :], s + cut.end()
        lo, hi = _SUFFIX_KIND.get(suffix, (2, 3))
        if not lo <= len(name) - len(suffix) <= hi or not _pattern_place_ok(name, len(suffix)):
            continue
        nxt = text[e : e + 1]
        if suffix not in _SUFFIX_KIND and nxt and nxt in "级域直情长":
            continue  # 县级, 区域, 县长: the suffix begins the next word
        if suffix == "市" and nxt and nxt in _AFTER_CITY_WORD:
            continue  # 推动市委, 欢迎市民: a verb + a word that starts with 市
        out.append((s, e, LOC, {}))
    if "族自治" in text:
        # ethnic autonomous prefectures and counties: 黔东南苗族侗族自治州
        starts = {e: s for s, e, _, _ in out}
        for m in _AUTONOMOUS_RE.finditer(text):
            a = m.start()
            s = starts.get(a)
            if s is None:
                s = a - 2
                if s < 0 or any(not is_han(c) or c in _NOT_IN_PLACE for c in text[s:a]):
                    continue
            out.append((s, m.end(), LOC, {}))
    # a place right after a place: 衡阳县西渡镇
    queue = list(out)
    while queue:
        s, e, _, _ = queue.pop()
        m = _ADMIN_TAIL_RE.match(text, e)
        if m and _pattern_place_ok(m.group(0), 1):
            cand: Candidate = (e, m.end(), LOC, {})
            out.append(cand)
            queue.append(cand)
    out += _villages_and_roads(text)
    stems = {text[s : e - 1] for s, e, _, _ in out if e - s >= 3 and text[e - 1] in "省市县"}
    return out, stems


def _villages_and_roads(text: str) -> list[Candidate]:
    """李家庄, 王家湾 (a surname + 家 + a settlement word) and numbered roads (国道102线)."""
    out: list[Candidate] = []
    if "家" in text:
        out += [
            (m.start() - 1, m.end(), LOC, {})
            for m in _VILLAGE_RE.finditer(text)
            if m.start() and text[m.start() - 1] in _SURNAMES
        ]
    if "道" in text:
        out += [(m.start(), m.end(), LOC, {}) for m in _NUMBERED_ROAD_RE.finditer(text)]
    return out


# 家 + a settlement word; the surname before it is checked in Python (a literal first
# character lets ``re`` skip the text in C).
_VILLAGE_RE = re.compile("家(?:庄|村|湾|寨|坪|岭|沟|屯|堡|坳|峪|洼)(?![子里上下头])")
_NUMBERED_ROAD_RE = re.compile("(?:国道|省道|县道)[A-Z]?[0-9０-９]{1,4}线?")


def _org_start(
    text: str,
    a: int,
    strong: bool,
    places: list[tuple[int, int]],
    parents: dict[int, int],
) -> int | None:
    """Start of the organisation whose suffix starts at ``a`` (None: no organisation)."""
    lo = max(0, a - _MAX_PREFIX)
    run = _REGION_RUN.search(text, lo, a)
    if run is None:
        return None
    region_start = run.start()
    bounded = region_start > lo or lo == 0 or not _REGION_CHAR.match(text, lo - 1)
    last_cut = _LAST_CUT_RE.match(text, region_start, a)
    if last_cut is not None:
        region_start, bounded = last_cut.end(), True
        i = bisect.bisect_left(places, (region_start, -1)) - 1
        while i >= 0 and places[i][0] >= lo:
            if places[i][1] >= region_start:
                region_start = places[i][0]  # 成都市公安局: 都 is inside a place, no cut
                break
            i -= 1
    scope = _SCOPE_RE.match(text, region_start, a)
    if scope:
        region_start = scope.end()
    heads = [m.span() for m in _HEAD_RE.finditer(text, region_start, a)]
    lo_i = bisect.bisect_left(places, (region_start, -1))
    hi_i = bisect.bisect_left(places, (a, -1))
    heads.extend(p for p in places[lo_i:hi_i] if p[1] <= a)
    head = None
    for hs, he in sorted(heads):
        # adjacent or nested heads join: 湖南省衡阳市
        head = (hs, he) if head is None or hs > head[1] else (head[0], max(he, head[1]))
    if head is not None:
        # 中国人民银行 + 长沙中心支行: a parent organisation right before the head
        return parents.get(head[0], head[0])
    if strong and bounded and a - region_start >= 2 and text[region_start] not in _DEICTIC_FIRST:
        return region_start
    return None


def _national_ok(text: str, word: str, s: int, e: int) -> bool:
    """False for 中央 + a common noun (中央空调) and for a university's short name that
    does not stand as a word (东北大学, 北大荒)."""
    if word == "中央":
        return not text.startswith(_NOT_AFTER_CENTRAL, e)
    if word not in _NOT_AFTER_SHORT:
        return True
    if text.startswith(_NOT_AFTER_SHORT[word], e):
        return False
    return not (s and text[s - 1] not in _SHORT_NAME_BEFORE and is_han(text[s - 1]))


def _level_organs(text: str, places: list[tuple[int, int]], stems: set[str]) -> list[Candidate]:
    """Organs named by a level character (衡阳市委, 市人大, 中共耒阳市委, 县政府)."""
    out: list[Candidate] = []
    place_ends: dict[int, int] = {}
    for ps, pe in places:
        if pe not in place_ends or ps < place_ends[pe]:
            place_ends[pe] = ps
    for m in _ADMIN_ORG_RE.finditer(text):
        start = m.start()
        place = place_ends.get(start + 1)
        if place is not None and m.group(0)[1:] in ("政府", "人民政府"):
            continue  # 衡阳市政府: the place is the entity (市政府 alone stays an organ)
        if place is not None:
            start = place  # 衡阳市委: the place the level character ends
            while start in place_ends and place_ends[start] < start:
                start = place_ends[start]  # 株洲市石峰区委: places in a row
        elif start and text[start - 1] in _NOT_BEFORE_LEVEL:
            continue  # 全市政府系统, 我省人大 …: no organ of a named level
        else:
            # 中共耒阳市委: 中共 + an unlisted place name + level
            party = _PARTY_PLACE_RE.search(text, max(0, start - 6), start)
            if party:
                start = party.start() + 2
                stems.add(party.group(1))
        if ends_at(text, "中共", start):
            start -= 2
        out.append((start, m.end(), ORG, {}))
    return out


def _named_orgs(
    text: str,
    places: list[tuple[int, int]],
    national: list[tuple[int, int]],
    stems: set[str],
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """National bodies and level + organ names; also the suffixes that national-looking
    words turned out to be (市生态环境部门, 市教育局).  Place names met in ``中共XX市委``
    are added to ``stems``."""
    out: list[Candidate] = []
    extra: list[tuple[int, int]] = []
    for s, e in national:
        word = text[s:e]
        if not _national_ok(text, word, s, e):
            continue
        if word[-1] == "部" and text[e : e + 1] == "门":
            extra.append((e - 1, e + 1))  # 市生态环境部门: not the ministry
            continue
        if s and text[s - 1] in "省市县区":
            # a local body named like a ministry: let the suffix rule find its start
            n = next((n for n in (3, 2, 1) if word[-n:] in _SUFFIXES and len(word) > n), 0)
            if n:
                extra.append((e - n, e))
            continue
        out.append((s, e, ORG, {}))
    out += _level_organs(text, places, stems)
    return out, extra


def _suffix_orgs(
    text: str,
    suffixes: list[tuple[int, int]],
    places: list[tuple[int, int]],
    parents: dict[int, int],
) -> list[Candidate]:
    out: list[Candidate] = []
    ends = set(parents)  # where organisations found so far end
    for a, b in suffixes:
        suffix = text[a:b]
        strong, bad_next, bad_prev = _SUFFIXES[suffix]
        if a > 0 and text[a - 1] in bad_prev:
            continue
        if suffix == "委" and a > 0 and text[a - 1] in "省市县区镇乡":
            continue  # 市委, 县委: the organ rule has them
        if bad_next and text.startswith(bad_next, b):
            continue
        if parents.get(b, b) < a:
            continue  # the 院 of 国务院: the end of a body already named
        start = _org_start(text, a, strong, places, parents)
        if start is None:
            start = _listed_after_org(text, a, ends)
        if start is not None and b - start > len(suffix):
            out.append((start, b, ORG, {}))
            ends.add(b)
    return out


# Coordinated bodies: 市民政局、畜牧局 / 财政局和审计局: the later ones drop their place.
_LIST_JOINS = ("、", "和", "及", "与")


def _listed_after_org(text: str, a: int, ends: set[int]) -> int | None:
    """Start of a short list item ending at suffix ``a`` that follows an organisation."""
    for length in range(1, 6):
        i = a - length
        if i < 1 or not is_han(text[i]) or text[i] in _NOT_IN_PLACE:
            return None
        if text[i - 1] in _LIST_JOINS and i - 1 in ends:
            return i
    return None


def _org_candidates(
    text: str,
    listed: list[tuple[int, int]],
    places: list[tuple[int, int]],
    national: list[tuple[int, int]],
    suffixes: list[tuple[int, int]],
    stems: set[str],
) -> list[Candidate]:
    out, extra = _named_orgs(text, places, national, stems)
    parents = {e: s for s, e, _, _ in out}  # named organisations, by their end
    out += _suffix_orgs(text, sorted(suffixes + extra), places, parents)
    # sub-units chained to an organisation: 市政务服务中心 + 项目代办科
    chained: list[Candidate] = []
    for s, e, _, _ in out:
        m = _SUB_UNIT_RE.match(text, e) or _BRANCH_RE.match(text, e)
        if m:
            chained.append((s, m.end(), ORG, {}))
            sub = _SUB_UNIT_RE.match(text, m.end())
            if sub:  # 海淀分局 + 中关村派出所 + 治安科
                chained.append((s, sub.end(), ORG, {}))
    # a listed place + an organ or a team: 日本政府, 中国女排
    for s, e in listed:
        m = _ORGAN_AFTER_PLACE_RE.match(text, e) if text[e : e + 1] in _ORGAN_FIRST else None
        if m:
            chained.append((s, m.end(), ORG, {}))
    return out + chained


_PROVINCES = frozenset(P.PROVINCES_FULL) | frozenset(P.PROVINCES_SHORT)


def _province_apart(
    text: str, orgs: list[Candidate], places: list[tuple[int, int]]
) -> list[Candidate]:
    """An organisation of a city or county starts at its own place: the province before it
    is a place of its own (山东临沂市公安局 → 山东 + 临沂市公安局, as the MSRA gold has it;
    a province's own bodies, 陕西省残联, keep their province)."""
    starts = {s: e for s, e in places}
    out = []
    for s, e, label, attrs in orgs:
        pe = starts.get(s)
        if pe is not None and text[s:pe] in _PROVINCES and pe in starts and starts[pe] < e:
            out.append((pe, e, label, attrs))  # the province stays a LOC candidate
        else:
            out.append((s, e, label, attrs))
    return out


# The place of a dateline: 本报波恩5月4日电, 新华社北京5月20日电 (a reporter's name
# follows 记者, never the agency directly, so no name is taken for a place).
_DATELINE_RE = re.compile(
    f"(?:本报|新华社|中新社|人民网|新华网|央视网)((?:(?!记者|讯)[{HAN}]){{2,6}}?)"
    "(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日[电讯]"
)
_PAPER_RE = re.compile(f"《([{HAN}]{{2,12}}?(?:日报|晚报|时报|商报|画报|报|周刊|季刊|月刊|杂志))》")


def find_org_place_candidates(text: str) -> list[Candidate]:
    """All ORG and LOC candidates of ``text`` (overlapping; resolved by the caller)."""
    found: dict[str, list[tuple[int, int]]] = {"place": [], "national": [], "suffix": []}
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        found[_WORD_KINDS[word]].append(m.span())
        if word in _NOT_AFTER_SHORT:
            # 东北大学: the short name 北大 hides the suffix 大学 that starts inside it
            inner = _WORD_RE.match(text, m.start() + 1)
            if inner:
                found[_WORD_KINDS[inner.group(0)]].append(inner.span())
    found["suffix"].extend(m.span() for m in _SINGLE_SUFFIX_RE.finditer(text))
    locs, stems = _loc_candidates(text, found["place"])
    places = sorted({(s, e) for s, e, _, _ in locs})
    orgs = _org_candidates(text, found["place"], places, found["national"], found["suffix"], stems)
    orgs = _province_apart(text, orgs, places)
    stems = {s for s in stems if len(s) >= 2 and not _generic(s + "市")}
    for stem in stems:  # few per page: str.find beats compiling a regex
        i = text.find(stem)
        while i != -1:
            locs.append((i, i + len(stem), LOC, {}))
            i = text.find(stem, i + len(stem))
    if "日电" in text or "日讯" in text:  # datelines: 本报汉城6月23日电
        locs += [(m.start(1), m.end(1), LOC, {}) for m in _DATELINE_RE.finditer(text)]
    if "《" in text:  # newspapers and magazines: 《人民日报》, 《社会周刊》
        orgs += [(m.start(1), m.end(1), ORG, {}) for m in _PAPER_RE.finditer(text)]
    if "发展中国家" in text:  # developing countries: no 中国 in it
        locs = [c for c in locs if not ends_at(text, "发展中国家", c[0] + 3)]
    return locs + orgs


def find_orgs_places(text: str) -> list[Span]:
    """ORG and LOC suggestions (``origin="rule"``), overlaps resolved (longer wins)."""
    from . import resolve_overlaps

    return resolve_overlaps(
        [
            Span(s, e, label, origin="rule", status="suggested", attrs=attrs)
            for s, e, label, attrs in find_org_place_candidates(text)
        ]
    )
