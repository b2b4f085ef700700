"""Facts stated in the text: title, organ, year, statistics period, contact details,
narrative numbers, fee statements and citations.

Patterns run on width-folded text (full-width digits become ASCII one for one), so
offsets map straight back to the source for exact locations.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from ..numbers import CN_NUMERAL_CHARS, chinese_to_int, number_from_text
from ..report import Fact, TextBlock
from .template import fold_width

_YEAR_IN_TITLE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
# a year in Chinese numerals; a Latin or full-width O typed for 〇 is common (二O二四年)
_CN_YEAR_CHARS = "[一二][〇○零OＯ九][〇○零OＯ一二三四五六七八九]{2}"
_CN_YEAR = re.compile(_CN_YEAR_CHARS + r"(?=\s*年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零OＯ一二三四五六七八九", "00000123456789")


def arabic_years(text: str) -> str:
    """``二〇二四年`` → ``2024年``: four characters for four, so offsets stay valid."""
    if "年" not in text:
        return text
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGITS), text)


_CN_DATE = re.compile(rf"(?P<y>{_CN_YEAR_CHARS}年)?(?P<m>[一二三四五六七八九十]{{1,2}})月"
                      r"(?P<d>[一二三四五六七八九十]{1,3})日")


def _arabic_dates(text: str) -> str:
    """``二〇二四年一月一日`` → ``2024年1月1日`` (lengths change: for reading only)."""
    def one(m):
        y = arabic_years(m.group("y")) if m.group("y") else ""
        month, day = chinese_to_int(m.group("m")), chinese_to_int(m.group("d"))
        return f"{y}{month}月{day}日" if month and day else m.group(0)
    return _CN_DATE.sub(one, arabic_years(text))


_DATE = r"(?:(?P<{p}y>(?:19|20)\d{{2}})\s*年\s*)?(?P<{p}m>\d{{1,2}})\s*月\s*(?P<{p}d>\d{{1,2}})\s*日"
_NUMERIC_DATE = r"(?:(?P<{p}y>(?:19|20)\d{{2}})\s*[./-]\s*)?(?P<{p}m>\d{{1,2}})\s*[./-]\s*(?P<{p}d>\d{{1,2}})(?![\d.])"
_PERIOD_LEAD = r"(?:统计(?:期限|期间|时限|时间|区间|时段|范围)|数据(?:时间|期限|期间|时段|范围))[^。；\d]{0,12}?"
_PERIOD = re.compile(
    _PERIOD_LEAD + _DATE.format(p="a") + r"\s*(?:起)?\s*(?:至|到|—|-|~|－)\s*"
    + _DATE.format(p="b")
)
# 2024.1.1—2024.12.31, 2024-01-01至2024-12-31: the year must open the first date
_PERIOD_NUMERIC = re.compile(
    _PERIOD_LEAD + r"(?P<ay>(?:19|20)\d{2})\s*[./-]\s*(?P<am>\d{1,2})\s*[./-]\s*(?P<ad>\d{1,2})(?![\d])"
    r"\s*(?:起)?\s*(?:至|到|—+|-|~|－)\s*" + _NUMERIC_DATE.format(p="b")
)

NUM = rf"(?P<num>[0-9]+|[{CN_NUMERAL_CHARS}]+)"
_GAP = r"[^，。；,;0-9]{{0,{n}}}?"  # text is width-folded: ASCII digits suffice

# kind → (pattern, what the gap between keyword and number must not mention,
#         what the few characters before the keyword must not say,
#         words of which every match contains one: see _says)
_NARRATIVE: dict[str, tuple[re.Pattern, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "narrative.new_received": (re.compile(
        r"(?:新收|收到|受理|接收)(?P<gap>" + _GAP.format(n=20) + r"(?:申请|依申请公开)" + _GAP.format(n=8) + r")"
        + NUM + r"\s*(?:件|条|个|宗)"), ("结转", "办结", "答复", "转办", "转交", "转来"), (), ("申请",)),
    "narrative.carried_over": (re.compile(r"上一?年(?:度)?结转(?P<gap>" + _GAP.format(n=15) + r")" + NUM + r"\s*(?:件|条|个)"),
                               (), (), ("结转",)),
    "narrative.total_processed": (re.compile(
        r"(?:办结|答复完毕|已答复|办理完毕|作出答复|办理完结)(?P<gap>" + _GAP.format(n=15) + r")" + NUM + r"\s*(?:件|条|个)"),
        ("结转", "中", "公开", "不予", "无法", "其他"), (), ("办结", "答复", "办理完")),
    "narrative.carried_forward": (re.compile(
        r"(?:(?:结转|转)(?:至|到|入)?下一?年度?|下一?年度?结转|结转至\d{4}年度?)(?P<gap>"
        + _GAP.format(n=15) + r")" + NUM + r"\s*(?:件|条|个)"), (), (), ("转",)),
    "narrative.review": (re.compile(r"行政复议(?P<gap>" + _GAP.format(n=10) + r")" + NUM + r"\s*(?:件|起|宗|次)"),
                         ("诉讼", "维持", "纠正", "审结"), ("诉讼和", "诉讼、", "诉讼及", "诉讼与"), ("行政复议",)),
    "narrative.litigation": (re.compile(r"行政诉讼(?P<gap>" + _GAP.format(n=10) + r")" + NUM + r"\s*(?:件|起|宗|次)"),
                             ("复议", "维持", "纠正", "审结", "败诉", "胜诉"), ("复议和", "复议、", "复议及", "复议与", "复议或"),
                             ("行政诉讼",)),
}
_NO_CARRIED_OVER = re.compile(r"(?:无|没有)上一?年(?:度)?结转")
_NO_CARRIED_FORWARD = re.compile(r"(?:无|没有)(?:需要?)?(?:结转(?:至|到|入)?下一?年度?|下一?年度?结转)")
# 未发生（因政府信息公开引起的）行政复议、行政诉讼（案件）: a zero for each named
_NO_REVIEW_LITIGATION = re.compile(
    r"(?:未|没有|无)(?:发生|收到|出现|产生)?(?P<gap>[^，。；,;\d]{0,16}?)"
    r"(?P<what>行政复议(?:[、和及与或]|以及)?(?:被?提起)?行政诉讼|行政复议|行政诉讼)(?:的)?(?:案件|情况|事项|事件)?"
    r"(?=[，。；,;]|$)")
# the clause before "收到申请N件" names one channel or part: 其中、通过网站、信函方式…
_PART_OF_TOTAL = re.compile(r"^(?!.*(?:共|总|合计|累计|全年|全部))(?:.*(?:其中|通过|经由|以[^，。；]{1,8}方式|网上|网络|信函|当面|传真|邮寄))")


def _clause_before(text: str, end: int) -> str:
    """The text from the last clause mark before ``end`` up to it."""
    start = max(text.rfind(p, 0, end) for p in "，。；,;：:") + 1
    return text[start: end]


# kind → (pattern, words of which every match contains one: see _says)
_CONTACT = {
    "contact.fax": (re.compile(r"传真(?:号码)?\s*(?:[:：]|为|是)?\s*(?P<value>[0-9(（][0-9()（）\-－—\s/／]{3,40}[0-9])"),
                    ("传真",)),
    "contact.phone": (re.compile(
        r"(?<!传真)(?:联系电话|咨询电话|办公电话|服务电话|监督电话|电话号码|电话|热线|联系方式)\s*(?:[:：]|为|是)?\s*"
        r"(?P<value>[0-9(（][0-9()（）\-－—\s/／]{3,40}[0-9])"), ("电话", "热线", "联系方式")),
    "contact.postcode": (re.compile(r"(?:邮政编码|邮编)\s*(?:[:：]|为|是)?\s*(?P<value>[0-9][0-9\s]{2,9}[0-9]?)"),
                         ("邮政编码", "邮编")),
    "contact.email": (re.compile(
        r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail|e-?mail|EMAIL)(?:地址)?\s*(?:[:：]|为|是)?\s*"
        r"(?P<value>[A-Za-z0-9][\x21-\x7e＠]*[A-Za-z0-9])"), ("邮箱", "信箱", "邮件", "mail", "MAIL")),
    "contact.address": (re.compile(r"(?:通讯地址|联系地址|办公地址|地址)\s*(?:[:：]|为|是)\s*(?P<value>[^，,；;。）)]{2,60})"),
                        ("地址",)),
}

_CITATION = re.compile(
    r"《(?P<title>[^《》]{2,80})》\s*[（(]\s*(?P<num>[^（()）《》]{0,20}?(?:[〔\[【(（]\s*\d{4}\s*[〕\]】)）])\s*\d+\s*号"
    r"|国务院令第\s*\d+\s*号)\s*[）)]"
)
_LAW_TITLE = re.compile(r"《(?P<title>[^《》]{2,40}条例)》")
_FEE_NONE = re.compile(r"(?:未|没有|不)(?:收取|收|产生|发生)(?P<gap>[^，。；\d]{0,8}?)(?P<subject>信息处理费|行政事业性收费|任何费用|费用)")
_FEE_AMOUNT = re.compile(
    r"(?P<subject>信息处理费|行政事业性收费)[^，。；\d]{0,10}?(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")


def _says(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``words``, the words any match of a pattern
    must contain: most paragraphs contain none, and a substring test costs far less
    than running the pattern over them to find nothing."""
    for word in words:
        if word in text:
            return True
    return False


