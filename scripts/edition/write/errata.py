"""The list of the author's slips (勘誤表, docs/errata.md) and their count for the edition report.

Every entry of source/slips.toml, in thesis order, as the slips pass placed it: printed
page, context, as written, the likely reading, kind, certainty, reason (its references to
source lines given as printed pages, linked), a link to the passage.  The page has no
contents list, so the table takes that column's width (slips.css lays it out as cards on
a phone); its data, with the source lines, is published beside it (docs/data/slips.tsv).
The author's characters are written as plain text here (not as span.sic marks): the
marks stand only where the author wrote them.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..read.slips import CERTAINTIES, KINDS
from ..source_refs import as_lines
from .book_refs import linked_pages
from .markdown import escape_text
from .passages import passage_ids

if TYPE_CHECKING:
    from ..model import Edition


def passage_anchor(edition: Edition, slip_id: str) -> str:
    place = edition.slip_places[slip_id]
    if place.anchor or place.block < 0:
        return place.anchor
    ids = passage_ids(edition.document(place.document))
    return ids.get(place.block) or edition.document(place.document).blocks[place.block].ref


def slip_counts(edition: Edition) -> str:
    """A table of the slips by kind and certainty (the edition report's section)."""
    counts = Counter((s.kind, s.cert) for s in edition.slips)
    if not counts:
        return "本版未記錄作者筆誤。"
    header = "| 類別 | " + " | ".join(CERTAINTIES.values()) + " | 合計 |\n|---|" + "---:|" * (len(CERTAINTIES) + 1)
    rows = [f"| {label}（`{kind}`） | " + " | ".join(str(counts[kind, cert]) for cert in CERTAINTIES)
            + f" | {sum(counts[kind, cert] for cert in CERTAINTIES)} |" for kind, label in KINDS.items()]
    total = "| 合計 | " + " | ".join(str(sum(counts[k, cert] for k in KINDS)) for cert in CERTAINTIES) + \
        f" | {len(edition.slips)} |"
    kinds = "、".join(KINDS.values())
    return (f"作者筆誤（{kinds}）共 {len(edition.slips)} 處，據 `source/slips.toml`（[slips.tsv](data/slips.tsv)）"
            "逐處標示：正文保留原文，指向、聚焦或點按即見校讀；頁首「原文 ⇄ 校讀」可切換。"
            "逐條清單見[勘誤表](errata.md)。\n\n" + "\n".join([header, *rows, total]))


def render_errata(edition: Edition) -> str:
    rows = []
    for slip in edition.slips:
        place = edition.slip_places[slip.id]
        anchor = passage_anchor(edition, slip.id)
        title = edition.document(place.document).title
        link = f"[{escape_text(title)}]({place.document}.md#{anchor})" if anchor else f"[{escape_text(title)}]({place.document}.md)"
        cells = [str(place.printed), escape_text(place.context), escape_text(slip.sic), escape_text(slip.corr),
                 slip.kind_label, slip.cert_label, linked_pages(edition, slip.reason), link]
        rows.append(f'| {" | ".join(cells)} |')
    table = "\n".join(["| 頁 | 上下文 | 原文 | 校讀 | 類別 | 確定度 | 說明 | 位置 |", "|---|---|---|---|---|---|---|---|", *rows])
    # a class for its layout (slips.css): md_in_html reads the Markdown table inside
    listing = f'<div class="errata-list" markdown>\n\n{table}\n\n</div>' if edition.slips else "本版未記錄作者筆誤。"
    return f"""---
title: 勘誤表
hide:
  - toc
---

# 勘誤表

原書作者的筆誤，逐處列出（同一筆誤重出者，每處一條）。本版正文一律保留原文，不逕改；每處以虛線底標示，
指向、聚焦或點按即見校讀、類別與確定度，各章頁首「原文 ⇄ 校讀」可將校讀顯示於原處。
「頁」為原書頁碼；「上下文」中【】內為原文。確定度：確定（high）為文意與用字皆無疑者，可能（medium）為須斟酌者。
資料檔：[slips.tsv](data/slips.tsv)（每條的原書頁碼、位置，及供校對的原始檔行號）；兩岸異體（台/臺、裡/裏等）、用詞習慣、作者前後一致的譯名與標點不列。

{slip_counts(edition).split(chr(10) + chr(10), 1)[-1] if edition.slips else ""}

{listing}
"""


def render_slip_data(edition: Edition) -> str:
    """docs/data/slips.tsv: each slip with its source line and column, for editors, and
    where a reader finds it (printed page, page of the site, anchor)."""
    rows = ["id\tline\tcolumn\tprinted_page\tpage\tanchor\tsic\tcorr\tkind\tcert\treason"]
    for slip in edition.slips:
        place = edition.slip_places[slip.id]
        cells = [slip.id, slip.line, slip.column, place.printed, place.document, passage_anchor(edition, slip.id),
                 slip.sic, slip.corr, slip.kind, slip.cert, as_lines(slip.reason)]
        rows.append("\t".join(str(cell) for cell in cells))
    return "\n".join(rows) + "\n"
