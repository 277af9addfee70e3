"""What the preview watches: a cheap fingerprint of every file under the content folder."""

from __future__ import annotations

import os
from pathlib import Path

Fingerprint = frozenset[tuple[str, int, int, int]]


def fingerprint(folder: Path) -> Fingerprint:
    """Each file's path, inode, modification time and size: any change to a file changes it
    (editors that save by writing a new file and renaming it change the inode).

    A few dozen ``stat`` calls (well under a millisecond for the shipped content), so the
    preview can afford it on every request. Editors' hidden and backup files are left out.
    """
    found: set[tuple[str, int, int, int]] = set()
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith((".", "#")) or name.endswith("~"):
                continue
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:  # removed while we looked: the next request sees the change
                continue
            found.add((path, info.st_ino, info.st_mtime_ns, info.st_size))
    return frozenset(found)
