"""Where the program keeps its files. TIJIAN_HOME overrides everything (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "Tijian"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FONT_FILE = RESOURCES / "fonts" / "DroidSansFallbackFull.ttf"
FONT_FAMILY = "Droid Sans Fallback"
TRANSLATIONS = RESOURCES / "translations"
STYLES = RESOURCES / "styles"


def _home() -> Path | None:
    h = os.environ.get("TIJIAN_HOME")
    return Path(h) if h else None


def data_dir() -> Path:
    if (h := _home()) is not None:
        return h / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    if (h := _home()) is not None:
        return h / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Where window geometry and other per-user settings (QSettings, INI format) are kept."""
    if (h := _home()) is not None:
        return h / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False))


def cache_dir() -> Path:
    if (h := _home()) is not None:
        return h / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'tijian.sqlite3'}"


def resolve_db_url(arg: str | None) -> str:
    """``--db`` beats ``TIJIAN_DB`` beats the embedded file in the user's data folder.
    A bare file path is accepted as a SQLite database."""
    url = arg or os.environ.get("TIJIAN_DB") or default_db_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
