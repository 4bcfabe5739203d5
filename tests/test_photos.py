"""Photo import on both databases (issue 4): a 12 MP JPEG is stored downscaled with its EXIF time, a rotated phone
photo is stored upright, PNG stays PNG only when transparent, broken or foreign files are refused in Chinese with
nothing stored, and the same photo is stored once."""

from __future__ import annotations

import io
import struct
import uuid
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from models.db import session_scope
from models.entities import Photo
from models.services import photos as svc
from models.services.errors import NotFound

RED = (220, 30, 30)
BLUE = (30, 40, 220)


def _exif(taken: str | None = None, orientation: int | None = None, gps: bool = False) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif[0x0132] = "2001:01:01 00:00:00"  # IFD0 DateTime (file changed): DateTimeOriginal must win
        exif.get_ifd(0x8769)[0x9003] = taken
    exif[0x0110] = "HUAWEI P30 SECRET MODEL"
    if gps:
        exif.get_ifd(0x8825)[0x0001] = "N"
    return exif


def _two_halves(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    w, h = size
    im = Image.new("RGB", size, bottom)
    im.paste(top, (0, 0, w, h // 2))
    return im


def _jpeg(path: Path, im: Image.Image, exif: Image.Exif | None = None, quality: int = 90) -> Path:
    im.save(path, "JPEG", quality=quality, exif=exif if exif is not None else b"")
    return path


def _twelve_mp(tmp_path: Path) -> Path:
    """A 4000 × 3000 phone photo: red sky over blue water, with time, GPS and camera model in EXIF."""
    im = _two_halves((4000, 3000), RED, BLUE)
    return _jpeg(tmp_path / "IMG_20260312_093015.jpg", im, _exif("2026:03:12 09:30:15", gps=True))


def _count(factory) -> int:  # type: ignore[no-untyped-def]
    with session_scope(factory) as s:
        return s.scalar(select(func.count()).select_from(Photo))


def _stored(factory, photo_id: uuid.UUID) -> Photo:  # type: ignore[no-untyped-def]
    with session_scope(factory) as s:
        p = s.get(Photo, photo_id)
        s.expunge(p)
        return p


def test_twelve_megapixel_jpeg_stored_downscaled_with_its_time_and_without_other_exif(factory, tmp_path):
    path = _twelve_mp(tmp_path)
    with session_scope(factory) as s:
        photo_id = svc.import_file(s, path)
    p = _stored(factory, photo_id)
    assert (p.width, p.height) == (2000, 1500)
    assert p.mime == "image/jpeg"
    assert p.taken_at == datetime(2026, 3, 12, 9, 30, 15)
    assert p.original_name == "IMG_20260312_093015.jpg"
    im = Image.open(io.BytesIO(p.data))
    assert im.format == "JPEG" and im.size == (2000, 1500)
    assert not im.getexif(), "camera model and GPS position must not travel with the stored photo"
    assert len(p.data) < path.stat().st_size
    assert im.getpixel((1000, 300))[0] > 180 and im.getpixel((1000, 1200))[2] > 180
    thumb = Image.open(io.BytesIO(p.thumb))
    assert thumb.format == "JPEG" and thumb.size == (240, 180)
    with session_scope(factory) as s:
        assert svc.image_bytes(s, photo_id) == p.data


def test_rotated_phone_photo_is_stored_upright(factory, tmp_path):
    # The phone held upright saw red above blue (portrait); it wrote the pixels sideways with orientation 6
    # ("turn 90° clockwise to view").
    upright = _two_halves((2400, 3200), RED, BLUE)
    sideways = upright.rotate(90, expand=True)
    assert sideways.size == (3200, 2400)
    path = _jpeg(tmp_path / "portrait.jpg", sideways, _exif("2025:11:02 15:04:05", orientation=6))
    with session_scope(factory) as s:
        photo_id = svc.import_file(s, path)
    p = _stored(factory, photo_id)
    assert (p.width, p.height) == (1500, 2000)
    im = Image.open(io.BytesIO(p.data)).convert("RGB")
    assert im.size == (1500, 2000)
    top, bottom = im.getpixel((750, 200)), im.getpixel((750, 1800))
    assert top[0] > 180 and top[2] < 90, f"top should be red, is {top}"
    assert bottom[2] > 180 and bottom[0] < 90, f"bottom should be blue, is {bottom}"
    assert 0x0112 not in im.getexif()  # no orientation left for a viewer to apply a second time
    assert p.taken_at == datetime(2025, 11, 2, 15, 4, 5)
    thumb = Image.open(io.BytesIO(p.thumb))
    assert thumb.size == (180, 240)


def test_png_stays_png_only_with_transparency(factory, tmp_path):
    opaque = tmp_path / "截图.png"
    _two_halves((2600, 1300), RED, BLUE).save(opaque)
    alpha_but_opaque = tmp_path / "opaque-alpha.png"
    Image.new("RGBA", (300, 200), (*RED, 255)).save(alpha_but_opaque)
    transparent = tmp_path / "标注.png"
    t = Image.new("RGBA", (2400, 1200), (0, 0, 0, 0))
    t.paste((*RED, 255), (0, 0, 1200, 1200))
    t.save(transparent)
    with session_scope(factory) as s:
        ids = [svc.import_file(s, p) for p in (opaque, alpha_but_opaque, transparent)]
    a, b, c = (_stored(factory, i) for i in ids)
    assert (a.mime, a.width, a.height, a.taken_at) == ("image/jpeg", 2000, 1000, None)
    assert Image.open(io.BytesIO(a.data)).format == "JPEG"
    assert a.original_name == "截图.png"
    assert (b.mime, b.width, b.height) == ("image/jpeg", 300, 200)
    assert (c.mime, c.width, c.height) == ("image/png", 2000, 1000)
    im = Image.open(io.BytesIO(c.data))
    assert im.format == "PNG" and im.mode == "RGBA"
    assert im.getpixel((500, 500))[3] == 255 and im.getpixel((1500, 500))[3] == 0
    thumb = Image.open(io.BytesIO(c.thumb))
    assert thumb.format == "JPEG" and thumb.getpixel((180, 60)) == pytest.approx((255, 255, 255), abs=8)


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>隐患整改通知书</w:document>")
    return buf.getvalue()


def _truncated_jpeg(tmp_path: Path) -> bytes:
    data = _twelve_mp(tmp_path).read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize("name, make", [
    ("坏照片.jpg", lambda tmp: b"\xff\xd8\xff\xe0 this is not really a jpeg " * 50),
    ("半截.jpg", _truncated_jpeg),
    ("整改通知.docx", lambda tmp: _docx_bytes()),
    ("空.jpg", lambda tmp: b""),
])
def test_unusable_files_are_refused_in_chinese_and_nothing_is_stored(factory, tmp_path, name, make):
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(svc.PhotoError) as exc, session_scope(factory) as s:
        svc.import_file(s, path)
    message = str(exc.value)
    assert f"“{name}”" in message
    assert "不是可识别的图片" in message or "空文件" in message
    assert exc.value.errors[0].message == message
    assert _count(factory) == 0


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # pytest resets the module's filter
def test_decompression_bomb_refused_before_decoding(factory, tmp_path):
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # A 60 KB-ish PNG header claiming 50,000 × 50,000 px (2.5 gigapixels, 7.5 GB once decoded).
    ihdr = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")
    path = tmp_path / "bomb.png"
    path.write_bytes(data)
    with pytest.raises(svc.PhotoError, match="“bomb.png”的图片尺寸过大"), session_scope(factory) as s:
        svc.import_file(s, path)
    ihdr = struct.pack(">IIBBBBB", 12_000, 11_000, 8, 2, 0, 0, 0)  # 132 MP: below Pillow's own limit, above ours
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    with pytest.raises(svc.PhotoError, match="12000 × 11000"):
        svc.prepare_file(path)
    assert _count(factory) == 0


def test_missing_heic_and_oversized_files_get_their_own_message(tmp_path):
    with pytest.raises(svc.PhotoError, match="找不到文件“不存在.jpg”"):
        svc.prepare_file(tmp_path / "不存在.jpg")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 100)
    with pytest.raises(svc.PhotoError, match="HEIC"):
        svc.prepare_file(heic)
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as fh:
        fh.truncate(svc.MAX_FILE_BYTES + 1)  # sparse: nothing is written, the size is what counts
    with pytest.raises(svc.PhotoError, match="“huge.jpg”太大"):
        svc.prepare_file(huge)


def test_same_photo_twice_is_stored_once(factory, tmp_path):
    path = _twelve_mp(tmp_path)
    copy = tmp_path / "副本.jpg"
    copy.write_bytes(path.read_bytes())
    with session_scope(factory) as s:
        first = svc.import_file(s, path)
    with session_scope(factory) as s:
        again = svc.import_file(s, path)
        renamed = svc.import_file(s, copy)
        prepared = svc.store(s, svc.prepare_file(path))
    assert first == again == renamed == prepared
    assert _count(factory) == 1
    assert _stored(factory, first).original_name == "IMG_20260312_093015.jpg"


def test_same_photo_stored_meanwhile_by_someone_else_gives_their_id(factory, tmp_path, monkeypatch):
    """Two users import the same photo at once: the second INSERT meets the unique hash; the session goes on."""
    prepared = svc.prepare_file(_twelve_mp(tmp_path))
    with session_scope(factory) as s:
        theirs = svc.store(s, prepared)
    real_known = svc.known
    calls = []

    def known_late(session, sha256):  # type: ignore[no-untyped-def]
        calls.append(sha256)
        return None if len(calls) == 1 else real_known(session, sha256)  # the first look saw nothing yet

    monkeypatch.setattr(svc, "known", known_late)
    other = tmp_path / "other.png"
    Image.new("RGB", (50, 40), BLUE).save(other)
    with session_scope(factory) as s:
        assert svc.store(s, prepared) == theirs
        monkeypatch.setattr(svc, "known", real_known)
        mine = svc.import_file(s, other)  # the session is still usable after the refused INSERT
    assert _count(factory) == 2
    assert _stored(factory, mine).width == 50


def test_infos_in_the_given_order_without_pictures(factory, tmp_path):
    ids = []
    for n, colour in enumerate((RED, BLUE, (20, 160, 20))):
        path = tmp_path / f"p{n}.jpg"
        _jpeg(path, Image.new("RGB", (640 + n, 480), colour), _exif(f"2026:0{n + 1}:01 08:00:00"))
        with session_scope(factory) as s:
            ids.append(svc.import_file(s, path))
    wanted = [ids[2], ids[0], uuid.uuid4(), ids[1]]
    with session_scope(factory) as s:
        rows = svc.infos(s, wanted)
    assert [r.id for r in rows] == [ids[2], ids[0], ids[1]]
    assert [r.width for r in rows] == [642, 640, 641]
    assert [r.original_name for r in rows] == ["p2.jpg", "p0.jpg", "p1.jpg"]
    assert rows[1].taken_at == datetime(2026, 1, 1, 8, 0)
    assert Image.open(io.BytesIO(rows[0].thumb)).size == (240, 179)  # 642 × 480 scaled to a 240 px long edge
    assert not hasattr(rows[0], "data")
    with pytest.raises(NotFound, match="照片已不存在"), session_scope(factory) as s:
        svc.image_bytes(s, uuid.uuid4())


def test_camera_bytes_and_odd_modes_prepare_without_session():
    """prepare() takes bytes (a camera capture) and copes with CMYK and 16-bit greyscale pictures."""
    buf = io.BytesIO()
    Image.new("CMYK", (800, 600), (0, 255, 255, 0)).save(buf, "JPEG")
    p = svc.prepare(buf.getvalue(), "")
    assert (p.mime, p.width, p.height, p.original_name) == ("image/jpeg", 800, 600, "")
    r, g, b = Image.open(io.BytesIO(p.data)).convert("RGB").getpixel((10, 10))
    assert r > 200 and g < 60 and b < 60  # CMYK "no cyan, full magenta and yellow" is red
    grey16 = Image.new("I;16", (300, 200))
    grey16.paste(60000, (0, 0, 150, 200))
    buf = io.BytesIO()
    grey16.save(buf, "PNG")
    p = svc.prepare(buf.getvalue(), "scan.png")
    im = Image.open(io.BytesIO(p.data))
    assert im.getpixel((10, 10)) > 240 and im.getpixel((290, 10)) < 15