def _iter(blocks: Iterable[TextBlock], sections: set[int | None] | None = None):
    for block in blocks:
        if block.kind == "title":
            continue
        if sections is not None and block.section not in sections:
            continue
        yield block, block.folded


_SENTENCE_MARK = re.compile(r"[，。；,;]")  # a title has none; the preface sentence naming the report has


def find_title(blocks: list[TextBlock], keyword: str) -> TextBlock | None:
    """The title: the first block before section 一 that names the report."""
    head = [b for b in blocks if b.section is None][:8]
    for i, block in enumerate(head):
        text = block.text.strip()
        if ("报告" in text or "年报" in text) and len(text) <= 80 and not _SENTENCE_MARK.search(text):
            if len(text) < 12 and i > 0 and len(head[i - 1].text) <= 40 and not head[i - 1].text.endswith("。"):
                prev = head[i - 1]
                return TextBlock(prev.text.strip() + text, prev.location, "title", None)
            return TextBlock(text, block.location, "title", None)
    return None


def title_year_and_organ(title: str, keyword: str) -> tuple[int | None, str | None]:
    folded = arabic_years(re.sub(r"\s+", "", fold_width(title)))
    m = _YEAR_IN_TITLE.search(folded)
    year = int(m.group("year")) if m else None
    organ = None
    if m:
        before = folded[: m.start()]
        after = folded[m.end():]
        after = re.sub(r"^度", "", after)
        cut = after.find("政府信息公开")
        candidate = before or (after[:cut] if cut > 0 else "")
        organ = candidate.strip("关于的") or None
    return year, organ


