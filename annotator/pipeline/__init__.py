"""Import and re-suggest pipelines shared by the command line and the window's worker.

Import: discover files; read, hash, decode, pre-split and suggest each once (in worker
processes for large batches); store the pages in file order, a batch of pages per
transaction. A file that cannot be read or decoded is refused with a reason and the rest
of the batch goes on; a file whose bytes are already present is skipped. A progress
callback may cancel between files, which keeps every page before and never half a page.

The package's rooms, one job each: :mod:`.page_import` (``import_paths``) with
:mod:`.prepared`, :mod:`.workers` and :mod:`.page_writer`; :mod:`.import_report`;
:mod:`.learnt_models`; :mod:`.renewal` (re-suggest, re-split, renew); :mod:`.model_training`;
and the gold imports :mod:`.conll_import`, :mod:`.gold_import`, :mod:`.segmentation_import`.
Callers import from the package.
"""

from annotator.pipeline.conll_import import gold_pages, import_conll
from annotator.pipeline.gold_import import GoldImportReport, import_gold
from annotator.pipeline.import_report import ImportInterrupted, ImportReport, Progress
from annotator.pipeline.learnt_models import (
    entity_model_bytes,
    learnt_gazetteer,
    learnt_model,
    load_entity_model,
    presplit,
    stale_model,
    stale_models,
)
from annotator.pipeline.model_training import TrainedModel, TrainReport, train
from annotator.pipeline.page_import import import_paths
from annotator.pipeline.prepared import Prepared, prepare, prepare_many
from annotator.pipeline.renewal import renew_unstarted, resplit, resuggest
from annotator.pipeline.segmentation_import import SegmentationImportReport, import_segmentation

__all__ = [
    "GoldImportReport",
    "ImportInterrupted",
    "ImportReport",
    "Prepared",
    "Progress",
    "SegmentationImportReport",
    "TrainReport",
    "TrainedModel",
    "entity_model_bytes",
    "gold_pages",
    "import_conll",
    "import_gold",
    "import_paths",
    "import_segmentation",
    "learnt_gazetteer",
    "learnt_model",
    "load_entity_model",
    "prepare",
    "prepare_many",
    "presplit",
    "renew_unstarted",
    "resplit",
    "resuggest",
    "stale_model",
    "stale_models",
    "train",
]
