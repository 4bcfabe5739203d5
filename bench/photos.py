"""Photos of a hazard (issue 4): three 12 MP phone JPEGs prepared (decode, turn upright, downscale, encode, thumbnail)
and stored in a fresh SQLite file, one transaction, as recording a hazard does. Target for the whole recording,
UI included: ≤ 1 s. Also: the same three in two worker threads, a second import of the same files (found by hash),
and prepare() with libjpeg's reduced-size decoding (draft) switched off, to show what it saves."""

from __future__ import annotations

import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.common import OUT, emit, median

RUNS = 5
SIZE = (4032, 3024)  # a 12 MP phone photo, 4:3


def _photos(folder: Path) -> list[Path]:
    """Three phone-like JPEGs (~3–4 MB each: gradients, texture and noise like a real scene), one of them shot
    in portrait (EXIF orientation 6), all with an EXIF time. Made once and kept in bench/out."""
    from PIL import Image, ImageDraw, ImageFilter

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_2026031{n}_0930{n}5.jpg" for n in range(3)]
    if all(p.exists() for p in paths):
        return paths
    w, h = SIZE
    for n, path in enumerate(paths):
        sky = Image.linear_gradient("L").resize((w, h)).convert("RGB")
        scene = Image.blend(sky, Image.new("RGB", (w, h), ((90, 60, 40), (40, 80, 120), (70, 110, 60))[n]), 0.5)
        draw = ImageDraw.Draw(scene)
        for k in range(60):  # shelves, drums, pipes: edges for the encoder
            x, y = (k * 397 + n * 911) % w, (k * 263 + n * 577) % h
            draw.rectangle((x, y, x + 180 + k * 7 % 300, y + 90 + k * 11 % 200),
                           fill=((k * 37) % 255, (k * 91) % 255, (k * 53) % 255))
        scene = scene.filter(ImageFilter.SMOOTH)
        noise = Image.merge("RGB", [Image.effect_noise((w, h), 30 + 5 * c) for c in range(3)])
        scene = Image.blend(scene, noise, 0.22)  # sensor noise and texture: what makes real photos 3–5 MB
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = f"2026:03:1{n} 09:30:{n}5"
        if n == 1:
            exif[0x0112] = 6
        scene.save(path, "JPEG", quality=92, exif=exif)
    return paths


def _fresh_db(template: Path, n: int) -> str:
    target = OUT / f"photos-run-{n}.sqlite3"
    for p in OUT.glob(target.name + "*"):
        p.unlink()
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def run() -> None:
    from PIL import JpegImagePlugin

    from models import schema
    from models.db import make_engine, make_session_factory, session_scope
    from models.services import photos

    OUT.mkdir(parents=True, exist_ok=True)
    paths = _photos(OUT / "photos")
    megabytes = [round(p.stat().st_size / 1e6, 2) for p in paths]
    template = OUT / "photos-template.sqlite3"
    for p in OUT.glob(template.name + "*"):
        p.unlink()
    engine = make_engine(f"sqlite:///{template}")
    schema.ensure_current(engine)
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    photos.prepare_file(paths[0])  # warm-up: Pillow's plugins, libjpeg

    serial, parallel, again, per_photo = [], [], [], []
    stored_bytes: list[int] = []
    for n in range(RUNS):
        engine = make_engine(_fresh_db(template, n))
        factory = make_session_factory(engine)
        with session_scope(factory) as s:  # connect and migrate-check outside the timing
            s.connection()
        t0 = time.perf_counter()
        with session_scope(factory) as s:
            ids = []
            for p in paths:
                t1 = time.perf_counter()
                prepared = photos.prepare_file(p)
                per_photo.append((time.perf_counter() - t1) * 1000)
                ids.append(photos.store(s, prepared))
        serial.append((time.perf_counter() - t0) * 1000)
        with session_scope(factory) as s:
            stored_bytes = [len(photos.image_bytes(s, i)) for i in ids]
        t0 = time.perf_counter()
        with session_scope(factory) as s:
            assert [photos.import_file(s, p) for p in paths] == ids
        again.append((time.perf_counter() - t0) * 1000)
        engine.dispose()

        engine = make_engine(_fresh_db(template, n))
        factory = make_session_factory(engine)
        with session_scope(factory) as s:
            s.connection()
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2) as pool:  # what the UI can do: prepare off the UI thread
            prepared_all = list(pool.map(photos.prepare_file, paths))
        with session_scope(factory) as s:
            for prepared in prepared_all:
                photos.store(s, prepared)
        parallel.append((time.perf_counter() - t0) * 1000)
        engine.dispose()

    common = {"photos": len(paths), "source_mb": megabytes, "stored_kb": [b // 1024 for b in stored_bytes],
              "runs": RUNS}
    emit("photos_three_12mp_prepare_store_median", median(serial), "ms", "<= 1000 ms (whole hazard recording)",
         **common)
    emit("photos_three_12mp_prepare_store_max", max(serial), "ms", "<= 1000 ms (whole hazard recording)", **common)
    emit("photos_three_12mp_two_workers_median", median(parallel), "ms", "none (reported)", **common)
    emit("photos_prepare_one_12mp_median", median(per_photo), "ms", "none (reported)",
         stdev=round(statistics.pstdev(per_photo), 1), runs=len(per_photo))
    emit("photos_same_three_again_median", median(again), "ms", "none (reported): found by hash, no decoding",
         **common)

    # The same prepare() with libjpeg decoding at full size (draft off), to show what draft() saves.
    original = JpegImagePlugin.JpegImageFile.draft
    JpegImagePlugin.JpegImageFile.draft = lambda self, mode, size: None  # type: ignore[method-assign]
    try:
        full = []
        for _ in range(RUNS):
            for p in paths:
                t1 = time.perf_counter()
                photos.prepare_file(p)
                full.append((time.perf_counter() - t1) * 1000)
    finally:
        JpegImagePlugin.JpegImageFile.draft = original  # type: ignore[method-assign]
    emit("photos_prepare_one_12mp_without_draft_median", median(full), "ms", "none (reported): for comparison",
         runs=len(full))
    for n in range(RUNS):
        for p in OUT.glob(f"photos-run-{n}.sqlite3*"):
            p.unlink()


if __name__ == "__main__":
    run()
