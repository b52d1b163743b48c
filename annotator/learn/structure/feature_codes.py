"""Feature names as the model reads them: a long name as a short code (:func:`_code`), and
the names back from the codes (:func:`feature_names`).

CRFsuite copies each feature name handed to it several times (into its items, their
sequence, then the look-up); a name of at most ``_SHORT_BYTES`` bytes of UTF-8 stays inside
the string object (libstdc++'s small-string buffer), a longer one allocates at each copy,
which cost the tagger more than its own work. So a longer name (most of those conjoined
with the paper or the rule role) is handed over as its code: the same features under
other names, the same weights and labels. Codes are made where the names are built once
(the cached lists of :mod:`.features`), never per block.
"""

from __future__ import annotations

import base64
import hashlib

_SHORT_BYTES = 15
_CODE_MARK = "~"  # no feature name starts with it
# The name of each code made in this process (for reading features: feature_names).
_NAMES: dict[str, str] = {}


def _code(name: str) -> str:
    """The feature ``name`` as the model reads it: itself when short, else a code of 12
    ASCII characters made of a 64-bit hash of it (deterministic: every process, every run)."""
    if len(name) <= _SHORT_BYTES // 4 or len(name.encode()) <= _SHORT_BYTES:
        return name
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    code = _CODE_MARK + base64.b64encode(digest).decode()[:11]
    _NAMES[code] = name
    return code


def _codes(names: list[str]) -> list[str]:
    return [_code(name) for name in names]


def feature_names(features: list[list[str]]) -> list[list[str]]:
    """:func:`page_features` by name (for reading them, and for a model of version 3)."""
    get = _NAMES.get
    return [[get(x, x) for x in f] for f in features]
