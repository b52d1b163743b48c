"""A name the entity tagger reads as one where the rules find several (issue 10): a list of
names set without spaces is given as the rules' names, not as one long name."""

from __future__ import annotations

from typing import Any

from annotator.learn import entities
from annotator.learn.entity_bounds import _split


class _Tagger:
    """A crfsuite tagger stand-in that tags what it is told, sure of every tag."""

    def __init__(self, tags: list[str]) -> None:
        self.tags = tags

    def tag(self, xseq: Any) -> list[str]:
        return list(self.tags)

    def marginal(self, tag: str, at: int) -> float:
        return 0.9 if self.tags[at] == tag else 0.1


def _tags(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    out = ["O"] * length
    for s, e, label in spans:
        out[s:e] = ["B-" + label] + ["I-" + label] * (e - s - 1)
    return out


def test_a_run_of_names_the_rules_cut_is_given_as_their_names() -> None:
    line = "名单：杨白冰杨汝岱杨纪珂（女）"
    rules = [(3, 6, "PER"), (6, 9, "PER"), (9, 12, "PER")]
    model = entities.EntityModel(_Tagger(_tags(len(line), [(3, 12, "PER")])), ("PER",), b"")
    found = model._tag([()] * len(line), (), rules, line)
    assert [c[:3] for c in found] == rules
    assert all(c[3]["confidence"] == 0.9 for c in found)
    # without the rules' names the tagger's span stands
    assert [c[:3] for c in model._tag([()] * len(line), (), [], line)] == [(3, 12, "PER")]


def test_names_between_the_rules_names_fill_the_gaps_of_a_name_s_length() -> None:
    line = "孙鸿烈孙维本苏晓云"
    spans, sure = _split([(0, 9, "PER")], [0.8], [(0, 3, "PER"), (6, 9, "PER")], line)
    assert spans == [(0, 3, "PER"), (3, 6, "PER"), (6, 9, "PER")] and sure == [0.8] * 3


def test_a_name_is_not_cut_where_a_piece_would_not_be_a_name() -> None:
    # a piece of one character left: no cut (司马相如 is one name though 司马 is found)
    assert _split([(0, 4, "PER")], [0.8], [(0, 2, "PER")], "司马相如")[0] == [(0, 4, "PER")]
    assert _split([(0, 5, "PER")], [0.8], [(0, 3, "PER")], "欧阳修文A")[0] == [(0, 5, "PER")]
    # the rules' name is the tagger's: nothing to cut
    assert _split([(0, 3, "PER")], [0.8], [(0, 3, "PER")], "杨白冰")[0] == [(0, 3, "PER")]
    # other labels are left whole (河北省石家庄市 may be one place)
    place = [(0, 7, "LOC")]
    assert _split(place, [0.8], [(0, 3, "LOC"), (3, 7, "LOC")], "河北省石家庄市")[0] == place
