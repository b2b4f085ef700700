"""Generator of fictional 政府信息公开工作年度报告 for the test suite.

Tests must never ship text copied from real reports, yet parsers and rules need
realistic input.  This module builds *fictional* reports (organ names under made-up
cities such as 示例市, example.gov.cn mailboxes, narrative written for this project)
whose tables obey every identity of ``design/CANONICAL.md``, renders them in the
formats the parsers read, and plants single, known faults so that a test can assert
exactly one finding.

Only the table labels of the official 2021 template (国办公开办函〔2021〕30号) are
reproduced verbatim: they are the public format every report must use.

Public API
----------
* Key constants: ``REQUEST_ROWS``, ``REQUEST_COLUMNS``, ``RESULT_ROWS``,
  ``REVIEW_BLOCKS``, ``REVIEW_FIELDS``, ``ACTIVE_DISCLOSURE_FIELDS``,
  ``ALL_CELL_KEYS``, ``NARRATIVE_KEYS``, ``HEADINGS_2021``.
* ``consistent_tables(rnd, max_value=50, fee_decimals=True, *, rule_making=True)``
* ``FictionalReport`` and ``make_report(seed=0, **overrides)``
* ``render_text(report, *, nbsp_cells=False, split_cells=False)``
* ``render_markdown(report)``
* ``with_cell``, ``with_raw_cell``, ``with_blank_cell``, ``without_section``,
  ``with_heading``, ``with_paragraph_appended``, ``with_title``, ``with_period``,
  ``with_contact`` (each returns a modified deep copy).
* Helpers: ``get_cell``, ``iter_cells``, ``broken_identities``, ``tables_to_jsonable``.

Fee representation
------------------
``tables.active_disclosure.fees.amount`` is either an ``int`` (most often ``0``;
always an int with ``fee_decimals=False``) or a ``decimal.Decimal`` with one or
two decimal places exactly as printed (``Decimal("12.30")``, ``Decimal("10.0")``).
Decimal keeps the printed digits exact, so the rendered cell is ``str(amount)`` and
a parser's number compares equal (``Decimal("10.0") == 10``) without float noise;
``tables_to_jsonable`` turns it into a float for ``json``.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Iterator

# ---------------------------------------------------------------------------
# Canonical keys (fixed by design/CANONICAL.md) and the template labels
# ---------------------------------------------------------------------------

REQUEST_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other",
    "total",
)
#: The six applicant columns whose sum is ``total``.
APPLICANT_COLUMNS: tuple[str, ...] = REQUEST_COLUMNS[:-1]

# Row key -> label cells as the template's merged label columns show them when
# flattened (the seed's layout): 1 cell for 一/二/四, 2 cells for （一）（二）（七）,
# 3 cells for the numbered sub-rows.  An empty string is a merged continuation.
_REQUEST_LAYOUT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("new_received", ("一、本年新收政府信息公开申请数量",)),
    ("carried_over", ("二、上年结转政府信息公开申请数量",)),
    ("granted", ("三、本年度办理结果", "（一）予以公开")),
    ("partially_granted", ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
    ("denied_state_secret", ("", "（三）不予公开", "1.属于国家秘密")),
    ("denied_prohibited_by_law", ("", "", "2.其他法律行政法规禁止公开")),
    ("denied_security_stability", ("", "", "3.危及“三安全一稳定”")),
    ("denied_third_party_rights", ("", "", "4.保护第三方合法权益")),
    ("denied_internal_affairs", ("", "", "5.属于三类内部事务信息")),
    ("denied_process_information", ("", "", "6.属于四类过程性信息")),
    ("denied_enforcement_files", ("", "", "7.属于行政执法案卷")),
    ("denied_administrative_query", ("", "", "8.属于行政查询事项")),
    ("unable_not_held", ("", "（四）无法提供", "1.本机关不掌握相关政府信息")),
    ("unable_needs_creation", ("", "", "2.没有现成信息需要另行制作")),
    ("unable_unclear", ("", "", "3.补正后申请内容仍不明确")),
    ("not_processed_complaint", ("", "（五）不予处理", "1.信访举报投诉类申请")),
    ("not_processed_repeated", ("", "", "2.重复申请")),
    ("not_processed_publication", ("", "", "3.要求提供公开出版物")),
    ("not_processed_excessive", ("", "", "4.无正当理由大量反复申请")),
    ("not_processed_confirmation", ("", "", "5.要求行政机关确认或重新出具已获取信息")),
    (
        "other_overdue_correction",
        ("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ),
    (
        "other_overdue_fee",
        ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ),
    ("other_other", ("", "", "3.其他")),
    ("total_processed", ("", "（七）总计")),
    ("carried_forward", ("四、结转下年度继续办理",)),
)

#: The 25 rows of 表三 in template order.
REQUEST_ROWS: tuple[str, ...] = tuple(key for key, _ in _REQUEST_LAYOUT)
#: The result rows whose sum is ``total_processed``: everything between
#: ``carried_over`` and ``total_processed``.  That is 21 rows (2 + 8 + 3 + 5 + 3);
#: CANONICAL.md's "23" miscounts its own 25-row list (25 - 4 = 21).
RESULT_ROWS: tuple[str, ...] = REQUEST_ROWS[2:-2]

REVIEW_BLOCKS: tuple[str, ...] = ("review", "litigation_direct", "litigation_after_review")
REVIEW_FIELDS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")

#: 表二 groups: (heading cell, column labels, [(row label, item key, field keys)]).
_ACTIVE_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str, tuple[str, ...]], ...]], ...] = (
    (
        "第二十条第（一）项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        (
            ("规章", "regulations", ("issued", "repealed", "in_force")),
            ("行政规范性文件", "normative_documents", ("issued", "repealed", "in_force")),
        ),
    ),
    ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", "licensing", ("decisions",)),)),
    (
        "第二十条第（六）项",
        ("本年处理决定数量",),
        (("行政处罚", "penalties", ("decisions",)), ("行政强制", "coercion", ("decisions",))),
    ),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("行政事业性收费", "fees", ("amount",)),)),
)

#: 表二 item key -> its field keys, in template order.
ACTIVE_DISCLOSURE_FIELDS: dict[str, tuple[str, ...]] = {
    item: fields for _, _, rows in _ACTIVE_GROUPS for _, item, fields in rows
}

TABLE_NAMES: tuple[str, ...] = ("active_disclosure", "requests", "review_litigation")
#: Which section (1..6) carries which table.
SECTION_TABLES: dict[int, str] = {2: "active_disclosure", 3: "requests", 4: "review_litigation"}

#: Every cell key ("table.row.column") in rendering order: 10 + 175 + 15 = 200.
ALL_CELL_KEYS: tuple[str, ...] = (
    tuple(f"active_disclosure.{i}.{f}" for i, fs in ACTIVE_DISCLOSURE_FIELDS.items() for f in fs)
    + tuple(f"requests.{r}.{c}" for r in REQUEST_ROWS for c in REQUEST_COLUMNS)
    + tuple(f"review_litigation.{b}.{f}" for b in REVIEW_BLOCKS for f in REVIEW_FIELDS)
)
_ALL_CELL_KEY_SET = frozenset(ALL_CELL_KEYS)

#: Cells whose values the generated narrative quotes (section 一).  ``with_cell`` on
#: any of them makes text and table disagree, which narrative rules should notice.
NARRATIVE_KEYS: tuple[str, ...] = (
    "active_disclosure.normative_documents.issued",
    "requests.new_received.total",
    "requests.carried_over.total",
    "requests.total_processed.total",
    "requests.carried_forward.total",
    "review_litigation.review.total",
    "review_litigation.litigation_direct.total",
    "review_litigation.litigation_after_review.total",
)

HEADINGS_2021: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# Header rows of 表三 and 表四, cell by cell, with the seed's line breaks inside cells.
_REQUEST_HEADER_ROWS: tuple[tuple[str, ...], ...] = (
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"),
    ("", "自然人", "法人或其他组织", "总计"),
    ("", "", "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他", ""),
)
_REVIEW_RESULT_LABELS: tuple[str, ...] = ("结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计")
_REVIEW_HEADER_ROWS: tuple[tuple[str, ...], ...] = (
    ("行政复议", "行政诉讼"),
    ("结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计", "未经复议直接起诉", "复议后起诉"),
    ("", "", "", "", "") + _REVIEW_RESULT_LABELS * 2,
)

# ---------------------------------------------------------------------------
# Cell access
# ---------------------------------------------------------------------------


def _split_key(key: str) -> tuple[str, str, str]:
    """Validate a cell key ("requests.granted.total", "tables." prefix allowed)."""
    if key.startswith("tables."):
        key = key[len("tables.") :]
    if key not in _ALL_CELL_KEY_SET:
        raise KeyError(f"unknown cell key: {key!r}")
    table, row, col = key.split(".")
    return table, row, col


def _norm_key(key: str) -> str:
    return ".".join(_split_key(key))


def get_cell(tables: dict, key: str) -> Any:
    """Value of one cell of a canonical ``tables`` dict, by dotted key."""
    table, row, col = _split_key(key)
    return tables[table][row][col]


def _set_cell(tables: dict, key: str, value: Any) -> None:
    table, row, col = _split_key(key)
    tables[table][row][col] = value


def iter_cells(tables: dict) -> Iterator[tuple[str, Any]]:
    """Yield ``(key, value)`` for all 200 cells, in rendering order."""
    for key in ALL_CELL_KEYS:
        yield key, get_cell(tables, key)


# ---------------------------------------------------------------------------
# Consistent tables
# ---------------------------------------------------------------------------

# How often each applicant column and each result row carries cases: natural persons
# file most requests, grants dominate the results, most other cells stay 0.
_COLUMN_ACTIVITY = {
    "natural_person": 1.0,
    "commercial": 0.35,
    "research": 0.04,
    "social_welfare": 0.05,
    "legal_services": 0.1,
    "other": 0.08,
}
_RESULT_WEIGHT = {
    "granted": 1.0,
    "partially_granted": 0.3,
    "unable_not_held": 0.5,
    "unable_needs_creation": 0.1,
    "unable_unclear": 0.1,
    "not_processed_complaint": 0.15,
    "not_processed_repeated": 0.2,
    "other_overdue_correction": 0.1,
    "other_other": 0.3,
}
_RARE_RESULT_WEIGHT = 0.03


def _small(rnd: random.Random, p: float, cap: int) -> int:
    """0 with probability 1-p, else a value in 1..cap (0 when cap < 1)."""
    if cap < 1 or rnd.random() >= p:
        return 0
    return rnd.randint(1, cap)


def _fee(rnd: random.Random, fee_decimals: bool) -> int | Decimal:
    """A 万元 amount: mostly 0, sometimes whole, sometimes with 1-2 decimals."""
    draw = rnd.random()
    if draw < 0.7:
        return 0
    if draw < 0.85 or not fee_decimals:
        return rnd.randint(1, 50)
    places = rnd.choice((1, 2))
    return Decimal(rnd.randint(1, 5 * 10**places * 10)).scaleb(-places)


def consistent_tables(
    rnd: random.Random,
    max_value: int = 50,
    fee_decimals: bool = True,
    *,
    rule_making: bool = True,
) -> dict:
    """A full canonical ``tables`` dict in which every CANONICAL.md identity holds.

    ``max_value`` bounds each generated 表三 result cell, carried-over/forward cell
    and 表四 part (sums may exceed it); ``0`` gives all-zero 表三/表四.  With
    ``fee_decimals`` the 表二 fee may be a ``Decimal`` with 1-2 places, otherwise it
    is always an ``int``.  ``rule_making=False`` forces the 规章 row to zeros (only
    some organs make 规章).
    """
    # 表三: draw the result rows per applicant column, then derive totals.
    scale = rnd.choices((0.0, 0.2, 0.5, 1.0), weights=(1, 4, 3, 2))[0]
    requests: dict[str, dict[str, int]] = {row: {} for row in REQUEST_ROWS}
    for col in APPLICANT_COLUMNS:
        activity = _COLUMN_ACTIVITY[col]
        processed = 0
        for row in RESULT_ROWS:
            weight = _RESULT_WEIGHT.get(row, _RARE_RESULT_WEIGHT)
            p = min(0.95, activity * weight * (0.5 + scale)) if scale else 0.0
            cap = min(max_value, max(1, round(max_value * scale * activity * weight)))
            value = _small(rnd, p, cap)
            requests[row][col] = value
            processed += value
        forward = _small(rnd, 0.25 * activity if scale else 0.0, min(3, max_value))
        over = _small(rnd, 0.25 * activity if scale else 0.0, min(3, max_value, processed + forward))
        requests["total_processed"][col] = processed
        requests["carried_forward"][col] = forward
        requests["carried_over"][col] = over
        requests["new_received"][col] = processed + forward - over
    for row in REQUEST_ROWS:
        requests[row]["total"] = sum(requests[row][c] for c in APPLICANT_COLUMNS)
    requests = {row: {c: requests[row][c] for c in REQUEST_COLUMNS} for row in REQUEST_ROWS}

    # 表四: most blocks are empty; parts sum to total.
    review_litigation: dict[str, dict[str, int]] = {}
    for block, p_block in zip(REVIEW_BLOCKS, (0.3, 0.15, 0.1)):
        busy = rnd.random() < p_block
        parts = {
            name: _small(rnd, p if busy else 0.0, min(max_value, 5))
            for name, p in zip(REVIEW_FIELDS[:4], (0.6, 0.2, 0.25, 0.3))
        }
        parts["total"] = sum(parts.values())
        review_litigation[block] = parts

    # 表二: counts, in_force >= issued, fee in 万元.
    def stock(p: float, max_issued: int, max_extra: int) -> dict[str, int]:
        if rnd.random() >= p:
            return {"issued": 0, "repealed": 0, "in_force": 0}
        issued = rnd.randint(0, max_issued)
        return {
            "issued": issued,
            "repealed": rnd.randint(0, 3),
            "in_force": issued + rnd.randint(0, max_extra),
        }

    regulations = stock(0.7 if rule_making else 0.0, 4, 40)
    active_disclosure = {
        "regulations": regulations,
        "normative_documents": stock(0.6, 8, 60),
        "licensing": {"decisions": _small(rnd, 0.6, max(1, max_value) * 20)},
        "penalties": {"decisions": _small(rnd, 0.6, max(1, max_value) * 10)},
        "coercion": {"decisions": _small(rnd, 0.3, max(1, max_value))},
        "fees": {"amount": _fee(rnd, fee_decimals)},
    }
    return {
        "active_disclosure": active_disclosure,
        "requests": requests,
        "review_litigation": review_litigation,
    }


def broken_identities(tables: dict) -> list[str]:
    """Describe every CANONICAL.md identity (and 表二 constraint) that fails.

    Identities involving a ``None`` cell cannot be assessed and are skipped, as the
    rules do.  An empty list means the tables are consistent.
    """
    problems: list[str] = []
    req = tables["requests"]

    def known(*values: Any) -> bool:
        return all(v is not None for v in values)

    for col in REQUEST_COLUMNS:
        a, b = req["new_received"][col], req["carried_over"][col]
        c, d = req["total_processed"][col], req["carried_forward"][col]
        if known(a, b, c, d) and a + b != c + d:
            problems.append(f"requests.*.{col}: {a}+{b} != {c}+{d}")
        parts = [req[row][col] for row in RESULT_ROWS]
        if known(c, *parts) and sum(parts) != c:
            problems.append(f"requests.total_processed.{col}: {c} != sum of results {sum(parts)}")
    for row in REQUEST_ROWS:
        parts = [req[row][col] for col in APPLICANT_COLUMNS]
        total = req[row]["total"]
        if known(total, *parts) and sum(parts) != total:
            problems.append(f"requests.{row}.total: {total} != {sum(parts)}")
    for block in REVIEW_BLOCKS:
        cells = tables["review_litigation"][block]
        parts = [cells[f] for f in REVIEW_FIELDS[:4]]
        if known(cells["total"], *parts) and sum(parts) != cells["total"]:
            problems.append(f"review_litigation.{block}.total: {cells['total']} != {sum(parts)}")
    ad = tables["active_disclosure"]
    for item, fields in ACTIVE_DISCLOSURE_FIELDS.items():
        for f in fields:
            v = ad[item][f]
            if v is None:
                continue
            if item == "fees":
                if v < 0 or Decimal(str(v)).as_tuple().exponent < -2:
                    problems.append(f"active_disclosure.fees.amount: {v} is not a 万元 amount")
            elif not isinstance(v, int) or isinstance(v, bool) or v < 0:
                problems.append(f"active_disclosure.{item}.{f}: {v!r} is not a count")
    for item in ("regulations", "normative_documents"):
        issued, in_force = ad[item]["issued"], ad[item]["in_force"]
        if known(issued, in_force) and in_force < issued:
            problems.append(f"active_disclosure.{item}: in_force {in_force} < issued {issued}")
    return problems


def tables_to_jsonable(tables: dict) -> dict:
    """Deep copy of ``tables`` with ``Decimal`` fees turned into floats for ``json``."""

    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, Decimal):
            return float(v)
        return v

    return conv(tables)


# ---------------------------------------------------------------------------
# Fictional organs, contacts and narrative
# ---------------------------------------------------------------------------

_CITIES = ("示例市", "样例市", "范例市", "演示市")
_COUNTIES = ("青禾区", "澄川区", "望溪区", "松岚区", "云杉县", "白鹭县")
_TOWNSHIPS = ("临波", "栖云", "秋实", "南苑", "明澜", "石泉", "禾丰", "柳湾")
_DEPARTMENTS = (
    ("发展和改革局", "发展改革局"),
    ("市场监督管理局", "市场监管局"),
    ("自然资源和规划局", "自然资源和规划局"),
    ("生态环境局", "生态环境局"),
    ("交通运输局", "交通运输局"),
    ("卫生健康委员会", "卫生健康委"),
    ("教育局", "教育局"),
    ("住房和城乡建设局", "住房城乡建设局"),
)
_ROADS = ("青禾路", "澄江大道", "望川路", "松风街", "明德路", "临溪路", "云杉大道", "禾丰街")
# (area code, first digit of the local number, postcode prefix): pairs that agree,
# so a postcode-vs-area-code rule does not fire on a clean report.
_PHONE_AREAS = (
    ("0571", "8", "31"),
    ("025", "8", "21"),
    ("0551", "6", "23"),
    ("0531", "8", "25"),
    ("020", "8", "51"),
)
_MAILBOXES = ("gk", "zwgk", "xxgk", "bgs", "gkb")


@dataclass(frozen=True)
class _Organ:
    name: str
    short: str  # how the narrative refers to the organ
    office: str  # who answers questions about the report
    place: str  # address prefix
    is_government: bool
    rule_making: bool


def _pick_organ(rnd: random.Random) -> _Organ:
    """One fictional organ of a random kind, from a 街道 up to a city government."""
    city, county = rnd.choice(_CITIES), rnd.choice(_COUNTIES)
    town = rnd.choice(_TOWNSHIPS)
    dept, dept_short = rnd.choice(_DEPARTMENTS)
    level = county[-1]  # 区 or 县
    kind = rnd.choices(
        ("street", "town", "county_dept", "city_dept", "county_gov", "city_gov"),
        weights=(3, 2, 3, 2, 1, 1),
    )[0]
    if kind == "street":
        return _Organ(f"{city}{county}人民政府{town}街道办事处", f"{town}街道", "党政综合办公室",
                      f"{city}{county}", True, False)
    if kind == "town":
        return _Organ(f"{city}{county}{town}镇人民政府", f"{town}镇", "党政办公室",
                      f"{city}{county}", True, False)
    if kind == "county_dept":
        return _Organ(f"{city}{county}{dept}", f"{level}{dept_short}", "办公室",
                      f"{city}{county}", False, False)
    if kind == "city_dept":
        return _Organ(f"{city}{dept}", f"市{dept_short}", "办公室", city, False, False)
    if kind == "county_gov":
        return _Organ(f"{city}{county}人民政府", f"{level}政府", "办公室",
                      f"{city}{county}", True, False)
    return _Organ(f"{city}人民政府", "市政府", "办公室", city, True, True)


def _contact(rnd: random.Random, organ: _Organ) -> str:
    """A contact sentence with address, six-digit postcode, phone, fax and mailbox."""
    area, first, prefix = rnd.choice(_PHONE_AREAS)

    def number() -> str:
        return f"{area}-{first}{rnd.randrange(10**6, 10**7)}"

    address = f"{organ.place}{rnd.choice(_ROADS)}{rnd.randint(1, 999)}号"
    postcode = f"{prefix}{rnd.randint(1, 9)}{rnd.randrange(1000):03d}"
    phone, fax = number(), number()
    email = f"{rnd.choice(_MAILBOXES)}@example.gov.cn"
    if rnd.random() < 0.5:
        return (
            f"如对本报告有疑问，请与{organ.short}{organ.office}联系（地址：{address}，"
            f"邮编：{postcode}，电话：{phone}，传真：{fax}，电子邮箱：{email}）。"
        )
    return (
        f"{organ.short}{organ.office}联系方式：地址：{address}；邮编：{postcode}；"
        f"电话：{phone}；传真：{fax}；电子邮箱：{email}。"
    )


_PREFACES = (
    "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室"
    "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
    "要求编制。",
    "本报告依据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
    "其他需要报告的事项。",
)

_INTROS = (
    "{year}年，{short}以《中华人民共和国政府信息公开条例》为遵循，把政务公开作为转变作风、"
    "提升服务的重要抓手，健全工作机制，细化任务分工，推动政府信息公开工作稳步开展。",
    "{year}年，在上级政务公开主管部门的指导下，{short}坚持以公开为常态、不公开为例外，"
    "围绕群众关心的重点事项做好信息发布和解读回应，政府信息公开工作质量进一步提升。",
    "{year}年，{short}将政府信息公开工作纳入年度重点任务统筹部署，明确分管负责同志和专职联络员，"
    "完善信息发布、审核和归档流程，持续提高公开工作的规范化水平。",
)
_ACTIVE = (
    "（一）主动公开。{short}依托门户网站信息公开专栏，及时发布机构职能、工作动态、财政预决算等信息，"
    "全年主动公开政府信息{items}条，本年度制发行政规范性文件{nd}件，均按规定在专栏集中公开。",
    "（一）主动公开。按照“应公开尽公开”的要求，全年通过各渠道主动公开政府信息{items}条，"
    "其中本年度制发行政规范性文件{nd}件；对涉及群众切身利益的政策文件，同步发布图文解读。",
    "（一）主动公开。{short}梳理更新主动公开目录，重点做好规划计划、民生保障、公共服务等领域信息发布。"
    "本年度共主动公开政府信息{items}条，制发行政规范性文件{nd}件。",
)
_REQUESTS = (
    "（二）依申请公开。{short}严格执行申请登记、审核、答复等环节的办理规范。"
    "本年度共收到政府信息公开申请{new}件，上年结转{over}件，办结{done}件，"
    "结转下年度继续办理{forward}件。因政府信息公开被申请行政复议{review}件，提起行政诉讼{suits}件。",
    "（二）依申请公开。进一步优化依申请公开受理渠道，做到件件有登记、事事有回音。"
    "全年新收政府信息公开申请{new}件，上年结转{over}件，办结{done}件，结转下年度继续办理{forward}件。"
    "全年因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{suits}件。",
    "（二）依申请公开。{short}安排专人负责申请的接收和转办，答复前组织法律审核。"
    "{year}年共收到政府信息公开申请{new}件，上年结转{over}件，办结{done}件，"
    "结转下年度继续办理{forward}件。因政府信息公开被申请行政复议{review}件，提起行政诉讼{suits}件。",
)
_MANAGEMENT = (
    "（三）政府信息管理。建立信息发布前保密审查和合法性审查机制，严格执行“先审查、后公开”，"
    "对历年公开的政策文件开展清理，及时标注失效、废止情况。",
    "（三）政府信息管理。完善政府信息公开属性源头认定机制，公文办理时同步明确公开方式；"
    "定期对已公开信息进行检查，对内容过时、链接失效的信息及时更新。",
    "（三）政府信息管理。组织工作人员参加政务公开业务培训，提高信息审核和发布的准确性；"
    "对拟公开信息实行分级审核，确保内容准确、表述规范。",
)
_PLATFORM = (
    "（四）政府信息公开平台建设。加强门户网站信息公开专栏日常维护，优化栏目设置和检索功能；"
    "用好政务新媒体账号，推动重要信息多渠道同步发布。",
    "（四）政府信息公开平台建设。以政府网站为第一平台，做好栏目内容保障，"
    "同时在办事大厅设置政府信息查阅点，为群众查阅信息提供便利。",
    "（四）政府信息公开平台建设。按照集约化建设要求完成网站栏目梳理整合，及时更新办事指南和政策文件库；"
    "政务新媒体坚持“先审后发”，保障发布内容安全。",
)
_SUPERVISION = (
    "（五）监督保障。将政府信息公开工作纳入年度目标考核，公布监督电话，认真处理群众意见建议。"
    "{year}年没有出现需要对政府信息公开工作追责的情形。",
    "（五）监督保障。建立政务公开工作台账，定期通报进展情况；开展政府信息公开工作自查，"
    "对发现的问题限期整改。全年未发生因政府信息公开工作不到位被问责的情况。",
    "（五）监督保障。落实政务公开工作责任制，定期听取工作汇报，并通过网站留言、意见箱等渠道"
    "收集社会评议意见，持续改进工作。",
)
_TABLE_LEADS = {
    2: "本年度主动公开政府信息情况见下表。",
    3: "本年度收到和处理政府信息公开申请情况见下表。",
    4: "本年度政府信息公开行政复议、行政诉讼情况见下表。",
}
_PROBLEMS = (
    "{short}政府信息公开工作虽然取得一定成效，但仍存在一些不足：一是部分信息发布不够及时，"
    "更新频率有待提高；二是政策解读形式较为单一，图解、视频解读偏少；三是工作人员业务能力还需进一步提升。",
    "对照上级要求和群众期待，本机关政府信息公开工作还存在以下问题：主动公开的深度和广度仍需拓展，"
    "个别栏目内容更新不够及时；依申请公开答复的规范化水平还有提升空间。",
    "本年度工作中也发现了一些问题，主要是：重点领域信息公开的精细化程度不够，"
    "公开内容与群众需求的契合度有待提高；信息员力量较为薄弱，人员变动较多。",
)
_PLANS = (
    "{next}年，我们将重点做好以下工作：一是健全信息发布审核机制，提高信息发布的时效性；"
    "二是丰富政策解读形式，增强解读的针对性和可读性；三是加强业务培训，提升工作人员的业务水平。",
    "{next}年，{short}将进一步完善主动公开目录，加强栏目日常巡查和内容保障，"
    "同时规范依申请公开办理流程，严格落实法律审核，不断提升答复质量。",
    "下一步，{short}将在{next}年重点推进重点领域信息公开，定期开展信息公开自查，"
    "充实信息员队伍，推动政府信息公开工作提质增效。",
)
_FEES_TEXT = (
    "本机关{year}年未收取信息处理费。",
    "依据《政府信息公开信息处理费管理办法》，{short}{year}年度未收取信息处理费。",
    "{year}年，{short}未向申请人收取信息处理费。本年度无其他需要报告的事项。",
)
_WORK_PLAN_TEXT = "{short}按照上级部署制定并落实{year}年度政务公开工作要点，各项任务均已按期完成。"


def _build_sections(
    rnd: random.Random, short: str, year: int, tables: dict, is_government: bool
) -> dict[int, list[str]]:
    """Narrative for sections 1..6 whose numbers agree with ``tables``."""
    req, rl = tables["requests"], tables["review_litigation"]
    fill = {
        "short": short,
        "year": year,
        "next": year + 1,
        "items": rnd.randint(40, 3000),
        "nd": tables["active_disclosure"]["normative_documents"]["issued"],
        "new": req["new_received"]["total"],
        "over": req["carried_over"]["total"],
        "done": req["total_processed"]["total"],
        "forward": req["carried_forward"]["total"],
        "review": rl["review"]["total"],
        "suits": _add(rl["litigation_direct"]["total"], rl["litigation_after_review"]["total"]),
    }

    def pick(options: tuple[str, ...]) -> str:
        return rnd.choice(options).format(**fill)

    sections: dict[int, list[str]] = {
        1: [pick(_INTROS), pick(_ACTIVE), pick(_REQUESTS), pick(_MANAGEMENT), pick(_PLATFORM),
            pick(_SUPERVISION)],
    }
    for n, lead in _TABLE_LEADS.items():
        sections[n] = [lead] if rnd.random() < 0.3 else []
    sections[5] = [pick(_PROBLEMS), pick(_PLANS)]
    sections[6] = [pick(_FEES_TEXT)]
    if is_government and rnd.random() < 0.5:
        sections[6].append(_WORK_PLAN_TEXT.format(**fill))
    return sections


def _add(a: Any, b: Any) -> Any:
    return None if a is None or b is None else a + b


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass
class FictionalReport:
    """One fictional report: text parts plus the canonical ``tables`` it renders.

    ``None`` for ``title``, ``period_text``, ``contact_text``, ``preface_text``,
    ``sections_text`` or ``tables`` means "the default" and is filled in on
    construction; an empty string means "deliberately absent".  ``headings[n-1]`` is
    ``None`` for a section whose heading is missing.

    The preface paragraph is ``preface_text + period_text + contact_text``; it is
    rendered before heading 一, or right after it when ``preface_in_section`` (as
    many reports do).  ``tables`` holds the values the renderings print (the ground
    truth a parser should recover); ``tables_shown`` says which tables are rendered;
    ``raw_cells`` maps a cell key to the text printed instead of its value.
    """

    organ: str
    year: int
    title: str | None = None
    period_text: str | None = None
    contact_text: str | None = None
    headings: list[str | None] = field(default_factory=lambda: list(HEADINGS_2021))
    sections_text: dict[int, list[str]] | None = None
    tables: dict | None = None
    preface_text: str | None = None
    preface_in_section: bool = False
    tables_shown: tuple[str, ...] = TABLE_NAMES
    raw_cells: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.title is None:
            self.title = f"{self.organ}{self.year}年度政府信息公开工作年度报告"
        if self.period_text is None:
            self.period_text = (
                f"本报告所列数据的统计期限自{self.year}年1月1日起至{self.year}年12月31日止。"
            )
        if self.contact_text is None:
            self.contact_text = (
                "如对本报告有疑问，请与本机关办公室联系（地址：示例市青禾路1号，邮编：310001，"
                "电话：0571-88000001，传真：0571-88000002，电子邮箱：gk@example.gov.cn）。"
            )
        if self.preface_text is None:
            self.preface_text = _PREFACES[0]
        if self.tables is None:
            self.tables = consistent_tables(random.Random(self.year))
        if self.sections_text is None:
            self.sections_text = _build_sections(
                random.Random(self.year), "本机关", self.year, self.tables, False
            )
        if len(self.headings) != 6:
            raise ValueError("headings must list the six sections (None for a missing one)")

    @property
    def preface(self) -> str:
        """The preface paragraph as rendered ("" when all its parts are empty)."""
        return f"{self.preface_text}{self.period_text}{self.contact_text}"


def make_report(seed: int = 0, **overrides: Any) -> FictionalReport:
    """A clean, deterministic fictional report; ``seed`` varies organ, year and wording.

    ``overrides`` are ``FictionalReport`` fields.  ``organ``, ``year`` and
    ``tables`` are applied *before* the title and narrative are written, so the
    text stays consistent with them; every random draw happens first, so an override
    never changes the other choices made for the same seed.
    """
    rnd = random.Random(seed)
    organ = _pick_organ(rnd)
    year = rnd.randint(2021, 2025)
    tables = consistent_tables(rnd, rule_making=organ.rule_making)
    text_seed, contact_seed = rnd.getrandbits(64), rnd.getrandbits(64)
    preface_text = rnd.choice(_PREFACES)
    preface_in_section = rnd.random() < 0.4

    name = overrides.pop("organ", organ.name)
    short = organ.short if name == organ.name else "本机关"
    year = overrides.pop("year", year)
    tables = overrides.pop("tables", tables)
    values: dict[str, Any] = {
        "contact_text": _contact(random.Random(contact_seed), organ),
        "sections_text": _build_sections(
            random.Random(text_seed), short, year, tables, organ.is_government
        ),
        "preface_text": preface_text,
        "preface_in_section": preface_in_section,
    }
    values.update(overrides)
    return FictionalReport(organ=name, year=year, tables=tables, **values)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    """Plain digits: ints as is, Decimals with their own places, no exponent."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _cell_text(report: FictionalReport, key: str) -> str:
    if key in report.raw_cells:
        return report.raw_cells[key]
    return _fmt(get_cell(report.tables, key))