def find_period(blocks: list[TextBlock]) -> dict | None:
    for block, text in _iter(blocks):
        if not _says(text, ("统计", "数据")):
            continue
        m = _PERIOD.search(text) or _PERIOD_NUMERIC.search(text)
        if m:
            first, last = m.start(), m.end()
        else:
            # dates in Chinese numerals (二〇二四年一月一日至十二月三十一日): read a converted
            # copy, whose offsets differ; the words before the dates and the 日 that ends
            # them are where they were
            converted = _arabic_dates(text)
            m = _PERIOD.search(converted) if converted != text else None
            if not m:
                continue
            lead = converted[m.start(): m.start("ay") if m.group("ay") else m.start("am")]
            first = last = text.find(lead)
            for _ in range(m.group(0).count("日")):
                last = text.find("日", last) + 1
        start_y = int(m.group("ay")) if m.group("ay") else None
        end_y = int(m.group("by")) if m.group("by") else start_y
        start_y = start_y or end_y
        if start_y is None:
            continue
        try:
            start = date(start_y, int(m.group("am")), int(m.group("ad")))
            end = date(end_y, int(m.group("bm")), int(m.group("bd")))
        except ValueError:
            start = end = None
        return {
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "start_year": start_y,
            "end_year": end_y,
            "text": block.text[first:last],
            "location": block.location_at(first).to_dict(),
        }
    return None


