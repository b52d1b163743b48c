"""The structure model: a linear-chain CRF over the blocks of a page (python-crfsuite).

The rules (``annotator.split``) cut a page into paragraph blocks and decide role, article
start and join for each. This model re-decides the three for the same blocks, learning from
the pages reviewers marked done. Its features are the rules' own decisions and confidences,
general typographic cues of the line and of its neighbours (length against the page's usual
line length, final punctuation, brackets, colons, commas and 、, ■ bullets, leads and
datelines, photo credits, bylines, the place in a run of title-like lines, the pattern of
rule roles of a run of heading lines) and, for joins,
whether a word (jieba) runs across the boundary with the previous paragraph. The key
features are also conjoined with the page's newspaper, so that each paper keeps its own
conventions (an unmarked first heading line is one paper's kicker and another's headline).

One CRF with combined labels decides all three at once (``O`` for furniture, else
``role:B`` / ``role:I`` for an article's first / other block, ``:J`` added to a body block
that continues the previous paragraph): one Viterbi path gives decisions that agree, and
:func:`decode` turns any label sequence into a valid split (articles numbered 1..k in page
order, joins only inside an article after a body block, furniture as role ``other``).

Training is deterministic: fixed parameters, pages in a fixed order (by id), features in a
fixed order; the same pages give the same model bytes.

Safety: a model must never make a decision worse than the rules made it. ``annotator train``
cross-validates first; the model then takes over each decision (role, article start, join)
only where its held-out score was at least the rules' (:func:`takeover`): per paper when that
paper has ``PAPER_MIN_PAGES`` done pages, else over all papers. Elsewhere the rules' decision
stands (:func:`mix`). Roles may be taken over with a cross-validated floor: a block keeps the
rules' role where the model is less sure of its own (``ROLE_FLOORS``), and article starts
under floors learnt from how the model's held-out start decisions that differ from the rules'
fared, in two bands of the rules' confidence (``START_FLOORS``, :func:`start_floors`); joins
and (from ``FLOOR_MIN_PAGES`` pages) roles likewise, per band (:func:`join_floors`,
:func:`role_floors`). The choice is kept in the model's header.

The package's rooms: :mod:`.model` (the model, ``train``, ``load``, ``cross_validate``),
:mod:`.labels`, :mod:`.decisions` (what the model takes over), and the features:
:mod:`.features` with :mod:`.text_cues`, :mod:`.heading_runs` and :mod:`.feature_codes`.
The learner's interface (``annotator.learn.LEARNERS``) is this package's names.
"""

from annotator.learn.structure.decisions import (
    ALL_DECISIONS,
    BAND_ROLE_FLOORS,
    DECISION_FIGURES,
    DECISIONS,
    FEW_PAGES_GAINS,
    FLOOR_MIN_PAGES,
    JOIN_BANDS,
    JOIN_FLOORS,
    LOWER_ON_TIE,
    MIN_GAINS,
    PAGE_GAINS,
    PAPER_MIN_PAGES,
    ROLE_BANDS,
    ROLE_FLOORS,
    RULES_SURE,
    START_BANDS,
    START_FLOORS,
    TakeoverScope,
    band_floor,
    join_band,
    join_floors,
    role_band,
    role_floors,
    start_band,
    start_floors,
    takeover,
    takeover_scopes,
)
from annotator.learn.structure.feature_codes import feature_names
from annotator.learn.structure.features import keyed_role, page_features, usual_length
from annotator.learn.structure.heading_runs import HeadingRun
from annotator.learn.structure.labels import (
    OUTSIDE,
    Decided,
    assemble,
    decode,
    gold_labels,
    label_of,
    mix,
    parse_label,
)
from annotator.learn.structure.model import (
    GROUPLESS_VERSIONS,
    KIND,
    MIN_PAGES,
    NAMED_VERSION,
    READABLE_VERSIONS,
    STALE,
    TRAIN_PARAMS,
    VERSION,
    StructureModel,
    cross_validate,
    keep_unknown_shapes,
    load,
    train,
)

__all__ = [
    "ALL_DECISIONS",
    "BAND_ROLE_FLOORS",
    "DECISIONS",
    "DECISION_FIGURES",
    "FEW_PAGES_GAINS",
    "FLOOR_MIN_PAGES",
    "GROUPLESS_VERSIONS",
    "JOIN_BANDS",
    "JOIN_FLOORS",
    "KIND",
    "LOWER_ON_TIE",
    "MIN_GAINS",
    "PAGE_GAINS",
    "MIN_PAGES",
    "NAMED_VERSION",
    "OUTSIDE",
    "PAPER_MIN_PAGES",
    "READABLE_VERSIONS",
    "ROLE_BANDS",
    "ROLE_FLOORS",
    "RULES_SURE",
    "START_BANDS",
    "START_FLOORS",
    "STALE",
    "TRAIN_PARAMS",
    "VERSION",
    "Decided",
    "HeadingRun",
    "StructureModel",
    "TakeoverScope",
    "assemble",
    "band_floor",
    "cross_validate",
    "decode",
    "feature_names",
    "gold_labels",
    "join_band",
    "join_floors",
    "keep_unknown_shapes",
    "keyed_role",
    "label_of",
    "load",
    "mix",
    "page_features",
    "parse_label",
    "role_band",
    "role_floors",
    "start_band",
    "start_floors",
    "takeover",
    "takeover_scopes",
    "train",
    "usual_length",
]