def _active_rows() -> list[tuple[list[str], list[str]]]:
    """表二 as (label cells, value keys) rows: group heading, column labels, data rows."""
    rows: list[tuple[list[str], list[str]]] = []
    for heading, columns, items in _ACTIVE_GROUPS:
        rows.append(([heading], []))
        rows.append((["信息内容", *columns], []))
        for label, item, fields in items:
            rows.append(([label], [f"active_disclosure.{item}.{f}" for f in fields]))
    return rows


def _request_rows() -> list[tuple[list[str], list[str]]]:
    rows = [(list(cells), []) for cells in _REQUEST_HEADER_ROWS]
    for row, labels in _REQUEST_LAYOUT:
        rows.append((list(labels), [f"requests.{row}.{c}" for c in REQUEST_COLUMNS]))
    return rows


def _review_rows() -> list[tuple[list[str], list[str]]]:
    rows = [(list(cells), []) for cells in _REVIEW_HEADER_ROWS]
    rows.append(([], [f"review_litigation.{b}.{f}" for b in REVIEW_BLOCKS for f in REVIEW_FIELDS]))
    return rows


def _table_rows(report: FictionalReport, table: str) -> list[tuple[list[str], list[str]]]:
    if table == "active_disclosure":
        return _active_rows()
    if table == "requests":
        return _request_rows()
    return _review_rows()


