"""A fold worker killed mid cross-validation (a real SIGKILL, not a fake pool): the folds left are trained in this process, same bytes."""

from __future__ import annotations

import os
import signal

from annotator.learn import structure as st
from annotator.learn import structure_folds

from .test_structure_folds import pages, parallel, serial  # noqa: F401


def test_a_worker_killed_after_the_first_fold_leaves_the_rest_to_this_process(
    pages,  # noqa: F811 (the fixtures imported above)
    serial,  # noqa: F811
    parallel,  # noqa: F811
    monkeypatch,
):
    pools = []
    real = structure_folds._pool
    monkeypatch.setattr(structure_folds, "_pool", lambda *a: pools.append(real(*a)) or pools[-1])
    prepared = st.model._prepared(pages)
    seqs = [p.sequence for p in prepared]
    crfs = structure_folds.fold_crfs(seqs, 3, st.model.TRAIN_PARAMS, "k", None)
    got = [next(crfs)]
    assert pools and pools[0] is not None
    for pid in list(pools[0]._processes):
        os.kill(pid, signal.SIGKILL)
    got += list(crfs)
    want = [structure_folds.crf_bytes(seqs, st.model.TRAIN_PARAMS, k, 3) for k in range(3)]
    assert got == want
    # the whole's model died with them; unless the workers had trained it and every fold
    # before the kill (this process held off the CPU that long on a busy machine): then
    # it is the one trained here
    beside = structure_folds.take_beside_folds("k")
    assert beside is None or beside[0] == structure_folds.crf_bytes(seqs, st.model.TRAIN_PARAMS)
    # and after it, a whole cross-validation still gives the serial figures and model
    figures = st.cross_validate(pages, 3)
    assert figures == serial[0]
    assert st.train(pages, figures) == serial[1]
