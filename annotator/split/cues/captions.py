"""Photo captions: their opening (图为…, ▲…), the photo credit that ends them, a person's
position in the photo, and the prompt under a QR code.
"""

from __future__ import annotations

from annotator import rules_regex

from .patterns import NAMES, ROLE, SPACED_NAME

# Captions announce themselves at the start (图为…, ▲…, 图：…, 图片来源…) …
CAPTION_START_PATTERN = (
    r"(?:图为|[▲△]|图片?\s*[:：/／]|[（(]\s*图\s*[/／:：]|图片来源|图片由"
    # (a photo's credit labelled so, alone on its line: 摄影：张三, 拍摄者：本报记者 张三)
    r"|(?:摄影|拍摄者?)\s*[:：]"
    # (图① alone on its line labels a photo or a chart's part: a caption too)
    r"|[上下左右中]图\s*[:：为]|图\s*[①-⑳0-9]\s*(?:[:：为 ]|\Z))"
)
CAPTION_START = rules_regex.compile(CAPTION_START_PATTERN)
# A figure's bare label, alone on its line: 图①, 图2 (what it shows is told elsewhere, if at all).
FIGURE_LABEL = rules_regex.compile(r"图\s*(?:[①-⑳]|[0-9]{1,2})")
# … or end with a photo credit: 本报记者 张三 摄, （李四 摄）, （新华社发）, 资料图片, 供图.
CAPTION_END = rules_regex.compile(
    # (a source may follow: 某某摄（人民视觉）, after a caption's sentence and a wide space)
    # (翻拍: an old photo re-shot, credited so: （供图某档案馆 张三 翻拍）)
    r"(?:(?:[\s（(]|记者|通讯员|实习生)[^\s。，,；;！？]{0,12}\s*(?:摄(?:影)?(?:报道)?|翻拍)"
    r"(?:\s*[（(][^（()）]{1,20})?"
    # The name and a slashed 摄 or 图 right after the caption's full stop (…个性化。张三/摄,
    # …。 记者 张三/图); alone on its line 张三/图 is a byline.
    rf"|[。！？!?”]\s*(?:{ROLE}\s*)?{NAMES}\s*[/／]\s*(?:摄(?:影)?|图)"
    # A credit with the name first, alone on its line, maybe with the source after it:
    # 张三摄, 张三 李四摄影报道, 张三摄（某某日报供图）; not 摄影 alone (城市摄影 is a title).
    rf"|\A{NAMES}\s*摄(?:影报道)?(?:\s*[（(][^（()）]{{1,20}})?"
    # (（新华社发）, （人民网发 张三摄）: the 发 of a release ends its words, not the 发 of a word
    # of any kind, （作者为某互联网发展合作组织总监）, （作者为某省电网发电调度中心主任）)
    r"|[（(][^（()）]{0,16}(?:社|网|报)发(?=[\s，,)）]|\Z)[^（()）]{0,12}"
    r"|供图|资料图片?|图片由[^。]{1,20}提供|[（(]\s*图\s*[/／:：][^（()）]{1,20}"
    # A drawing's credit, the name first: 曹  一绘, 徐  骏绘（新华社发） (a padded name or a
    # source after it: 共绘 ends a phrase too).
    rf"|\A(?:{SPACED_NAME}\s*绘|{NAMES}\s*绘\s*[（(][^（()）]{{1,20}})"
    # A short line that credits who provided the picture: 《某某画报》资料室提供.
    r"|\A[^\s。，,；;：:！？]{2,16}提供"
    # A credit for the photos of a set: 以上图片均为张三摄（来源）, 本版图片由某某提供.
    r"|\A(?:以上|本版|本组)(?:图片|照片)[^。，,；;！？]{1,24})\s*[)）]?\Z"
)
# … or with the photographer's post before the name, after the caption's text (…玩耍摄影记者
# 张三, …锻炼 摄影：李四): alone on its line that is a byline, so text must stand before it.
# (图/张三 and 摄影/张三 so too; 图/ after the caption's full stop or a space, not 地图/.)
CAPTION_POST_CREDIT = rules_regex.compile(
    rf"(?:(?<=.)摄影(?:记者|师)?\s*[:：/／]?|(?<=[。！？!?”\s])图\s*[/／])\s*{NAMES}\s*\Z"
)
# Where a person stands in the photo, in brackets after the name (钟达文（左二）在采访现场,
# 张三（前排右一）): a caption's reference, which running text has no use for.
# (One side alone only before what the person does: 张三（左）与李四交谈; “左（右）”之争 is no
# caption.)
PHOTO_POSITION = rules_regex.compile(
    r"[（(](?:前排|后排|第[一二三]排)?[左右](?:[一二三四五六七八九]|起)[)）]"
    r"|[（(](?:前排|后排|第[一二三]排)[左右中]?[)）]"
    r"|[（(][左右中][)）](?=[与和同在向正为给])"
)
# The longest caption found by its photo position alone.
PHOTO_POSITION_MAX_CHARS = 80
# Last characters that can end a caption credit (cheap gate before CAPTION_END).
CAPTION_END_CHARS = frozenset("摄影图片供道绘）)")


# What a QR code's caption asks the reader to do (专题报道扫码阅读, 扫码看视频, 扫一扫 了解更多):
# the caption of the code printed in the article, no headline (扫码点餐… is one: a scan that
# reads or watches the paper's content is the code's prompt).
# (A quoted scan is a topic: “扫码看病”方便了谁.)
QR_PROMPT = rules_regex.compile(
    r"[^。！？!?“”\"《]{0,10}(?:扫码|扫一扫|扫描二维码|扫描下方二维码)\s*"
    r"(?:阅读|观看|收看|查看|收听|了解|浏览|关注|看(?:视频|更多|全文|详情|直播|完整|原文|具体|报道|图集))"
    r"[^。！？!?，,；;“”\"《》]{0,10}\Z"
)
QR_PROMPT_MAX_CHARS = 24