# Default hazard placement, modelled on the seed.
_DEFAULT_SPLIT_KEYS: tuple[str, ...] = tuple(
    f"requests.not_processed_confirmation.{c}" for c in REQUEST_COLUMNS
) + ("requests.other_overdue_correction.total", "requests.other_overdue_fee.total")
_DEFAULT_NBSP_KEYS: tuple[str, ...] = tuple(
    f"review_litigation.{b}.{f}" for b in REVIEW_BLOCKS for f in REVIEW_FIELDS
)[:-1]


def _hazard_keys(option: bool | Iterable[str], default: tuple[str, ...]) -> list[str]:
    if option is True:
        return list(default)
    if not option:
        return []
    return [_norm_key(k) for k in option]


def render_text(
    report: FictionalReport,
    *,
    nbsp_cells: bool | Iterable[str] = False,
    split_cells: bool | Iterable[str] = False,
) -> str:
    """The seed's flattened-Word text format.

    Title line, one blank line, then headings and paragraphs one per line.  A table
    follows its section's paragraphs: each cell is a line starting with a TAB (text
    with "\\n" continues on untabbed lines, e.g. "\\t商业" + "企业"); rows are
    separated by one blank line; the table ends with two blank lines.  Merged label
    cells of 表三 are flattened: continuation rows start with empty "\\t" cells.

    Hazards: ``nbsp_cells`` puts U+00A0 beside the digits (True: 14 表四 cells,
    alternating sides as in the seed; or an iterable of cell keys, NBSP before);
    ``split_cells`` prints the value on its own untabbed line after an empty "\\t"
    (True: the 5.要求行政机关确认… row and two （六） totals; or cell keys).
    """
    split = set(_hazard_keys(split_cells, _DEFAULT_SPLIT_KEYS))
    nbsp_list = _hazard_keys(nbsp_cells, _DEFAULT_NBSP_KEYS)
    if nbsp_cells is True:
        nbsp = {k: ("before" if i % 5 in (0, 1) else "after") for i, k in enumerate(nbsp_list)}
    else:
        nbsp = {k: "before" for k in nbsp_list}

    def value_cell(key: str) -> str:
        text = _cell_text(report, key)
        side = nbsp.get(key)
        if side == "before":
            text = "\u00a0" + text
        elif side == "after":
            text = text + "\u00a0"
        return "\t\n" + text if key in split else "\t" + text

    def table(name: str) -> str:
        rows = []
        for labels, keys in _table_rows(report, name):
            cells = ["\t" + label for label in labels] + [value_cell(k) for k in keys]
            rows.append("\n".join(cells))
        return "\n\n".join(rows) + "\n\n"

    lines: list[str] = []
    if report.title:
        lines += [report.title, ""]
    lines += _body(report, table, paragraph=lambda p: p, heading=lambda h: h)
    return "\n".join(lines) + "\n"


