"""Page furniture: editor credits, ads and imprint, continuation marks, page headers (dates,
page numbers, page names), a paper's source line and a column's mailbox.
"""

from __future__ import annotations

from annotator import rules_regex

from .chars import HAN

# A column's mailbox line ends the article above it (栏目投稿邮箱：name@paper.cn).
MAILBOX = rules_regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\s*\Z")


# Who edited, laid out or planned the page or the set above: 责任编辑：…, 本期统筹：….
_EDITOR_POSTS = (
    r"(?:本版|本期)?(?:责任编辑|责编|编辑|美编|美术编辑|校对|版式设计|版式|组版|照排|审读"
    r"|值班编辑|值班主任|见习编辑|图片编辑|视觉设计|统筹|策划|监制)"
)
# (the post may stand before the names without a colon, set apart by a space: 编辑 张三  校对 李四)
_EDITORS = (
    rf"{_EDITOR_POSTS}\s*[:：]"
    rf"|{_EDITOR_POSTS}[ \t\u3000]+[{HAN}]{{2,4}}(?:[ \t\u3000]+{_EDITOR_POSTS}[ \t\u3000]+[{HAN}]{{2,4}})*\s*\Z"
)
# A line crediting the editors ends what they edited; a chart's credit (制图：…) stands inside
# its article.
EDITORS = rules_regex.compile(rf"[（(\[【]?\s*(?:{_EDITORS})")
# Lines that are furniture whatever follows: editor credits, ads, imprint, continuation marks.
FURNITURE_START_PATTERN = (
    r"[（(\[【]?\s*(?:"
    rf"{_EDITORS}|(?:本版|本期)?制图\s*[:：]"
    # A continuation mark stands alone; "（上接第1版）据了解…" is the continued body text.
    r"|(?:下转|上接|接上|转下|接第|转第|续第?)\s*第?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}\s*版"
    r"[^（()）\n]{0,8}[)）\]】]?\s*\Z"
    r"|广告\s*(?:[:：]|热线|\Z|[)）])|(?:订阅|发行|新闻|服务)热线|邮发代号|国内统一(?:连续出版物号|刊号)"
    r"|CN\s*\d{2}\s*-\s*\d{4}|全文完\s*[)）]?\s*\Z|完\s*[)）]\s*\Z"
    r"|(?:电话|热线|传真|邮箱|(?i:E-?mail)|网址|地址)\s*[:：]"
    # A markdown image link left by PDF/OCR converters: ![](images/fig1.jpg)
    r"|!\[[^\]\n]*\]\([^)\n]*\)\s*\Z"
    r")"
)
FURNITURE_START = rules_regex.compile(FURNITURE_START_PATTERN)
# The source line a crawl of an e-paper puts under the headline: the authors, if any, then the
# paper and its issue and page (本报记者  张  璁《人民日报》（2025年11月04日第 01 版）).
PAPER_SOURCE = rules_regex.compile(
    r"[《<][^》>\n]{1,12}[》>]\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"\s*第?\s*[0-9０-９A-Z]{1,3}\s*版\s*[)）]\s*\Z"
)
# Furniture that also ends the article above it: continuation marks and end marks. A mark
# "continued from page N" (上接第1版) ends the article above as well: what follows it is the
# rest of an article that began on another page.
CLOSING_MARK = rules_regex.compile(r"下转|转下|转第|续第|上接|接上|接第|全文完|完\s*[)）]?\s*\Z")
# The marks among them saying that the text below began on another page (上接第1版).
CONTINUED_FROM = rules_regex.compile(r"上接|接上|接第")
# A hint that a short line may be a page header or date line; confirmed token by token.
FURNITURE_HINT = rules_regex.compile(
    r"第\s*[0-9０-９一二三四五六七八九十百零〇]{1,4}\s*版|星期[一二三四五六日天]"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\A[A-Z]\d{1,2}(?:\s|\Z|版)|\A[-—–\s]*\d{1,3}[-—–\s]*\Z"
)
# A page number, possibly spaced out (第 04 版).
PAGE_NUMBER = rules_regex.compile(r"第\s*([0-9０-９一二三四五六七八九十百零〇]{1,4})\s*版")
# The tokens a page header consists of: dates, weekdays, 农历, page numbers, page names, the
# paper's name (…报) and issue numbers.
FURNITURE_TOKEN = rules_regex.compile(
    rf"(?:\d{{4}}\s*年)?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?:星期[一二三四五六日天])?"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}|(?:星期|周|礼拜)[一二三四五六日天]"
    rf"|农历[{HAN}]{{2,10}}|第\s*[0-9０-９一二三四五六七八九十百零〇]{{1,4}}\s*版[:：]?[{HAN}]{{0,6}}"
    rf"|[A-Z]?\d{{1,3}}版?|[{HAN}]{{1,8}}报|(?:总)?第\s*\d{{1,6}}\s*[期号]"
    # A page name, also two joined by a middle dot (新青年·特别报道, 文化·旅游), or named
    # after a day (11·8记者节, 3·15特刊).
    rf"|[{HAN}]{{2,6}}(?:[·・•][{HAN}]{{2,6}})?(?:版|新闻|专刊|周刊)?|[-—–|｜·]+"
    rf"|\d{{1,2}}[·・•]\d{{1,2}}[{HAN}]{{2,6}}"
)
