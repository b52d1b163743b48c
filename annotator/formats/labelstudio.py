"""Label Studio JSON tasks: one task per article, spans as ``annotations`` or ``predictions``.

The file is one JSON array of tasks in Label Studio's basic JSON format, importable as it
is into a project whose labeling config has ``<Labels name="label" toName="text">`` over
``<Text name="text" value="$text"/>`` (:func:`label_config` writes one)::

    {"data": {"text": "…", "article_id": "p#1", "page_id": "p", "ordinal": 1, …},
     "annotations": [{"result": [{"id": "p#1:0", "from_name": "label", "to_name": "text",
        "type": "labels", "value": {"start": 3, "end": 6, "text": "邓群策", "labels": ["PER"]}}]}]}

With ``as_predictions`` the same result goes under ``predictions`` (with a
``model_version``), so reviewers in Label Studio see it as pre-annotations to correct.
With ``suggestions`` (``--suggestions``) each task also carries the page's open machine
suggestions as a prediction of ``annotator-suggestions``. A span's attributes (a figure's
value and unit, a date's parts) ride in its region's ``meta`` as ``{"attrs": {…}}`` and are
read back from there; a span without attributes has no ``meta``.

Offsets are code points, as ours: Label Studio's editor places a region by code points
(seen in Label Studio 1.23: a task written in UTF-16 code units showed every region after 𠮷
or an emoji shifted by one per such character, the same task in code points showed each
where it belongs). Its versions before the fix of its emoji offsets counted UTF-16 code
units, as our exports before 0.1.0 did: the reader takes a region in code points, or in
UTF-16 code units where only they give the region's ``text`` (:class:`~.base.Utf16`).

The reader takes Label Studio's JSON export (a list of tasks, or one task, or JSON-MIN
rows) and returns :class:`~.base.Imported` documents; it prefers the last annotation that
was not cancelled and, when asked, falls back to predictions. A task with such an
annotation counts as finished (:attr:`~.base.Imported.completed`); one with predictions
only does not.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.formats import fastjson
from annotator.formats.base import (
    ExportCancelled,
    Imported,
    ImportFormatError,
    PathOrStream,
    Progress,
    Utf16,
    check_record,
    write_text,
)
from annotator.formats.fastjson import string

FROM_NAME = "label"
TO_NAME = "text"
MODEL_VERSION = "annotator"
SUGGESTIONS_VERSION = "annotator-suggestions"


def _span_results(record: dict[str, Any], spans: list[dict[str, Any]], tag: str) -> list:
    result = []
    prefix = f"{record['id']}:{tag}"
    for i, span in enumerate(spans):
        item = {
            "id": prefix + str(i),
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "value": {
                "start": span["start"],
                "end": span["end"],
                "text": span["text"],
                "labels": [span["label"]],
            },
        }
        if span.get("attrs"):
            # A region's meta travels with it through Label Studio and back (a figure's
            # value and unit, a date's parts); spans without attributes carry none.
            item["meta"] = {"attrs": span["attrs"]}
        result.append(item)
    return result


def task(record: dict[str, Any], as_predictions: bool = False) -> dict[str, Any]:
    """The Label Studio task of one Gold JSONL v1 article record.

    A record may carry ``suggestions`` (open machine suggestions, checked like its spans):
    they become a prediction of model ``annotator-suggestions``, for review in Label Studio.
    """
    result = _span_results(record, record["spans"], "")
    data = {
        "text": record["text"],
        "article_id": record["id"],
        "page_id": record["page_id"],
        "ordinal": record["ordinal"],
        "source": record["source"],
    }
    out: dict[str, Any] = {"data": data}
    predictions = []
    if as_predictions:
        predictions.append({"model_version": MODEL_VERSION, "result": result})
    else:
        out["annotations"] = [{"result": result}]
    if "suggestions" in record:
        # Checked as the spans are: each gives its text at its place in the article.
        check_record({"id": record["id"], "text": record["text"], "spans": record["suggestions"]})
        suggested = _span_results(record, record["suggestions"], "s")
        predictions.append({"model_version": SUGGESTIONS_VERSION, "result": suggested})
    if predictions:
        out["predictions"] = predictions
    return out


_DATA = '{"data": {"text": %s, "article_id": %s, "page_id": %s, "ordinal": %d, "source": %s}, '
_RESULT = (
    '{"id": %s, "from_name": "label", "to_name": "text", "type": "labels", '
    '"value": {"start": %d, "end": %d, "text": %s, "labels": [%s]}}'
)


def task_json(record: dict[str, Any], as_predictions: bool = False) -> str:
    """``json.dumps(task(record, as_predictions), ensure_ascii=False)``, written by hand
    for a plain record (the same bytes, without building the task's dicts first)."""
    if (
        "suggestions" in record
        or record["ordinal"].__class__ is not int
        or any(span.get("attrs") for span in record["spans"])
    ):
        # %d would write a float or a bool as another number than the encoder does
        return fastjson.dumps(task(record, as_predictions))
    try:
        head = _DATA % (
            string(record["text"]),
            string(record["id"]),
            string(record["page_id"]),
            record["ordinal"],
            string(record["source"]),
        )
        result = _results_json(record)
    except TypeError:
        return fastjson.dumps(task(record, as_predictions))
    if as_predictions:
        return fastjson.line_safe(
            f'{head}"predictions": [{{"model_version": "{MODEL_VERSION}", "result": [{result}]}}]}}'
        )
    return fastjson.line_safe(f'{head}"annotations": [{{"result": [{result}]}}]}}')


def _results_json(record: dict[str, Any]) -> str:
    prefix = f"{record['id']}:"
    return ", ".join(
        [
            _RESULT
            % (
                string(prefix + str(i)),
                span["start"],
                span["end"],
                string(span["text"]),
                string(span["label"]),
            )
            for i, span in enumerate(record["spans"])
        ]
    )


def write(
    records: Iterable[dict[str, Any]],
    target: PathOrStream,
    progress: Progress | None = None,
    as_predictions: bool = False,
    **_: Any,
) -> int:
    """Write the tasks as one JSON array (a task per line inside it); returns the count."""

    def emit(w: Any) -> int:
        n = 0
        w("[")
        for record in records:
            w((",\n" if n else "\n") + task_json(record, as_predictions))
            n += 1
            if progress is not None and progress(n) is False:
                raise ExportCancelled(n)
        w("\n]\n" if n else "]\n")
        return n

    return write_text(target, emit)


def label_config(labels: Iterable[str]) -> str:
    """A labeling config for a Label Studio project that imports these tasks."""
    items = "\n".join(f"    <Label value={quoteattr(x)}/>" for x in labels)
    return (
        "<View>\n"
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{items}\n  </Labels>\n'
        f'  <Text name="{TO_NAME}" value="$text"/>\n'
        "</View>\n"
    )


# ---------------------------------------------------------------------------- reader


def read(path: str | os.PathLike[str], predictions: bool = False) -> Iterator[Imported]:
    """Documents of a Label Studio JSON export; raises :class:`ImportFormatError`."""
    name = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ImportFormatError(f"{name}: not a Label Studio JSON export ({e})") from None
    tasks = data if isinstance(data, list) else [data]
    for i, item in enumerate(tasks, start=1):
        if not isinstance(item, dict):
            raise ImportFormatError(f"{name}: task {i} is not a JSON object")
        yield _document(item, f"{name}: task {i}", predictions)


def _document(item: dict[str, Any], where: str, predictions: bool) -> Imported:
    data = item["data"] if isinstance(item.get("data"), dict) else item
    text = data.get(TO_NAME)
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str)), None)
    if not isinstance(text, str):
        raise ImportFormatError(f"{where}: no text in the task data")
    doc = Imported(text, [], where, _str(data.get("page_id")), _int(data.get("ordinal")))
    results = _results(item, predictions, doc)
    conv = Utf16(text)
    for result in results:
        _add_result(doc, conv, result)
    return doc


