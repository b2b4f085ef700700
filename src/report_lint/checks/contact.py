"""Contact check kinds: a contact line exists; phone, fax, postcode and e-mail are
well formed.

Fixed-line numbers are validated with ``phonenumbers`` (Google's libphonenumber
metadata): it knows each area code's number length, which a regular expression does
not. It is imported only when a report states a number.
"""

from __future__ import annotations

import os
import re

from ..hookspecs import hookimpl
from ..location import Location
from ..specs import CheckKind

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
# 12345 and the other 123xx government service lines (12315 市场监管, 12333 人社, 12366 税务,
# 12319 城管, 12320 卫健, 12348 司法 …), and 5-digit 95xxx/96xxx service numbers
_HOTLINE = re.compile(r"^(?:0\d{2,3})?(?:123\d{2}|9[56]\d{3})$")
_EXTENSION = re.compile(r"^(?P<number>.*\d)\s*(?:[-－—]|转|分机)\s*(?P<ext>\d{1,5})$")
_SEPARATORS = re.compile(r"\s+|[/／]")
_SERVICE = re.compile(r"^(?:400|800)\d{7}$")
# The national numbering plan: 3-digit area codes are 010 and 02x, with 8-digit
# numbers; the others have 4 digits (03xx–09xx) and 7- or 8-digit numbers.
_FIXED = re.compile(r"^(?:0(?:10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def phone_verdict(value: str) -> str:
    """One stated phone or fax number: ``ok``; ``local`` (no area code); ``malformed``
    (not a Chinese number at all); ``invalid`` (well formed, but phonenumbers knows no
    such number for that area code, e.g. 7 digits where the city has 8)."""
    pieces = [p for p in _SEPARATORS.split(value.strip()) if p]
    if len(pieces) >= 2 and all(len(_digits(p)) >= 7 for p in pieces):
        # several numbers in a row ("0571-88000001 0571-88000002", "0571-88000001/88000002"):
        # each on its own; one without area code shares the first one's
        first = _digits(pieces[0])
        verdicts = []
        for piece in pieces:
            verdict = phone_verdict(piece)
            if verdict == "local" and _FIXED.match(first):
                verdict = phone_verdict(first[: len(first) - len(_digits(piece))] + _digits(piece))
            verdicts.append(verdict)
        return next((v for v in verdicts if v != "ok"), "ok")
    digits = _digits(value)
    if _HOTLINE.match(digits) or _MOBILE.match(digits):
        return "ok"
    ext = _EXTENSION.match(value.strip())
    if ext and not (_FIXED.match(digits) or _SERVICE.match(digits)) and _FIXED.match(_digits(ext.group("number"))):
        return phone_verdict(ext.group("number"))  # 0571-88000000-8001: an extension
    if _LOCAL.match(digits):
        return "local"
    if not (_FIXED.match(digits) or _SERVICE.match(digits)):
        return "malformed"
    memo = _memo()
    verdict = memo.get(digits)
    if verdict is None:
        verdict = _validate_with_phonenumbers(digits)
        memo.put(digits, verdict)
    return verdict


def _validate_with_phonenumbers(digits: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return "invalid"
    return "ok" if phonenumbers.is_valid_number(number) else "invalid"


_MEMO = None


def _memo():
    """Verdicts of numbers seen before, valid for the installed phonenumbers."""
    global _MEMO
    if _MEMO is None:
        import importlib.util

        from ..datacache import DiskMemo

        spec = importlib.util.find_spec("phonenumbers")
        origin = spec.origin if spec and spec.origin else "phonenumbers"
        _MEMO = DiskMemo("phone-verdicts", [origin, os.path.join(os.path.dirname(origin), "data", "__init__.py")])
    return _MEMO


def _contact_facts(report, kinds):
    return [f for f in report.facts if f.kind in kinds]


def run_contact_present(rule, report):
    if report.texts is None:
        return
    kinds = set(rule.params.get("any_of", ["contact.phone", "contact.email", "contact.address"]))
    if not _contact_facts(report, kinds):
        yield rule.finding({}, report.title.location if report.title else Location())


def run_phone_format(rule, report):
    """``report: malformed`` (the default) or ``report: invalid`` (phonenumbers' view)."""
    wanted = rule.params.get("report", "malformed")
    for fact in _contact_facts(report, set(rule.params.get("kinds", ["contact.phone", "contact.fax"]))):
        if phone_verdict(fact.value) == wanted:
            yield rule.finding({"what": _what(fact.kind), "value": fact.value}, fact.location,
                               key=fact.kind, found=fact.value)


def run_phone_area_code(rule, report):
    for fact in _contact_facts(report, set(rule.params.get("kinds", ["contact.phone", "contact.fax"]))):
        if phone_verdict(fact.value) == "local":
            yield rule.finding({"what": _what(fact.kind), "value": fact.value}, fact.location,
                               key=fact.kind, found=fact.value)


def run_phone_region(rule, report):
    """Fixed lines whose area code is not one of the region's (``area_codes``)."""
    codes = tuple(str(c) for c in rule.params.get("area_codes") or ())
    for fact in _contact_facts(report, set(rule.params.get("kinds", ["contact.phone", "contact.fax"]))):
        digits = _digits(fact.value)
        if not _FIXED.match(digits) or digits.endswith("12345"):
            continue  # mobiles, hotlines and malformed numbers are other rules' business
        if not digits.startswith(codes):
            yield rule.finding({"what": _what(fact.kind), "value": fact.value, "area_codes": "、".join(codes)},
                               fact.location, key=fact.kind, found=fact.value)


def run_postcode_format(rule, report):
    prefixes = tuple(str(p) for p in rule.params.get("prefixes") or ())
    for fact in _contact_facts(report, {"contact.postcode"}):
        digits = re.sub(r"\s", "", fact.value)
        if not re.fullmatch(r"\d{6}", digits):
            yield rule.finding({"value": fact.value, "reason": {"zh": "应为 6 位数字", "en": "must be six digits"}},
                               fact.location, key=fact.kind, found=fact.value)
        elif prefixes and not digits.startswith(prefixes):
            yield rule.finding({"value": fact.value, "reason": {
                "zh": "不属于本地区（应以 " + "/".join(prefixes) + " 开头）",
                "en": "not in this region (should start with " + "/".join(prefixes) + ")"}},
                fact.location, key=fact.kind, found=fact.value)


def run_email_format(rule, report):
    personal = {d.lower() for d in rule.params.get("personal_domains", [])}
    for fact in _contact_facts(report, {"contact.email"}):
        value = fact.value.strip().rstrip(".")
        if personal:
            domain = value.rsplit("@", 1)[-1].lower()
            if _EMAIL.match(value) and domain in personal:
                yield rule.finding({"value": value, "domain": domain}, fact.location, key=fact.kind, found=value)
        elif not _EMAIL.match(value):
            yield rule.finding({"value": value}, fact.location, key=fact.kind, found=value)


def _what(kind: str) -> dict:
    return {"contact.phone": {"zh": "电话", "en": "phone"}, "contact.fax": {"zh": "传真", "en": "fax"}}.get(
        kind, {"zh": kind, "en": kind})


_OBJ = {"type": "object", "additionalProperties": False}
_KINDS = {"type": "array", "items": {"enum": ["contact.phone", "contact.fax", "contact.email", "contact.address",
                                               "contact.postcode"]}}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("contact_present", run_contact_present, {**_OBJ, "properties": {"any_of": _KINDS}},
                       "报告载有联系方式 / the report states contact details"))
    register(CheckKind("phone_format", run_phone_format, {**_OBJ, "properties": {
        "kinds": _KINDS, "report": {"enum": ["malformed", "invalid"]}}},
                       "电话、传真号码有效 / phone and fax numbers are valid"))
    register(CheckKind("phone_area_code", run_phone_area_code, {**_OBJ, "properties": {"kinds": _KINDS}},
                       "固定电话带区号 / fixed lines carry their area code"))
    register(CheckKind("phone_region", run_phone_region, {**_OBJ, "required": ["area_codes"], "properties": {
        "kinds": _KINDS, "area_codes": {"type": "array", "items": {"type": "string", "pattern": "^0[0-9]{1,3}$"},
                                        "minItems": 1, "maxItems": 200}}},
        "固定电话区号属于本地区 / fixed lines carry an area code of the region"))
    register(CheckKind("postcode_format", run_postcode_format, {**_OBJ, "properties": {
        "prefixes": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{1,6}$"}, "maxItems": 100}}},
        "邮政编码为 6 位数字 / postcodes are six digits"))
    register(CheckKind("email_format", run_email_format, {**_OBJ, "properties": {
        "personal_domains": {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 200}}},
        "电子邮箱格式正确 / e-mail addresses are well formed"))
