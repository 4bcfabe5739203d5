"""Search keys and small text validators shared by services."""

from __future__ import annotations

import re
from functools import lru_cache

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,5})?$")


def phone_problem(phone: str) -> str | None:
    """None for an empty or valid Chinese mobile/landline number, else a message."""
    p = phone.strip().replace(" ", "")
    if not p:
        return None
    if _MOBILE.match(p) or _LANDLINE.match(p):
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
