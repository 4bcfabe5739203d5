"""Photos for on-site hazard recording (issue 4): import from a file, a drop or the laptop camera; downscale, turn
upright, store once per content hash. No Qt; services take a session, never commit, and return plain data.

Import is two steps so the slow one can run off the UI thread:

    prepared = prepare_file(path)        # or prepare(data, name): pure CPU work, no session — safe in a worker
    photo_id = store(session, prepared)  # one SELECT, at most one INSERT

What is stored (the ``photos`` row):

- ``data``: the picture with its EXIF orientation applied (``ImageOps.exif_transpose``), downscaled to at most
  ``MAX_EDGE`` px on the long edge, re-encoded as JPEG quality ``JPEG_QUALITY`` — or as PNG when the picture really has
  transparent pixels (a screenshot with an alpha channel that is all opaque becomes JPEG too). The rest of EXIF is
  dropped (GPS position, phone model, the embedded preview: privacy and size); the ICC colour profile is kept.
- ``taken_at``: EXIF DateTimeOriginal (else DateTimeDigitized, else DateTime) as the naive local time the camera
  wrote; None when the file has none (a PNG, most camera captures — the caller may ``dataclasses.replace`` it).
- ``thumb``: a JPEG of at most ``THUMB_EDGE`` px (transparent parts on white) for strips and lists, so a list of
  photos never loads the full pictures (``infos``).

The hash (``sha256``, unique) is of the ORIGINAL bytes the user gave, not of the re-encoded picture:

- the same file imported twice is recognised before any decoding (``import_file`` hashes, looks up, and only
  decodes an unknown file: a second import of a 12 MP photo costs a hash and one SELECT, ~10 ms);
- the key does not depend on Pillow's version or on our quality settings: two offline laptops that import the same
  photo produce the same key, so their records merge into one photo later. A hash of the output would change with
  any encoder change and silently duplicate every photo imported after it.
The price: the same picture saved twice with different bytes (re-exported, messenger-compressed) is two photos.
A perceptual hash could merge those, but it would also merge two genuinely different shots of the same hazard
(before/after rectification taken from the same spot), which must stay separate.

Rejected with ``PhotoError`` (a Chinese sentence naming the file), nothing stored: files over ``MAX_FILE_BYTES``,
anything Pillow does not recognise as one of ``_FORMATS`` (HEIC gets its own hint), corrupt or truncated data,
and pictures over ``MAX_PIXELS`` or ``MAX_SIDE`` (a decompression bomb: a tiny PNG that claims 50,000 × 50,000 px).

Speed: a big JPEG is decoded at 1/2, 1/4 or 1/8 scale by libjpeg itself (``Image.draft``), so a 4000 × 3000 photo is
decoded straight to 2000 × 1500; about half the time of a full decode plus resize (``python -m bench photos``).

No audit entry: a photo is content-addressed and never edited; what the user did (a hazard gained a photo) is
recorded by the hazard's own service. Photos are never deleted here: one row may be shared by several hazards, so a
clean-up of unreferenced photos belongs to whoever owns the references.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.entities import Photo
from models.services.errors import FieldError, NotFound, ValidationFailed

MAX_EDGE = 2000  # px, long edge of the stored picture
THUMB_EDGE = 240  # px, long edge of the thumbnail
JPEG_QUALITY = 85
THUMB_QUALITY = 80
MAX_FILE_BYTES = 60 * 1024 * 1024  # a 108 MP phone photo is ~25 MB; anything larger is not a photo
MAX_PIXELS = 120_000_000  # 108 MP phones (12000 × 9000) pass; larger is refused before decoding
MAX_SIDE = 30_000  # px, either side (a 1 × 100,000 strip is no photo either)

# Formats taken as photos. MPO is how Pillow names the JPEG of many phones and cameras (multi-picture JPEG).
_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "BMP", "TIFF", "GIF"}
_JPEG_FORMATS = {"JPEG", "MPO"}

# EXIF tags (Pillow's ExifTags.Base values): IFD0 DateTime, the Exif sub-IFD pointer, and inside it the original and
# digitised times.
_TAG_DATETIME = 0x0132
_TAG_EXIF_IFD = 0x8769
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_DATETIME_DIGITIZED = 0x9004

# We check the size ourselves (MAX_PIXELS) before decoding; Pillow's own warning for pictures above ~89 MP would only
# add noise for a 108 MP phone photo that we accept on purpose. Pillow still raises above ~179 MP (caught below).
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


class PhotoError(ValidationFailed):
    """A file that cannot become a photo; the message names the file. Nothing was stored."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__([FieldError("photo", message)])