def _body(report: FictionalReport, table, paragraph, heading) -> list[str]:
    """Shared section walk: preface, then per section heading, paragraphs, table."""
    out: list[str] = []
    preface = report.preface
    inside = report.preface_in_section and report.headings[0] is not None
    if preface and not inside:
        out.append(paragraph(preface))
    for n in range(1, 7):
        if report.headings[n - 1] is not None:
            out.append(heading(report.headings[n - 1]))
        if n == 1 and preface and inside:
            out.append(paragraph(preface))
        out += [paragraph(p) for p in report.sections_text.get(n, [])]
        name = SECTION_TABLES.get(n)
        if name in report.tables_shown:
            out.append(table(name))
    return out


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("\n", "").replace("|", "\\|") for c in cells) + " |"


def _pipe_table(rows: list[list[str]]) -> str:
    """A GitHub pipe table; the first row is the header, all rows the same width."""
    width = len(rows[0])
    assert all(len(r) == width for r in rows), "pipe table rows must have equal width"
    lines = [_pipe_row(rows[0]), "|" + "---|" * width]
    lines += [_pipe_row(r) for r in rows[1:]]
    return "\n".join(lines)


def render_markdown(report: FictionalReport) -> str:
    """Markdown: ``# title``, ``## heading``, paragraphs, GitHub pipe tables.

    Blocks are separated by one blank line.  Every pipe table is a full grid: the
    first template row is the header, then a ``|---|`` row, and a merged cell is
    printed once followed by empty cells, so all rows of a table have the same width.

    * 表二 is four small tables, one per 第二十条 group, because the groups have 3 or 1
      value columns: header ``| 第二十条第（一）项 |  |  |  |``, then
      ``| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |``, then
      ``| 规章 | 0 | 0 | 0 |`` and ``| 行政规范性文件 | … |``; likewise
      （五） 行政许可, （六） 行政处罚 + 行政强制, （八） 行政事业性收费 with 2 columns.
    * 表三 has 10 columns: 3 label columns (一/二/三/四 level, （一）…（七） level,
      1./2./… level) + the 7 value columns.  Header rows: the 勾稽关系 note and
      申请人情况; 自然人 / 法人或其他组织 / 总计; the five organisation columns.
    * 表四 has 15 columns: header 行政复议 / 行政诉讼, then 结果维持 … 总计 +
      未经复议直接起诉 / 复议后起诉, then the ten litigation result labels, then the
      15 values.
    """
    def table(name: str) -> str:
        if name == "active_disclosure":
            return "\n\n".join(_pipe_table(t) for t in _markdown_active(report))
        if name == "requests":
            return _pipe_table(_markdown_requests(report))
        return _pipe_table(_markdown_review(report))

    blocks: list[str] = []
    if report.title:
        blocks.append(f"# {report.title}")
    blocks += _body(report, table, paragraph=lambda p: p, heading=lambda h: f"## {h}")
    return "\n\n".join(blocks) + "\n"


