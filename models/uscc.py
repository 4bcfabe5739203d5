"""Unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from a 31-character alphabet (digits and capitals without I, O, Z, S, V); the 18th is a check
character computed from the first 17 with weights 3^i mod 31.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_char(first17: str) -> str:
    """The check character for 17 valid characters."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalize(code: str) -> str:
    """Trim, remove inner spaces, upper-case, and turn full-width characters into ASCII."""
    out = []
    for ch in code.strip():
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:  # full-width ASCII block
            ch = chr(o - 0xFEE0)
        if ch.isspace() or ch == "\u3000":
            continue
        out.append(ch.upper())
    return "".join(out)


def problem(code: str) -> str | None:
    """None when ``code`` (already normalised) is a valid USCC, else a Chinese sentence saying what is wrong."""
    if not code:
        return "统一社会信用代码不能为空。"
    if len(code) != LENGTH:
        return f"统一社会信用代码应为18位，现为{len(code)}位。"
    for pos, ch in enumerate(code, start=1):
        if ch not in _VALUE:
            hint = "（不使用字母 I、O、Z、S、V）" if ch in "IOZSV" else ""
            return f"统一社会信用代码第{pos}位“{ch}”不是允许的字符{hint}。"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：第18位应为“{expected}”，现为“{code[17]}”；请核对前17位是否抄错。"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def make(first17: str) -> str:
    """Complete 17 characters with their check character (used by the demo generator and tests)."""
    return first17 + check_char(first17)
