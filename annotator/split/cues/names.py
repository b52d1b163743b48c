"""Lines of personal names, checked against the surnames of the lexicon: an author line, a
roster line, a byline's role word with no name after it.
"""

from __future__ import annotations

from annotator import lexicon, rules_regex

from .bylines import BYLINE_BUT_PLACE_NAME, NAMES_ONLY, PLACE_NAME_LINE
from .patterns import NAME_CHAR, SPACED_NAME

# Surnames (resources/lexicon/people_surnames.txt): a short byline without spaces
# (记者张明) has a name after the role word; 记者调查, 记者手记 are column names.
SURNAMES = lexicon.word_set("people_surnames")
BARE_BYLINE_MAX_CHARS = 6
_BARE_ROLE = rules_regex.compile(r"\A\S*?(?:记者|通讯员|实习生|作者)")


_NAME_PARTS = rules_regex.compile(r"[\s、，,]+")


# What a person did, said under a headline (某某主持, 某某出席): a subheadline, not a name.
_DID_ENDS = ("主持", "出席", "讲话", "致辞", "发言", "会见", "会谈", "签署", "宣布")


def names_line(s: str) -> bool:
    """Whether short line ``s`` is personal names only, each opening with a known surname.

    NAMES_ONLY alone reads any two short words as names; a headline of two phrases set apart
    by a space (春花茶咖  香飘云岭) is no author line, so every name must start with a surname
    (one or two characters, resources/lexicon/people_surnames.txt). A name set as
    surname, space, given name (邹  翔) is one name; a dotted transcription always passes.
    """
    if NAMES_ONLY.match(s) is None or s.rstrip().endswith(_DID_ENDS):
        return False
    parts = [p for p in _NAME_PARTS.split(s.strip()) if p]
    names: list[str] = []
    for part in parts:
        if names and len(part) == 1 and len(names[-1]) == 1:
            names[-1] += part  # 邹  翔: the given name after a padded surname
        else:
            names.append(part)
    return all(
        "·" in n or "•" in n or n[0] in SURNAMES or n[:2] in SURNAMES for n in names
    ) and all(len(n) > 1 for n in names)


# A line of a roster (对话嘉宾, 出席者): a person's name, a wide gap, what the person is
# (黄  龙  全国总工会某部部长, 李培林  某院研究员). The name may be padded to three characters.
ROSTER_LINE = rules_regex.compile(
    rf"({SPACED_NAME}|{NAME_CHAR}{{2,3}})[ \t\u3000]{{2,}}[^\s。！？!?；;]{{2,40}}"
)


def roster_line(s: str) -> bool:
    """Whether line ``s`` reads as a roster line whose name opens with a known surname."""
    m = ROSTER_LINE.fullmatch(s.strip())
    if m is None:
        return False
    name = m.group(1).replace(" ", "").replace("\u3000", "")
    return name[0] in SURNAMES or name[:2] in SURNAMES


def place_without_person(s: str) -> bool:
    """Whether byline-shaped ``s`` reads as one only by the place-and-name form, and its
    "name" opens with no surname: 更新城市  提升品质 is a headline of two phrases set apart
    (城市 ends on 市), no reader from a city signing a letter (北京朝阳区  程  立)."""
    m = PLACE_NAME_LINE.match(s)
    return m is not None and not names_line(m.group(1)) and BYLINE_BUT_PLACE_NAME.match(s) is None


def bare_role_without_name(s: str) -> bool:
    """Whether a short byline-like line without spaces has no surname after its role word."""
    if len(s) > BARE_BYLINE_MAX_CHARS or any(c.isspace() for c in s):
        return False
    m = _BARE_ROLE.match(s)
    if m is None or m.end() >= len(s):
        return False
    # (a colon after the role word introduces the name: 作者：张三, 记者：李四)
    rest = s[m.end() :].lstrip(":：")
    return not rest or (rest[0] not in SURNAMES and rest[:2] not in SURNAMES)
