"""Unified social credit code (models/uscc.py): generated codes, every single-character error, lengths, clean-up."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import uscc
from models.uscc import ALPHABET, LENGTH, make, normalize, problem

CJK = re.compile(r"[\u4e00-\u9fff]")
FORBIDDEN_LETTERS = "IOZSV"  # GB 32100-2015 leaves these out (they look like 1, 0, 2, 5, U)
# Characters that are never part of a code: the five letters above, lowercase (normalize() upper-cases, problem()
# does not), punctuation, and non-ASCII look-alikes.
NOT_IN_ALPHABET = FORBIDDEN_LETTERS + "abcdefghijklmnopqrstuvwxyz" + "-_ */.#" + "０Ａ丨ｏ"

first17 = st.text(alphabet=ALPHABET, min_size=17, max_size=17)
valid_codes = first17.map(make)


def is_chinese_sentence(message: str | None) -> bool:
    return bool(message) and CJK.search(message) is not None and message.endswith("。")


def test_alphabet_is_the_standard_one() -> None:
    assert len(ALPHABET) == 31 and len(set(ALPHABET)) == 31
    assert not set(FORBIDDEN_LETTERS) & set(ALPHABET)
    assert set(ALPHABET) == set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") - set(FORBIDDEN_LETTERS)
    assert uscc.WEIGHTS == tuple(pow(3, i, 31) for i in range(17))


@given(valid_codes)
def test_every_generated_code_is_valid(code: str) -> None:
    assert len(code) == LENGTH
    assert problem(code) is None
    assert uscc.is_valid(code)
    assert normalize(code) == code


@given(valid_codes, st.integers(0, LENGTH - 1), st.sampled_from(ALPHABET))
def test_every_substitution_from_the_alphabet_is_caught(code: str, pos: int, ch: str) -> None:
    """Weights are powers of 3 mod the prime 31, so changing any one character changes the checksum."""
    if ch == code[pos]:
        ch = ALPHABET[(ALPHABET.index(ch) + 1) % len(ALPHABET)]
    wrong = code[:pos] + ch + code[pos + 1 :]

    message = problem(wrong)

    assert is_chinese_sentence(message)
    assert "校验位错误" in message
    expected = make(wrong[:17])[17]  # the check character that the (possibly changed) first 17 call for
    assert f"第18位应为“{expected}”，现为“{wrong[17]}”" in message
    assert not uscc.is_valid(wrong)


@given(valid_codes, st.integers(0, LENGTH - 1), st.sampled_from(NOT_IN_ALPHABET))
def test_every_character_outside_the_alphabet_is_named_with_its_position(code: str, pos: int, ch: str) -> None:
    wrong = code[:pos] + ch + code[pos + 1 :]

    message = problem(wrong)

    assert is_chinese_sentence(message)
    assert f"第{pos + 1}位“{ch}”不是允许的字符" in message
    if ch in FORBIDDEN_LETTERS:
        assert "不使用字母 I、O、Z、S、V" in message


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40).filter(lambda s: len(s) != LENGTH))
def test_wrong_length_is_reported_with_the_length(code: str) -> None:
    message = problem(code)
    assert is_chinese_sentence(message)
    assert f"应为18位，现为{len(code)}位" in message


def test_empty_code_is_reported() -> None:
    assert problem("") == "统一社会信用代码不能为空。"
    assert problem(normalize(" \u3000 ")) == "统一社会信用代码不能为空。"


def to_full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


@given(
    valid_codes,
    st.lists(st.sampled_from(["ascii", "full", "lower", "full-lower"]), min_size=LENGTH, max_size=LENGTH),
    st.lists(st.sampled_from(["", " ", "  ", "\u3000", "\t"]), min_size=LENGTH + 1, max_size=LENGTH + 1),
)
def test_normalize_undoes_full_width_lowercase_and_spaces(code: str, forms: list[str], gaps: list[str]) -> None:
    """What people type or paste: full-width characters (Chinese input methods), lowercase, spaces anywhere."""
    typed = []
    for ch, form, gap in zip(code, forms, gaps, strict=False):
        if "lower" in form:
            ch = ch.lower()
        if "full" in form:
            ch = to_full_width(ch)
        typed.append(gap + ch)
    messy = "".join(typed) + gaps[-1]

    assert normalize(messy) == code
    assert problem(normalize(messy)) is None


def test_normalize_examples() -> None:
    assert normalize("  91350100m000100y43 ") == "91350100M000100Y43"
    assert normalize("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"
    assert normalize("9135 0100\u3000M000 100Y 43") == "91350100M000100Y43"
    assert normalize("９１３５０１００ｍ０００１００ｙ４３") == "91350100M000100Y43"
    # normalize() only cleans up; a wrong character stays wrong and is reported, not silently "fixed"
    assert normalize("91350100MOOO100Y43") == "91350100MOOO100Y43"
    assert "第10位“O”" in problem(normalize("91350100MOOO100Y43"))


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # the worked example in GB 32100-2015
        "91110108551385082Q",  # 小米科技有限责任公司
        "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
        "914403001922038216",  # 华为技术有限公司 (check character is a digit)
        "91110000710926094P",  # 中国石油化工股份有限公司
    ],
)
def test_real_codes_validate(code: str) -> None:
    assert problem(code) is None
    assert make(code[:17]) == code


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91350100M000100Y44", "第18位应为“3”，现为“4”"),  # last digit mistyped
        ("91350100M000100Y4", "应为18位，现为17位"),  # one character missing
        ("91350100M000100Y433", "应为18位，现为19位"),
        ("91350100MO00100Y43", "第10位“O”不是允许的字符（不使用字母 I、O、Z、S、V）"),
    ],
)
def test_typical_mistakes(code: str, fragment: str) -> None:
    assert fragment in problem(code)
