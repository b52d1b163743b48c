"""The entity tagger learnt from gold: a character-level linear-chain CRF (python-crfsuite).

Pure (no SQL, no Qt). It satisfies the learner interface of :mod:`annotator.learn`
(``KIND``, ``MIN_PAGES``, ``train``, ``cross_validate``, ``load``) and is used by import
and ``annotator suggest`` beside the rules (``annotator.suggest.suggest_spans(tagger=…)``).

**Units.** A sequence is one line of a done page (lines of ``other`` blocks, page
furniture that reviewers do not annotate, are left out); its tags are BIO over the labels
of the page's *accepted* spans, whatever they are (PER, ORG, LOC, DATE, FIGURE or a
project label): the model learns the labels its gold has.

**Features** of the character at ``i`` (all binary; :func:`features`):

- the characters ``i-1 … i+1``, the two pairs with ``i``, and the classes of the three
  (Han, digit, Chinese numeral, Latin, punctuation, space, other; a Han character in a
  single-character lexicon, surnames, transliteration or given-name characters, has
  that list's code instead). Measured on the dev portion of a public corpus, a wider
  window (``i±2``, more pairs, the triple) scored the same and costs time;
- words: forward longest match over jieba's dictionary (its words and their POS tags, as
  ``jieba.posseg`` uses them; jieba's own ``cut`` is five times slower than the budget of
  200,000 characters a second allows): the position of ``i`` in its word (B/M/E/S) with
  the word's POS. Worth 6 points of F1 (0.68 without, 0.74 with); and the same feature
  of ``i-1`` and ``i+1`` (``w-1``, ``w+1``: a name stands after a verb, before a title);
  and (format 11) the word itself, ``d=`` and the word on each of its characters (a word
  of two characters or more): the POS says a word is a noun, the word which one (分校,
  物理所, 代表队 inside organisations, 新区 inside places, 松下幸之助 a name, 财政部长
  none). Trained on 5,000 sentences of one public corpus as ``annotator train`` trains
  (issue 10, session 34), the merged suggestions' ORG on two dev slices of it 0.825 ->
  0.833 and 0.749 -> 0.752, on 439 sentences of another paper 0.684 -> 0.695 and
  0.664 -> 0.680, PER -0.004 to +0.006 and LOC -0.002 to +0.002; a model keeps some 1,600 of the
  dictionary's words, and tags with 5% more instructions a character. Beside it, the
  neighbours' words, the first and last characters of the neighbouring words, the end
  of a lexicon word and the characters at ``i±2`` each gained on one set and lost on
  another (the tagger alone, trained without the cross-validation);
- lexicons (:func:`lexicon_words`, the only place that knows which): known places and
  organisations (national bodies and, since format 5, the agencies, parties and companies
  of ``orgs_known``: ORG on MSRA dev slices +0.005 of F1 on average), place words,
  organisation suffixes, titles and roles, speech verbs matched in the line;
- the rule suggesters' own candidates (``annotator.suggest.rule_spans``, unresolved):
  ``B-``/``I-`` of each rule label covering ``i`` (stacking: the model learns when to
  trust the rules); ``o=B-``/``o=I-`` of the candidates inside no longer one, with their
  label on the characters just before and after them (``o=>``, ``o=<``) (formats 6 and 7:
  ORG on MSRA dev slices +0.002 and +0.003 of F1 on average, LOC +0.002 and +0.001);
  and (format 8) what the rules alone would suggest, ``f=B-``/``f=I-``/``f=E-``/``f=S-``
  with ``f=>``/``f=<`` beside it, where the model learns where their spans' edges are
  wrong. Trained on 500 sentences of an MSRA dev slice and held out by article, the
  model alone went from F1 0.729 to 0.743 (LOC 0.753 to 0.759, ORG 0.757 to 0.780), on
  the slice's test part from 0.734 to 0.766 (ORG 0.605 to 0.667); the candidates' own
  edges (``r=>``, ``r=<``, formats 4 to 7) then changed no score and were left out.

  Trained on 5,000 sentences of one public corpus, the neighbours' words and the edges
  of the rules' spans gained on two dev portions of it (all labels, exact F1 0.836 to
  0.841, 0.819 to 0.823) and on the dev portion of another paper (0.750 to 0.762, PER
  0.812 to 0.828). A wider window, the triple of characters, classes of ``i±2``,
  neighbours' lexicon words and other penalties gained on at most one of them.

  What limits LOC and ORG after training (issue 10, session 32; trained on 5,000 MSRA
  sentences, scored on three MSRA dev slices and 439 People's Daily sentences): the
  tagger mostly copies the rules. Of one slice's gold places, the merged suggestions found
  1,254 that the rules found too and 30 that they missed, and left 214 that neither found
  (organisations: 656, 33, 197): rare kinds (行省, 明城墙, 山庄, 草药店) that 5,000 sentences
  hold too few of. Measured and left out, each within ±0.004 of all-label F1 on the
  four sets over two training slices: more lexicons as features in a search of their own
  (county names, venue and organ words; cross-validated LOC 0.887 -> 0.890, ORG
  0.777 -> 0.781, then dev +0.001 to +0.004 and -0.001 to -0.003); a weaker L2 penalty
  on the rules' suggestion features (each given two or seven copies); the
  ``feature.minfreq`` 2 pruning (14% less crfsuite time, but PER lost a fold and stayed
  with the rules). Leaving the rule features out of a half or a quarter of the training
  lines lost up to 0.04 of ORG. Not worth a repair: the name the tagger found once on a
  page of 20 sentences, found again where it tagged nothing, added more wrong spans than
  right; a span whose edge cuts a dictionary word was right six times in seven.

**The rules kept.** With little gold the tagger alone loses names the rules found: it
has seen too few of them to trust a rule it never saw right. So the model's suggestions
(:class:`EntityModel`) are the tagger's spans plus, for the labels in its ``keeps``, the
rules' own suggestions that no span of the tagger overlaps: it contradicts a rule by
tagging something else there. Which labels keep them is decided by cross-validation
(:func:`kept_labels`: keeping must score at least as well as the tagger alone). On the
slice above, all labels F1 0.743 to 0.761 (rules 0.767), on its test part 0.766 to 0.786
(rules 0.768; ORG 0.667 to 0.728). A label may keep only its one-character spans
(``LOC:1``: 中俄, 访华, 俄经济) or only its longer ones (``LOC:n``), when that scored
better still: trained on 5,000 sentences of one paper, whose gold holds few of the
one-character places of foreign news, the tagger left them out on text of other
sections (its LOC 0.827 where the rules had 0.873). And (format 9) a span of the tagger
less sure than a bound chosen by cross-validation (:func:`yield_below`) yields to the kept
one-character rule spans it covers (巴方 read as a person, 中日 as one place), and one less
sure than another such bound (:func:`relabel_below`) takes the label the rules give the
same characters (阿根廷 read as an organisation before 政府). And (format 10) a kept rule
span that the tagger is less sure of than a bound chosen by cross-validation for its label
(:func:`drop_below`) is left out: the tagger is sure it is nothing (the rules' 贺辞 as a
person, 外交部副部长张德广和委员会 as one organisation). And (format 12) a span of the
tagger where the rules suggest nothing, less sure than a bound chosen by cross-validation
for its label (:func:`guess_below`), is left out: there the tagger reads the characters
alone, and an unsure reading is mostly a guess (村委会 of a law's title, 施工队 as
organisations).

**Across papers** (issue 10, session 33): which label the model takes over is decided on
held-out folds of the gold's own paper, which cannot see another paper's conventions. A
label is taken over only where the model was ahead of the rules on more held-out spans
than chance explains, and on enough names for an exact sign test to pass at all
(:func:`~annotator.learn.entity_bounds.min_apart`; no name apart is no evidence: session
35) (:func:`~annotator.learn.entity_bounds.takeover`). Measured and left
out, on 5,000 sentences of each of two slices of one public corpus, scored on three dev
slices of it and 439 sentences of another paper, and trained on those 439 scored on the
three slices: a merge span by span, each label's bounds chosen on the folds (a span of the
tagger alone kept above a confidence, the tagger's span winning an overlap with the rules'
above another, a rule span left out below the tagger's confidence of it): in-corpus
-0.023 (one slice's PER) to +0.007 of the merged suggestions kept, on the other paper LOC
0.806 -> 0.779 and ORG 0.561 -> 0.548 for one slice; keeping for a label left to the
rules their spans but those the tagger is less sure of than 0.2: in-corpus LOC +0.001
to +0.002 for one slice, -0.007 to +0.002 for the other, and trained on the other paper
LOC 0.869 -> 0.788 on a slice of the first. What the
tagger learns beyond the rules is largely its gold's conventions (中国政府 one organisation
in one paper, a place and no entity in the other): trained on the 439 sentences, ORG
took over (right on 55 held-out spans the rules had wrong, wrong on 12), and on the other
corpus merged ORG went 0.795 -> 0.746, 0.746 -> 0.609 and 0.767 -> 0.692 of the rules'.

**Confidence** of a predicted span: the *smallest* marginal probability, over its
characters, of the tag the model chose (a span is as sure as its least sure character;
for a rule's span kept, of the tags of that span), stored in the suggestion's ``attrs`` as ``{"confidence": 0.93}``. Gold export leaves the
key out (``formats.gold_jsonl``): it describes the suggestion, not the entity.

**Determinism.** The same pages in the same order give the same bytes: features are
built in text order, L-BFGS has no randomness, and crfsuite writes no time stamp.

**Tagging rows.** A loaded model gives its tagger, of each character's features, only
those it has a weight for, as bytes (:mod:`annotator.learn.entity_rows`, where the
instructions it takes are told): the same tags and marginals to the last bit.

**Modules.** This module is the learner's face (what :mod:`annotator.learn` and the
callers use); the work is done in one module a job:

- :mod:`annotator.learn.entity_lexicons`: the word lists and jieba's dictionary, matched
  by automata built once a process;
- :mod:`annotator.learn.entity_features`: the feature strings of a line (training) and
  the columns the rows are found from;
- :mod:`annotator.learn.entity_rows`: the rows a loaded model tags, of the features it
  has, and its attributes read from its bytes;
- :mod:`annotator.learn.entity_bounds`: the labels the model takes over and keeps, the
  confidences below which its spans yield or are relabelled, chosen from figures;
- :mod:`annotator.learn.entity_model`: the model's bytes (header lines, :func:`load`)
  and its tagger (:class:`EntityModel`);
- :mod:`annotator.learn.entity_training`: gold lines, training and cross-validation.
"""

