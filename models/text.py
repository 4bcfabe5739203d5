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


@lru_cache(maxsize=1)
def _pinyin():  # type: ignore[no-untyped-def]
    from pypinyin import Style, lazy_pinyin  # imported on first use: ~0.1 s

    return lambda s: lazy_pinyin(s, style=Style.FIRST_LETTER, errors="ignore")


def initials(text: str) -> str:
    """Pinyin initials of the Chinese characters in ``text``: 汨罗化工 → mlhg."""
    return "".join(_pinyin()(text)).lower()


def search_key(*parts: str) -> str:
    """Lower-cased concatenation of the parts, plus pinyin initials of the first (the name)."""
    cleaned = [p.strip().lower() for p in parts if p]
    if parts and parts[0]:
        cleaned.append(initials(parts[0]))
    return " | ".join(cleaned)
