"""Files the portal creates under instance/: readable and writable by its own user only
(0600, folders 0700), whatever the process's umask. The development key, the SQLite database
and its -wal and -shm files (which SQLite creates with the database file's mode) and the
work-gate slots all hold what nobody else on the machine should read."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Make ``path`` (and missing parents) as a folder only the owner can open."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty, mode 0600, unless it exists; never loosen or rewrite one."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    return path
