"""LOC suggestions for one-character place abbreviations: 中美关系, 美方, 访华, 华侨, 日军.

News text names countries and Chinese places by one character (中 美 俄 日 英 法 …, 华 for
China, 京 for Beijing, 港 for Hong Kong) in a few fixed constructions, and the MSRA /
People's Daily gold tags each such character as LOC.  Alone, each of these characters is a
common word (中 "middle", 美 "beautiful", 法 "law", 日 "day"), so only these constructions
count:

1. **pairs** before a word of bilateral relations: ``中美关系``, ``美中双方``, ``印巴核试验``;
2. **lists** of three or more joined by 、: ``美、英、法、意、日等``;
3. **X方**, the side in talks: ``中方表示``, ``与美方磋商`` (not 东方, 西方, 地方, 方面);
4. **travel and stance verbs** before 华 京 美 英 …: ``访华``, ``驻华使馆``, ``抵京``,
   ``对美立场``, ``抗日``;
5. **compounds**: ``华人``, ``华侨``, ``港人``, ``台商``, ``日军``, ``德籍``;
6. **a head of government or ministry**: ``巴总理``, ``美总统``, ``以外长``.
"""

from __future__ import annotations

import re

from ._text import Candidate

LABEL = "LOC"

# Countries and regions written with one character in news text.
_COUNTRY = "中美俄日英法德意印巴以阿伊朝韩越泰葡澳墨荷埃叙希菲缅柬老蒙欧亚非"
_PAIR_WORDS = (
    "两国|双方|关系|合作|友好|经贸|贸易|之间|间的|谈判|会谈|峰会|首脑|边界|战争|协议|联合|"
    "建交|友谊|交流|核|外长|经济|科技|两军|两党|人民|文化|对话|磋商|争端|冲突|双边|领导人|"
    "三国|四国|等国|特使|元首"
)
# A clause boundary or a function word may stand before an abbreviation.
_BEFORE = r"(?:(?<![\u4e00-\u9fff])|(?<=[与同和对向在及由据让使令把被为是称但而并且就也都]))"

_PAIR_RE = re.compile(f"([{_COUNTRY}])([{_COUNTRY}])(?=(?:{_PAIR_WORDS}))")
_LIST_RE = re.compile(f"[{_COUNTRY}](?:、[{_COUNTRY}]){{2,}}(?![\u4e00-\u9fff]{{2}}、)")
_SIDE_RE = re.compile(
    f"{_BEFORE}([中美俄日英法德意印巴以阿伊朝韩越泰葡澳港台])方"
    "(?![面式法案向针便能可才圆言位阵略程剂子块正舟志形])"
)
_TRAVEL_RE = re.compile(
    "(?:访|来|驻|抵|赴|旅|离|返|进|在|对|援|侵|抗|居)([华京美英法德俄港台澳韩朝])"
    r"(?=$|[^\u4e00-\u9fff]|[访期使大工学留考演投观旅参出后前时的委常人立政关援贸战代外华])"
)
_ANTI_JAPAN_RE = re.compile("(?:抗|侵|援)(日)(?![期常益子夜报记程内趋前后本])")
_COMPOUND_RE = re.compile(
    "(?:(华)(?:人|侨|裔|工|商|埠)|(港)(?:人|督|府|商|资|英)|(台)(?:商|胞|资)|"
    "(?<![今昨明每当次终节假生白平近前往旧末多数翌本连逐同])"
    "([日美英俄法德以])(?:军|寇|伪)(?!队|事|人|装|训|营|官|舰)|"
    f"{_BEFORE}([{_COUNTRY}])籍)"
)
_HEAD_RE = re.compile(
    f"{_BEFORE}([美俄日英法德意印巴以伊朝韩越泰葡澳墨])(?:总统|总理|首相|外长|防长|议会|国会|驻)"
)
# 本港 / 港人治港: 港 after 本 or 治
_HONG_KONG_RE = re.compile("(?<=[本治])(港)(?![口湾区务])")


def find_abbreviation_candidates(text: str) -> list[Candidate]:
    """LOC candidates for one-character place abbreviations in their constructions."""
    out: list[Candidate] = []
    for m in _PAIR_RE.finditer(text):
        out.append((m.start(1), m.end(1), LABEL, {}))
        out.append((m.start(2), m.end(2), LABEL, {}))
    for m in _LIST_RE.finditer(text):
        out.extend(
            (m.start() + i, m.start() + i + 1, LABEL, {}) for i in range(0, len(m.group(0)), 2)
        )
    for regex in (_SIDE_RE, _TRAVEL_RE, _ANTI_JAPAN_RE, _COMPOUND_RE, _HEAD_RE, _HONG_KONG_RE):
        for m in regex.finditer(text):
            group = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
            out.append((m.start(group), m.end(group), LABEL, {}))
    return out
