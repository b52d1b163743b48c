"""Learnt models kept in the database beside the gold they were learnt from."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from annotator.store.common import ModelRecord, Room, now
from annotator.store.rows import _json


class ModelsRoom(Room):
    """Learnt models kept in the database."""

    # --- learnt models --------------------------------------------------------------

    def save_model(self, kind: str, data: bytes, *, pages: int, meta: dict[str, Any]) -> int:
        """Keep a newly trained model of ``kind``; its version is one above the last."""
        with self._write_locked():
            row = self.db.conn.execute(
                "SELECT coalesce(max(version), 0) FROM models WHERE kind = ?", [kind]
            ).fetchone()
            cursor = self.db.conn.execute(
                "INSERT INTO models (kind, version, created_at, pages, meta, data) "
                "VALUES (?,?,?,?,?,?)",
                [kind, int(row[0]) + 1, now(), pages, _json(meta), sqlite3.Binary(data)],
            )
        return int(cursor.lastrowid or 0)

    def latest_model(self, kind: str) -> ModelRecord | None:
        """The newest model of ``kind``, or None when none was trained yet."""
        row = self.db.conn.execute(
            "SELECT id, kind, version, created_at, pages, meta, data FROM models "
            "WHERE kind = ? ORDER BY id DESC LIMIT 1",
            [kind],
        ).fetchone()
        if row is None:
            return None
        model_id, kind, version, created_at, pages, meta, data = row
        return ModelRecord(
            model_id, kind, version, created_at, pages, json.loads(meta), bytes(data)
        )

    def model_versions(self) -> list[ModelRecord]:
        """Every kept model without its bytes (``data`` empty), newest first."""
        rows = self.db.conn.execute(
            "SELECT id, kind, version, created_at, pages, meta FROM models ORDER BY id DESC"
        ).fetchall()
        return [ModelRecord(i, k, v, at, n, json.loads(meta), b"") for i, k, v, at, n, meta in rows]