def _markdown_active(report: FictionalReport) -> list[list[list[str]]]:
    tables = []
    for heading, columns, items in _ACTIVE_GROUPS:
        width = 1 + len(columns)
        rows = [[heading] + [""] * (width - 1), ["信息内容", *columns]]
        for label, item, fields in items:
            rows.append([label] + [_cell_text(report, f"active_disclosure.{item}.{f}") for f in fields])
        tables.append(rows)
    return tables


def _markdown_requests(report: FictionalReport) -> list[list[str]]:
    note, applicants = _REQUEST_HEADER_ROWS[0]
    rows = [
        [note, "", "", applicants] + [""] * 6,
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    for row, labels in _REQUEST_LAYOUT:
        padded = list(labels) + [""] * (3 - len(labels))
        rows.append(padded + [_cell_text(report, f"requests.{row}.{c}") for c in REQUEST_COLUMNS])
    return rows


def _markdown_review(report: FictionalReport) -> list[list[str]]:
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
        results + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        [""] * 5 + results * 2,
        [_cell_text(report, f"review_litigation.{b}.{f}") for b in REVIEW_BLOCKS for f in REVIEW_FIELDS],
    ]


# ---------------------------------------------------------------------------
# Fault planting: each helper returns a modified deep copy
# ---------------------------------------------------------------------------


