"""Check our Label Studio export against a running Label Studio, through its HTTP API.

Exports the pages of a database as Label Studio tasks (``annotator export --format
labelstudio``), creates a project with our labeling config, imports the tasks, reads them
back with Label Studio's own JSON export and checks, for every task:

* the task's text is ours, character for character;
* its annotation has exactly our spans, with our labels, and every region's
  ``[start, end)`` read in code points (as Label Studio's editor places it, since it fixed
  its emoji offsets) is the region's text and the span's text;

then imports Label Studio's export into a copy of the database (``import --format
labelstudio``) and checks that every document is placed and every span is found where it
was. Prints what it saw, one line per finding, and exits 1 when something differs.

Label Studio itself is not a dependency: run it apart (its own virtual environment), with
a legacy API token enabled, e.g.::

    LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true label-studio start --no-browser \\
        --port 8089 --username me@example.com --password secret --user-token TOKEN
    python scripts/labelstudio_check.py --url http://localhost:8089 --token TOKEN \\
        --db pages.db [--status all]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

from annotator.exporting import ExportRequest, export
from annotator.formats.labelstudio import label_config, read
from annotator.placement import import_documents
from annotator.store import Store


class Api:
    """The few Label Studio API calls the check makes (token authentication)."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url.rstrip("/"), token

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Token {self.token}")
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read().decode("utf-8"))


def _regions(task: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    kept = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    result = kept[-1].get("result") or [] if kept else []
    return sorted(
        (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0], r["value"]["text"])
        for r in result
    )


def compare(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[str]:
    """What differs between the tasks we wrote and the tasks Label Studio gives back."""
    problems = []
    by_id = {t["data"].get("article_id"): t for t in theirs}
    if len(theirs) != len(ours):
        problems.append(f"{len(ours)} task(s) written, {len(theirs)} in Label Studio")
    for task in ours:
        article = task["data"]["article_id"]
        other = by_id.get(article)
        if other is None:
            problems.append(f"{article}: missing in Label Studio")
            continue
        text = other["data"].get("text")
        if text != task["data"]["text"]:
            problems.append(f"{article}: the text differs")
            continue
        if _regions(other) != _regions(task):
            problems.append(f"{article}: regions {_regions(other)} != ours {_regions(task)}")
        for start, end, label, wanted in _regions(other):
            if text[start:end] != wanted:
                got = text[start:end]
                problems.append(
                    f"{article}: {label} [{start}, {end}) reads {got!r}, not {wanted!r}"
                )
    return problems


def run(api: Api, db: Path, statuses: list[str] | None, folder: Path) -> int:
    with Store.open(db) as store:
        buffer = io.StringIO()
        export(store, ExportRequest("labelstudio", statuses), buffer)
        config = label_config(store.label_names())
    ours = json.loads(buffer.getvalue())
    spans = sum(len(_regions(t)) for t in ours)
    astral = sum(1 for t in ours if any(c > "\uffff" for c in t["data"]["text"]))
    print(f"written: {len(ours)} task(s), {spans} region(s), {astral} text(s) outside the BMP")
    project = api.call(
        "POST", "/api/projects", {"title": f"annotator {db.name}", "label_config": config}
    )
    print(f"project {project['id']} created with our labeling config")
    imported = api.call("POST", f"/api/projects/{project['id']}/import", ours)
    print(
        f"Label Studio import: {imported.get('task_count')} task(s), "
        f"{imported.get('annotation_count')} annotation(s), "
        f"{imported.get('prediction_count')} prediction(s)"
    )
    theirs = api.call(
        "GET", f"/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true"
    )
    problems = compare(ours, theirs)
    regions = sum(len(_regions(t)) for t in theirs)
    print(f"Label Studio export: {len(theirs)} task(s), {regions} region(s)")
    exported = folder / "labelstudio_export.json"
    exported.write_text(json.dumps(theirs, ensure_ascii=False), encoding="utf-8")
    copy = folder / "copy.db"
    shutil.copy(db, copy)
    with Store.open(copy) as store:
        report = import_documents(store, list(read(exported)), "labelstudio-check", "in_progress")
    print(f"placed back: {report.summary()}")
    problems += report.problems
    if report.placed != len(theirs) or report.already != spans:
        problems.append(f"placed {report.placed} document(s) with {report.already} span(s) found")
    for problem in problems:
        print(f"DIFFERS: {problem}")
    print("OK: Label Studio holds our text and spans at our offsets" if not problems else "")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--token", required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--status", default="done", help="page statuses to export, or all")
    args = parser.parse_args()
    statuses = None if args.status == "all" else args.status.split(",")
    with tempfile.TemporaryDirectory() as folder:
        return run(Api(args.url, args.token), args.db, statuses, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
