"""The optional jieba suggester: lazy, optional, own origin."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.suggest import model_tagger, suggest_spans


def test_importing_suggest_does_not_import_jieba():
    code = "import sys, annotator.suggest; print('jieba' in sys.modules)"
    root = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=root
    )
    assert out.stdout.strip() == "False"


def test_unavailable_when_jieba_cannot_be_imported(monkeypatch):
    real_import = builtins.__import__

    def no_jieba(name, *args, **kwargs):
        if name == "jieba" or name.startswith("jieba."):
            raise ImportError("No module named 'jieba'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jieba)
    monkeypatch.setattr(model_tagger, "_state", {"tried": False, "posseg": None, "error": None})
    assert model_tagger.is_available() is False
    assert "jieba" in (model_tagger.unavailable_reason() or "")
    assert model_tagger.model_candidates("市委书记王建华在长沙讲话") == []
    spans = suggest_spans("市委书记王建华在长沙讲话", use_model=True)
    assert spans and all(sp.origin == "rule" for sp in spans)


def test_model_spans_when_jieba_is_installed():
    pytest.importorskip("jieba")
    model_tagger._state.update(tried=False, posseg=None, error=None)
    assert model_tagger.is_available()
    text = "𠮷国务院总理李强在北京会见了来访的客人。"
    spans = model_tagger.find_model_spans(text)
    assert spans, "jieba found nothing"
    for sp in spans:
        assert sp.origin == "model" and sp.status == "suggested"
        assert sp.label in ("PER", "LOC", "ORG")
        assert text[sp.start : sp.end].strip() == text[sp.start : sp.end]
    assert ("北京", "LOC") in [(text[s.start : s.end], s.label) for s in spans]
    merged = suggest_spans(text, use_model=True)
    assert {sp.origin for sp in merged} <= {"rule", "model"}