def _copy(report: FictionalReport) -> FictionalReport:
    return copy.deepcopy(report)


def _check_section(n: int) -> None:
    if not 1 <= n <= 6:
        raise ValueError(f"section number must be 1..6, got {n}")


def with_cell(report: FictionalReport, key: str, value: Any) -> FictionalReport:
    """Set one cell's value (and drop any raw text for it); nothing else changes.

    The narrative is not rewritten: on a key in ``NARRATIVE_KEYS`` text and table
    will disagree too.
    """
    new = _copy(report)
    key = _norm_key(key)
    _set_cell(new.tables, key, value)
    new.raw_cells.pop(key, None)
    return new


def with_raw_cell(report: FictionalReport, key: str, raw: str, value: Any = None) -> FictionalReport:
    """Print ``raw`` in place of a cell and set its canonical value to ``value``.

    E.g. ``with_raw_cell(r, "active_disclosure.regulations.issued", "22（其中修订16件）", 22)``.
    """
    new = _copy(report)
    key = _norm_key(key)
    _set_cell(new.tables, key, value)
    new.raw_cells[key] = raw
    return new


def with_blank_cell(report: FictionalReport, key: str, raw: str = "/") -> FictionalReport:
    """A blank, slash or dash cell: ``raw`` is printed, the canonical value is null."""
    return with_raw_cell(report, key, raw, None)