def _results(item: dict[str, Any], predictions: bool, doc: Imported) -> list[Any]:
    if "annotations" not in item and "predictions" not in item and "label" in item:
        # JSON-MIN: one flat row per task, spans under the labels' name; Label Studio
        # writes rows only for annotated tasks.
        doc.completed = True
        return [{"type": "labels", "value": v} for v in item.get("label") or []]
    kept = [a for a in item.get("annotations") or [] if not a.get("was_cancelled")]
    # A submitted annotation is Label Studio's "completed"; predictions and skipped
    # (cancelled) annotations are not.
    doc.completed = bool(kept)
    if len(kept) > 1:
        # Several annotators on one task (a project with overlap): one gold per article,
        # and which one was taken is said; the others were dropped without a word.
        last = kept[-1].get("id")
        which = f" (id {last})" if last is not None else ""
        doc.skipped.append(
            f"{len(kept) - 1} other annotation(s) of this task left out: only the last "
            f"submitted one{which} is placed"
        )
    if kept:
        return list(kept[-1].get("result") or [])
    if predictions and item.get("predictions"):
        return list(item["predictions"][-1].get("result") or [])
    if item.get("predictions"):
        doc.problems.append("only predictions, no annotation (use --predictions to take them)")
    return []


def _add_result(doc: Imported, conv: Utf16, result: Any) -> None:
    value = result.get("value") if isinstance(result, dict) else None
    if not isinstance(value, dict) or result.get("type", "labels") != "labels":
        kind = result.get("type") if isinstance(result, dict) else type(result).__name__
        doc.skipped.append(f"a {kind!r} result is not a span label; skipped")
        return
    s, e, labels = value.get("start"), value.get("end"), value.get("labels") or []
    if not (isinstance(s, int) and isinstance(e, int)) or not labels:
        doc.problems.append(f"a result without start, end and labels: {value!r}")
        return
    wanted = value.get("text")
    if isinstance(wanted, str) and doc.text[s:e] != wanted:
        # An older Label Studio (or annotator) counted UTF-16 code units.
        try:
            us, ue = conv.to_code_point(s), conv.to_code_point(e)
        except ValueError:
            us, ue = s, e
        if doc.text[us:ue] != wanted:
            doc.problems.append(f"[{s}, {e}) reads {doc.text[s:e]!r}, not {wanted!r}")
            return
        s, e = us, ue
    meta = result.get("meta")
    attrs = meta.get("attrs") if isinstance(meta, dict) else None
    for label in labels:
        doc.spans.append((s, e, str(label)))
        if isinstance(attrs, dict) and attrs:
            doc.attrs[(s, e, str(label))] = attrs


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
