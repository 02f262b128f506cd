"""Where Spinewise keeps its data (the SQLite database, collected static files).

The web app and the CLI share one store, so both call :func:`data_dir`.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from spinewise.private_files import make_private_dir

DATA_DIR_ENV = "SPINEWISE_DATA_DIR"


def data_dir() -> Path:
    """The data folder: ``$SPINEWISE_DATA_DIR`` or the user's data folder; created if missing,
    readable by its owner only (0700)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    path = Path(override).expanduser() if override else Path(user_data_dir("spinewise"))
    return make_private_dir(path).resolve()