def without_section(report: FictionalReport, n: int, keep_table: bool = False) -> FictionalReport:
    """Drop section ``n``: heading, paragraphs and (unless ``keep_table``) its table."""
    _check_section(n)
    new = _copy(report)
    new.headings[n - 1] = None
    new.sections_text.pop(n, None)
    if not keep_table and n in SECTION_TABLES:
        new.tables_shown = tuple(t for t in new.tables_shown if t != SECTION_TABLES[n])
    return new


def with_heading(report: FictionalReport, n: int, text: str | None) -> FictionalReport:
    """Replace heading ``n`` (1..6) by ``text`` (``None`` drops the heading line only)."""
    _check_section(n)
    new = _copy(report)
    new.headings[n - 1] = text
    return new


def with_paragraph_appended(report: FictionalReport, section_n: int, text: str) -> FictionalReport:
    """Add a paragraph at the end of section ``section_n`` (before its table)."""
    _check_section(section_n)
    new = _copy(report)
    new.sections_text.setdefault(section_n, []).append(text)
    return new


def with_title(report: FictionalReport, text: str) -> FictionalReport:
    """Replace the title line ("" omits it)."""
    new = _copy(report)
    new.title = text
    return new


def with_period(report: FictionalReport, text: str) -> FictionalReport:
    """Replace the statistics-period sentence ("" omits it)."""
    new = _copy(report)
    new.period_text = text
    return new