@dataclass(frozen=True)
class PreparedPhoto:
    """A picture ready to store: what ``prepare`` made of a file, before any database work."""

    sha256: str  # of the original bytes (see the module docstring)
    mime: str  # "image/jpeg" or "image/png"
    width: int  # of ``data``, upright
    height: int
    taken_at: datetime | None  # EXIF time, naive local
    original_name: str
    data: bytes
    thumb: bytes  # JPEG, long edge ≤ THUMB_EDGE


@dataclass(frozen=True)
class PhotoInfo:
    """What a strip or a list shows of a stored photo (no full picture)."""

    id: uuid.UUID
    width: int
    height: int
    taken_at: datetime | None
    original_name: str
    thumb: bytes


# ================================================================================================ preparing


def content_hash(data: bytes) -> str:
    """The key a photo is stored under: sha256 of the original bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def _label(name: str) -> str:
    return Path(name).name if name else "（未命名）"


def _unreadable(name: str) -> PhotoError:
    return PhotoError(name, f"文件“{_label(name)}”不是可识别的图片（已损坏或格式不支持）。")


def prepare(data: bytes, name: str = "") -> PreparedPhoto:
    """Decode ``data`` (a file's bytes, a camera JPEG), turn it upright, downscale and re-encode it.

    Pure CPU work without a session: call it in a worker thread. Raises ``PhotoError`` for anything that is not a
    usable picture."""
    label = _label(name)
    if not data:
        raise PhotoError(name, f"文件“{label}”是空文件，不是图片。")
    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(name, f"文件“{label}”太大（{len(data) / 1048576:.0f} MB），照片不能超过 "
                               f"{MAX_FILE_BYTES // 1048576} MB。")
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1"):
        raise PhotoError(name, f"文件“{label}”是 HEIC 格式（苹果手机的默认格式），本程序不能读取。请在手机上把"
                               "“设置 → 相机 → 格式”改为“兼容性最佳”后重新拍摄，或先转换为 JPEG。")
    sha = content_hash(data)
    try:
        im = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise _too_big(name, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _unreadable(name) from exc
    with im:
        if im.format not in _FORMATS:
            raise _unreadable(name)
        w, h = im.size
        if w <= 0 or h <= 0:
            raise _unreadable(name)
        if w * h > MAX_PIXELS or max(w, h) > MAX_SIDE:
            raise _too_big(name, (w, h))
        try:
            taken_at = _exif_time(im)
            if getattr(im, "n_frames", 1) > 1:
                im.seek(0)  # an animated GIF/WebP, a multi-page TIFF, a stereo MPO: the first picture
            if im.format in _JPEG_FORMATS and max(w, h) > MAX_EDGE:
                # libjpeg decodes at 1/2, 1/4 or 1/8 scale, choosing the smallest that is still ≥ the size asked.
                scale = MAX_EDGE / max(w, h)
                im.draft(im.mode, (max(1, int(w * scale)), max(1, int(h * scale))))
            im.load()
            icc = im.info.get("icc_profile")
            ImageOps.exif_transpose(im, in_place=True)  # turns the pixels and drops the orientation tag
            width, height, mime, data_out, thumb = _encode(im, icc)
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError, Image.DecompressionBombError) as exc:
            # OSError covers "image file is truncated" and broken data streams.
            raise _unreadable(name) from exc
    return PreparedPhoto(sha256=sha, mime=mime, width=width, height=height, taken_at=taken_at,
                         original_name=_stored_name(name), data=data_out, thumb=thumb)


def _too_big(name: str, size: tuple[int, int] | None) -> PhotoError:
    dims = f"（{size[0]} × {size[1]} 像素）" if size else ""
    return PhotoError(name, f"文件“{_label(name)}”的图片尺寸过大{dims}，不像是照片，未导入。")


def _stored_name(name: str) -> str:
    base = Path(name).name if name else ""
    if len(base) <= 200:
        return base
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 10:
        return stem[: 199 - len(ext)] + "." + ext
    return base[:200]


def _exif_time(im: Image.Image) -> datetime | None:
    """The time the camera wrote into EXIF, as a naive local datetime; None when absent or malformed."""
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - a broken EXIF block must not cost the picture
        return None
    if not exif:
        return None
    try:
        sub = exif.get_ifd(_TAG_EXIF_IFD)
    except Exception:  # noqa: BLE001
        sub = {}
    for value in (sub.get(_TAG_DATETIME_ORIGINAL), sub.get(_TAG_DATETIME_DIGITIZED), exif.get(_TAG_DATETIME)):
        parsed = _parse_exif_time(value)
        if parsed is not None:
            return parsed
    return None


def _parse_exif_time(value: object) -> datetime | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "ignore")
    if not isinstance(value, str):
        return None
    text = value.strip().strip("\x00").strip()
    for fmt in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M"):
        try:
            parsed = datetime.strptime(text[:19], fmt)
        except ValueError:
            continue
        return parsed if parsed.year >= 1990 else None  # "0000:00:00 00:00:00" and unset clocks
    return None


def _has_transparency(im: Image.Image) -> bool:
    if im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info:
        alpha = im.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return False


def _flatten(im: Image.Image, transparent: bool) -> Image.Image:
    """RGB/L for JPEG, RGBA for PNG. 16-bit and float greyscale are scaled to 8 bits (convert() would clip them)."""
    if transparent:
        return im if im.mode == "RGBA" else im.convert("RGBA")
    if im.mode in ("RGB", "L"):
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        lo, hi = im.getextrema()
        span = max(1, hi - lo)
        return im.convert("I").point(lambda v: (v - lo) * 255 / span).convert("L")
    if im.mode == "F":
        lo, hi = im.getextrema()
        span = (hi - lo) or 1.0
        return im.point(lambda v: (v - lo) * 255 / span).convert("L")
    if im.mode in ("LA", "RGBA", "PA") or "transparency" in im.info:
        return im.convert("RGBA").convert("RGB")  # opaque alpha (checked): drop it
    return im.convert("RGB")  # P, CMYK, YCbCr, 1 …


def _fit(im: Image.Image, edge: int) -> Image.Image:
    w, h = im.size
    if max(w, h) <= edge:
        return im
    scale = edge / max(w, h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    # reducing_gap: a cheap box reduction first when the factor is large (a PNG or a non-JPEG); after draft() a JPEG
    # is within 2× of the target and only the bicubic pass runs.
    return im.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)


def _encode(upright: Image.Image, icc: bytes | None) -> tuple[int, int, str, bytes, bytes]:
    """(width, height, mime, picture bytes, thumbnail JPEG bytes) of the upright picture."""
    transparent = _has_transparency(upright)
    out = _fit(_flatten(upright, transparent), MAX_EDGE)
    # The colour profile stays when it fits the output (an RGB profile for RGB, a grey one for L); the profile of a
    # CMYK JPEG would be wrong after the conversion to RGB and is dropped (the conversion is then naive, as everywhere).
    space = {"RGB": b"RGB ", "RGBA": b"RGB ", "L": b"GRAY"}.get(out.mode)
    extra = {"icc_profile": icc} if icc and len(icc) >= 20 and icc[16:20] == space else {}
    buf = io.BytesIO()
    if transparent:
        out.save(buf, "PNG", compress_level=6, **extra)
    else:
        out.save(buf, "JPEG", quality=JPEG_QUALITY, **extra)
    small = _fit(out, THUMB_EDGE)
    if small.mode == "RGBA":
        white = Image.new("RGB", small.size, (255, 255, 255))
        white.paste(small, mask=small.getchannel("A"))
        small = white
    tbuf = io.BytesIO()
    small.save(tbuf, "JPEG", quality=THUMB_QUALITY)
    return out.width, out.height, ("image/png" if transparent else "image/jpeg"), buf.getvalue(), tbuf.getvalue()


def prepare_file(path: Path) -> PreparedPhoto:
    """Read ``path`` and ``prepare`` it; a missing, unreadable or too large file is a ``PhotoError`` too."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PhotoError(name, f"“{name}”不是文件，不能作为照片导入。")
        if size > MAX_FILE_BYTES:
            raise PhotoError(name, f"文件“{name}”太大（{size / 1048576:.0f} MB），照片不能超过 "
                                   f"{MAX_FILE_BYTES // 1048576} MB。")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PhotoError(name, f"找不到文件“{name}”（可能已被移动或删除）。") from None
    except PermissionError:
        raise PhotoError(name, f"没有权限读取文件“{name}”。") from None
    except OSError as exc:
        raise PhotoError(name, f"无法读取文件“{name}”：{exc.strerror or exc}。") from None
    return prepare(data, name)


# ================================================================================================ storing


def known(session: Session, sha256: str) -> uuid.UUID | None:
    """The id of the photo stored under ``sha256``, or None."""
    return session.scalar(select(Photo.id).where(Photo.sha256 == sha256))


def store(session: Session, prepared: PreparedPhoto) -> uuid.UUID:
    """Store ``prepared`` unless a photo with its hash exists; the photo's id either way. Flushes, never commits.

    Two users importing the same photo at the same moment (PostgreSQL): the second INSERT hits the unique key; it is
    undone inside a savepoint and the first one's id is returned."""
    existing = known(session, prepared.sha256)
    if existing is not None:
        return existing
    photo = Photo(sha256=prepared.sha256, mime=prepared.mime, width=prepared.width, height=prepared.height,
                  taken_at=prepared.taken_at, original_name=prepared.original_name, data=prepared.data,
                  thumb=prepared.thumb)
    try:
        with session.begin_nested():
            session.add(photo)
            session.flush()
    except IntegrityError:
        existing = known(session, prepared.sha256)
        if existing is None:
            raise
        return existing
    return photo.id


def import_file(session: Session, path: Path) -> uuid.UUID:
    """Import one file: a file stored before is found by its hash without decoding it; else prepare and store."""
    path = Path(path)
    try:
        data = path.read_bytes() if path.is_file() and path.stat().st_size <= MAX_FILE_BYTES else None
    except OSError:
        data = None
    if data is not None:
        existing = known(session, content_hash(data))
        if existing is not None:
            return existing
        return store(session, prepare(data, path.name))
    return store(session, prepare_file(path))  # raises the right PhotoError for a missing/large/unreadable file


# ================================================================================================ reading

_CHUNK = 500  # ids per IN (…) list


def infos(session: Session, ids: list[uuid.UUID]) -> list[PhotoInfo]:
    """The photos ``ids`` in that order, without their full pictures; ids that no longer exist are left out."""
    found: dict[uuid.UUID, PhotoInfo] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(Photo.id, Photo.width, Photo.height, Photo.taken_at, Photo.original_name, Photo.thumb)
            .where(Photo.id.in_(wanted[i:i + _CHUNK])))
        for r in rows:
            found[r.id] = PhotoInfo(id=r.id, width=r.width, height=r.height, taken_at=r.taken_at,
                                    original_name=r.original_name or "", thumb=r.thumb or b"")
    return [found[i] for i in ids if i in found]


def image_bytes(session: Session, photo_id: uuid.UUID) -> bytes:
    """The stored picture (JPEG or PNG) of ``photo_id``."""
    data = session.scalar(select(Photo.data).where(Photo.id == photo_id))
    if data is None:
        raise NotFound("该照片已不存在（可能已被其他用户删除）。")
    return bytes(data)
