"""Messages of the core that the window shows translated.

A core error or report text is made with :func:`msg` from an English template and its
values: it *is* the English text (a ``str``, so printing, comparing and logging work as
before), and it remembers the template and the values, so the window can look the
template up in its Chinese catalogue (``QCoreApplication.translate("core", template)``,
``annotator/gui/i18n.py: core_text``) and fill in the same values. Values that are
messages themselves are translated too.

``scripts/update_translations.py`` collects every ``msg("…")`` template of the core into
the translation file, so a new core message without its Chinese fails a test like any
other interface string. Templates must therefore be string literals.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CONTEXT", "Message", "listing", "msg"]

CONTEXT = "core"  # the translation context of every core template


class Message(str):
    """English text that remembers its template and values (see the module docstring)."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        text = template.format(**values) if values else template
        self = super().__new__(cls, text)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Import workers send refusals across processes: keep template and values.
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def msg(template: str, /, **values: Any) -> Message:
    """A translatable core message: ``template`` (a literal) formatted with ``values``."""
    return Message(template, **values)


def listing(items: list[str], *, last: str = "and") -> str:
    """``items`` as one message, "a, b or c" (``last="or"``) or "a, b and c", so that
    the window translates the items that are messages and the words between them."""
    if not items:
        return ""
    out: str = items[-1]
    for k, item in enumerate(reversed(items[:-1])):
        if k == 0 and last == "or":
            out = msg("{first} or {rest}", first=item, rest=out)
        elif k == 0 and last == "and":
            out = msg("{first} and {rest}", first=item, rest=out)
        else:
            out = msg("{first}, {rest}", first=item, rest=out)
    return out