from __future__ import annotations

from annotator.learn.entity_bounds import (
    apart,
    drop_below,
    guess_below,
    kept_labels,
    min_apart,
    relabel_below,
    takeover,
    tested_labels,
    yield_below,
)
from annotator.learn.entity_features import (
    Entity,
    Sentence,
    bio_tags,
    char_class,
    features,
    features_of_lines,
    rule_entities,
    rule_suggestions,
)
from annotator.learn.entity_lexicons import lexicon_words
from annotator.learn.entity_model import FORMAT, Candidate, EntityModel, Tagger, load, spans_of
from annotator.learn.entity_rows import attribute_names
from annotator.learn.entity_training import (
    C2_PER_SENTENCE,
    TRAIN_PARAMS,
    cross_validate,
    gold_sentences,
    train,
    train_params,
    train_sentences,
)

KIND = "entities"
MIN_PAGES = 5

__all__ = [
    "C2_PER_SENTENCE",
    "FORMAT",
    "KIND",
    "MIN_PAGES",
    "TRAIN_PARAMS",
    "Candidate",
    "Entity",
    "EntityModel",
    "Sentence",
    "Tagger",
    "apart",
    "attribute_names",
    "bio_tags",
    "char_class",
    "cross_validate",
    "drop_below",
    "guess_below",
    "features",
    "features_of_lines",
    "gold_sentences",
    "kept_labels",
    "lexicon_words",
    "load",
    "min_apart",
    "relabel_below",
    "rule_entities",
    "rule_suggestions",
    "spans_of",
    "takeover",
    "tested_labels",
    "train",
    "train_params",
    "train_sentences",
    "yield_below",
]