def contacts(blocks: list[TextBlock]) -> list[Fact]:
    out: list[Fact] = []
    for block, text in _iter(blocks):
        for kind, (pattern, words) in _CONTACT.items():
            if not _says(text, words):
                continue
            for m in pattern.finditer(text):
                raw = m.group("value").strip()
                if kind == "contact.email":  # as written: a full-width ＠ or letter is the fault itself
                    raw = block.text[m.start("value"): m.end("value")].strip()
                out.append(Fact(kind, raw, block.text[m.start(): m.end()], block.location_at(m.start("value")),
                                block.section))
    return out


def narrative_numbers(blocks: list[TextBlock]) -> list[Fact]:
    """Counts the narrative states about requests, reviews and lawsuits.

    Only sections 一, 三 and 四 and the preface: section 五 speaks of plans.
    """
    out: list[Fact] = []
    for block, text in _iter(blocks, {None, 1, 3, 4}):
        for kind, (pattern, not_in_gap, not_before, words) in _NARRATIVE.items():
            if not _says(text, words):
                continue
            for m in pattern.finditer(text):
                before = text[max(0, m.start() - 6): m.start()]
                gap = m.group("gap").replace("政府信息公开", "").replace("依申请公开", "")
                if any(w in gap for w in not_in_gap) or any(w in before for w in not_before):
                    continue  # another count, or one number for two things (行政复议和行政诉讼3件)
                if kind == "narrative.new_received" and _PART_OF_TOTAL.search(_clause_before(text, m.start())):
                    continue  # 其中，通过政府网站收到申请15件: one channel's share, not the total
                value = number_from_text(m.group("num"))
                if value is None:
                    continue
                out.append(Fact(kind, value, block.text[m.start(): m.end()], block.location_at(m.start()),
                                block.section))
        if "行政复议" in text or "行政诉讼" in text:
            for m in _NO_REVIEW_LITIGATION.finditer(text):
                if any(w in m.group("gap") for w in ("纠", "败诉", "撤销", "确认违法")):
                    continue  # 未被行政复议纠错: there were cases
                what = m.group("what")
                kinds = (["narrative.review"] if "复议" in what else []) + \
                    (["narrative.litigation"] if "诉讼" in what else [])
                for kind in kinds:
                    out.append(Fact(kind, 0, block.text[m.start(): m.end()], block.location_at(m.start()),
                                    block.section))
        if "结转" not in text:
            continue
        for m in _NO_CARRIED_OVER.finditer(text):
            out.append(Fact("narrative.carried_over", 0, block.text[m.start(): m.end()],
                            block.location_at(m.start()), block.section))
        for m in _NO_CARRIED_FORWARD.finditer(text):
            out.append(Fact("narrative.carried_forward", 0, block.text[m.start(): m.end()],
                            block.location_at(m.start()), block.section))
    return out


def fee_statements(blocks: list[TextBlock]) -> list[Fact]:
    out: list[Fact] = []
    for block, text in _iter(blocks):
        if "费" not in text:  # in every subject both patterns name
            continue
        for m in _FEE_NONE.finditer(text):
            out.append(Fact("fee.none", 0, block.text[m.start(): m.end()], block.location_at(m.start()),
                            block.section, {"subject": m.group("subject")}))
        for m in _FEE_AMOUNT.finditer(text):
            out.append(Fact("fee.amount", m.group("amount"), block.text[m.start(): m.end()],
                            block.location_at(m.start()), block.section,
                            {"subject": m.group("subject"), "unit": m.group("unit")}))
    return out


def normalize_doc_number(number: str) -> str:
    n = re.sub(r"\s+", "", fold_width(number))
    return re.sub(r"[\[【(（](\d{4})[\]】)）]", r"〔\1〕", n)


def citations(blocks: list[TextBlock]) -> list[Fact]:
    out: list[Fact] = []
    for block, text in _iter(blocks):
        if "《" not in text:  # both patterns start with it
            continue
        covered: list[tuple[int, int]] = []
        for m in _CITATION.finditer(text):
            out.append(Fact("citation", normalize_doc_number(m.group("num")), block.text[m.start(): m.end()],
                            block.location_at(m.start()), block.section, {"title": m.group("title")}))
            covered.append((m.start(), m.end()))
        for m in _LAW_TITLE.finditer(text):
            if any(a <= m.start() < b for a, b in covered):
                continue
            out.append(Fact("citation", None, block.text[m.start(): m.end()], block.location_at(m.start()),
                            block.section, {"title": m.group("title")}))
    return out