def with_contact(report: FictionalReport, text: str) -> FictionalReport:
    """Replace the contact sentence ("" omits it)."""
    new = _copy(report)
    new.contact_text = text
    return new


__all__ = [
    "ACTIVE_DISCLOSURE_FIELDS",
    "ALL_CELL_KEYS",
    "APPLICANT_COLUMNS",
    "FictionalReport",
    "HEADINGS_2021",
    "NARRATIVE_KEYS",
    "REQUEST_COLUMNS",
    "REQUEST_ROWS",
    "RESULT_ROWS",
    "REVIEW_BLOCKS",
    "REVIEW_FIELDS",
    "SECTION_TABLES",
    "TABLE_NAMES",
    "broken_identities",
    "consistent_tables",
    "get_cell",
    "iter_cells",
    "make_report",
    "render_markdown",
    "render_text",
    "tables_to_jsonable",
    "with_blank_cell",
    "with_cell",
    "with_contact",
    "with_heading",
    "with_paragraph_appended",
    "with_period",
    "with_raw_cell",
    "with_title",
    "without_section",
]


#: One planted fault per finding category, shared by the format tests (text, Markdown,
#: HTML, docx): each returns a copy of the report with that fault.
PLANTED_FAULTS = {
    "arithmetic": lambda r: with_cell(r, "review_litigation.review.pending",
                                      get_cell(r.tables, "review_litigation.review.pending") + 2),
    "structure": lambda r: without_section(r, 6),
    "contact": lambda r: with_contact(r, "联系电话：0571-123，邮编：3100"),
    "year": lambda r: with_period(r, f"本报告所列数据的统计期限自{r.year - 1}年1月1日起至{r.year - 1}年12月31日止。"),
    "consistency": lambda r: with_paragraph_appended(r, 1, "本年度共收到政府信息公开申请9999件。"),
    "text": lambda r: with_paragraph_appended(r, 5, "我们将进一步加强对信息公开的的监督。"),
}
