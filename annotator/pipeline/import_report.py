"""What an import of page files did (:class:`ImportReport`), its Ctrl+C variant, and the
progress callback every long pipeline takes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# progress(done, total, current file) -> False to cancel
Progress = Callable[[int, int, str], bool]


@dataclass
class ImportReport:
    """What an import did, file by file."""

    imported: list[tuple[str, str]] = field(default_factory=list)  # (path, page id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, existing page id)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False
    interrupted: bool = False  # by Ctrl+C (KeyboardInterrupt): cancelled too
    # Files changed since their import: (path, what happened, naming both pages).
    changed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One sentence: counts of imported, skipped and refused files."""
        text = (
            f"Imported {len(self.imported)} page(s), skipped {len(self.skipped)} already "
            f"present, refused {len(self.refused)}"
        )
        if self.changed:
            text += f", {len(self.changed)} changed since their import"
        if self.interrupted:
            return text + " (interrupted)."
        return text + (" (cancelled)." if self.cancelled else ".")


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl+C during :func:`import_paths`, raised once the pages prepared before it are
    stored: ``report`` says what the database holds (each of its pages whole). Still a
    KeyboardInterrupt for callers that do not look for it."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary())
        self.report = report
