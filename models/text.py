"""Search keys and small text validators shared by services."""

from __future__ import annotations

import re
from functools import lru_cache

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,5})?$")


_DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "‐": "-", "（": "(", "）": ")"})


def normalize_phone(phone: str) -> str:
    """Full-width digits (Chinese input methods) to ASCII, spaces dropped, dashes unified; a mobile number loses
    its separators (138-0013-8000 → 13800138000); a landline keeps one dash after the area code."""
    out = []
    for ch in (phone or "").strip():
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        out.append(ch)
    p = "".join(out).translate(_DASHES)
    p = "".join(p.split())
    if p.startswith("(") and ")" in p:  # (0730)5212345
        area, rest = p[1:].split(")", 1)
        p = f"{area}-{rest}"
    digits = p.replace("-", "")
    if _MOBILE.match(digits):
        return digits
    return p


def phone_problem(phone: str) -> str | None:
    """None for an empty or valid Chinese mobile/landline number (after normalize_phone), else a message."""
    p = normalize_phone(phone)
    if not p:
        return None
    if len(p) <= 20 and (_MOBILE.match(p) or _LANDLINE.match(p)):
        return None
    return f"电话号码“{phone}”格式不正确：手机号为11位（1开头），座机如 0730-5212345。"


_OTHER = "\x00"  # marks text that is not Chinese in pypinyin's output

# Local names pypinyin's phrase dictionary reads wrongly (长乐镇 is a town of Miluo: cháng lè, not zhǎng lè).
LOCAL_PHRASES = {"长乐": [["cháng"], ["lè"]], "长乐镇": [["cháng"], ["lè"], ["zhèn"]], "市长乐": [["shì"], ["cháng"], ["lè"]]}


@lru_cache(maxsize=1)
def _pinyin():  # type: ignore[no-untyped-def]
    from pypinyin import lazy_pinyin, load_phrases_dict  # imported on first use: ~0.1 s

    load_phrases_dict(LOCAL_PHRASES)
    return lambda s: lazy_pinyin(s, errors=lambda other: [_OTHER + other])


def pinyin_keys(text: str) -> tuple[str, str]:
    """(sort key, initials) of ``text`` from one pinyin conversion: 汨罗市长乐镇 → ("mi luo shi chang le zhen",
    "mlscl z"…). The sort key puts Chinese names in pinyin order, as the office reads a list; the initials let
    "mlhg" find 汨罗化工. Text that is not Chinese stays as it is (lower case) in the sort key."""
    parts = _pinyin()(text)
    sort = " ".join(p.lstrip(_OTHER).lower() for p in parts)
    initials = "".join(p[0] for p in parts if p and not p.startswith(_OTHER))
    return sort, initials.lower()


def initials(text: str) -> str:
    """Pinyin initials of the Chinese characters in ``text``: 汨罗化工 → mlhg."""
    return pinyin_keys(text)[1]


def search_key(*parts: str, initials_of_first: str | None = None) -> str:
    """Lower-cased concatenation of the parts, plus pinyin initials of the first (the name); pass
    ``initials_of_first`` when they are known already."""
    cleaned = [p.strip().lower() for p in parts if p]
    if parts and parts[0]:
        cleaned.append(initials(parts[0]) if initials_of_first is None else initials_of_first)
    return " | ".join(cleaned)
