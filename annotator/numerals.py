"""The characters that write numbers, defined once for the rules and the learnt tagger.

Arabic digits, ASCII and full-width (``2020``, ``１９９８``), and Chinese numerals: the
digits with 零, 〇 and 两 (``二〇二〇``, ``两万``) and the magnitudes (``七百二十万``,
``三点五亿``).  The figure and date rules, the place rules' counts (``１２面党旗``,
``三座寺``) and the entity tagger's character classes read these sets; a rule that also
counts with a word of vague number (几, 多, 余, 数) adds it where it reads it.  Pure: no Qt,
no SQL.
"""

from __future__ import annotations

DIGITS = "0123456789０１２３４５６７８９"
CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE_MAGNITUDES = "十百千万亿"
CHINESE_NUMERALS = frozenset(CHINESE_DIGITS + CHINESE_MAGNITUDES)
NUMERALS = frozenset(DIGITS) | CHINESE_NUMERALS
