"""The visitor's threads as their workbook holds them: each thread's id and private key.

This is the only link between a workbook and its threads, and it lives inside the workbook's
ciphertext: the database cannot tell which threads belong to which workbook. No Flask here.
"""

from __future__ import annotations

from collections.abc import Callable

from ..workbook.store import Workbook
from .crypto import Unreadable, from_text, to_text

MAX_THREADS = 20


class TooManyThreads(Exception):
    """The workbook already holds ``MAX_THREADS`` threads: the visitor deletes one first."""


def thread_keys(workbook: Workbook) -> dict[str, bytes]:
    """Thread id -> the thread's private key, oldest thread first; unreadable entries skipped."""
    found: dict[str, bytes] = {}
    for item in workbook.guided.get("threads", []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            try:
                found[item["id"]] = from_text(str(item.get("key", "")))
            except Unreadable:
                continue
    return found


def add_thread(thread_id: str, private_key: bytes) -> Callable[[Workbook], None]:
    """An edit for ``store.change``: the workbook now holds this thread."""

    def edit(workbook: Workbook) -> None:
        threads = workbook.guided.setdefault("threads", [])
        if len(threads) >= MAX_THREADS:
            raise TooManyThreads
        threads.append({"id": thread_id, "key": to_text(private_key)})

    return edit


def remove_thread(thread_id: str) -> Callable[[Workbook], None]:
    """An edit for ``store.change``: the workbook no longer holds this thread."""

    def edit(workbook: Workbook) -> None:
        threads = workbook.guided.get("threads", [])
        workbook.guided["threads"] = [
            t for t in threads if not (isinstance(t, dict) and t.get("id") == thread_id)
        ]

    return edit
