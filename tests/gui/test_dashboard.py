"""The statistics dashboard: opened by its key, charts drawn from the database's figures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from annotator.edits import Op, mark_done_op
from annotator.gui.dashboard import BarChart
from annotator.store import Store

from .pages import make_db
from .test_window_edits import CTRL, SHIFT, K, press


@pytest.fixture
def db(tmp_path):
    path = make_db(tmp_path / "pages.db", ["p1", "p2"])
    with Store.open(path) as store:
        for span in store.spans("p1"):
            store.apply(Op("set_span_status", "p1", {"id": span.id, "status": "accepted"}), "lin")
        store.apply(Op("set_page_status", "p1", {"status": "done"}), "lin")
    return path


def _bar_colour(chart: BarChart, row: int) -> QColor:
    image = chart.grab().toImage()
    rect = chart.bar_rect(row)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(rect.center().x() * ratio), int(rect.center().y() * ratio))


def test_ctrl_shift_d_opens_charts_of_labels_roles_and_throughput(windows, db, qtbot):
    window = windows(db)
    press(window, qtbot, K.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "_dashboard", None) is not None)
    dialog = window._dashboard
    qtbot.waitUntil(dialog.isVisible)
    with Store.open(db) as store:
        expected = store.distributions("done")
    assert dict(dialog.labels_chart.rows()) == {k: float(v) for k, v in expected["labels"].items()}
    assert dict(dialog.labels_chart.rows())["PER"] == 2.0  # 邓群策 and 李明 on the done page
    roles = dict(dialog.roles_chart.rows())
    assert sum(roles.values()) == sum(expected["roles"].values()) == 8
    assert [name for name, _ in dialog.speed_chart.rows()] == ["lin"]
    assert dialog.table.item(0, 0).text() == "lin" and dialog.table.item(0, 1).text() == "1"
    # what is drawn: the PER bar in the label's colour, the longest bar the widest
    dialog.resize(900, 700)
    qtbot.waitUntil(lambda: dialog.labels_chart.width() > 300)
    names = [name for name, _ in dialog.labels_chart.rows()]
    per = names.index("PER")
    assert _bar_colour(dialog.labels_chart, per) == window._label_colours()["PER"]
    widths = [dialog.labels_chart.bar_rect(i).width() for i in range(len(names))]
    assert max(widths) == widths[per]


def test_refresh_shows_edits_made_since_opening(windows, db, qtbot):
    window = windows(db)
    press(window, qtbot, K.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "_dashboard", None) is not None)
    dialog = window._dashboard
    before = dict(dialog.labels_chart.rows())
    with Store.open(db) as store:
        span = next(s for s in store.spans("p2") if s.label == "ORG")
        store.apply(Op("set_span_status", "p2", {"id": span.id, "status": "accepted"}), "wu")
        store.apply(mark_done_op(store.page_state("p2"), "reject"), "wu")
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    after = dict(dialog.labels_chart.rows())
    assert after["ORG"] == before["ORG"] + 1
    assert [name for name, _ in dialog.speed_chart.rows()] == ["lin", "wu"]


def test_gold_placed_by_an_import_is_shown_apart_not_as_a_reviewer(windows, db, qtbot):
    from annotator.model import Span

    with Store.open(db) as store:
        spans = [Span(2, 4, "LOC").to_dict(with_id=False)]  # 市委 (the "# " before is markup)
        gold = {"blocks": [b.to_dict() for b in store.blocks("p2")], "spans": spans}
        store.apply_gold(
            Op("replace_page_gold", "p2", {**gold, "status": "done"}),
            "wu",
            "2024-01-01T00:00:00+00:00",
        )
    window = windows(db)
    press(window, qtbot, K.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "_dashboard", None) is not None)
    dialog = window._dashboard
    qtbot.waitUntil(dialog.isVisible)
    assert [name for name, _ in dialog.speed_chart.rows()] == ["lin"]  # not wu, not "import"
    assert dialog.table.rowCount() == 1
    assert dialog.imported.isVisible()
    assert "1 spans on 1 pages" in dialog.imported.text()
