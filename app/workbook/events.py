"""What the workbook announces, for packages above it that keep something of their own about a
workbook (guided support's threads) and must let go of it too. The workbook imports none of them.

``erasing``: sent with ``workbook=`` just before the visitor's workbook is deleted.
``purging``: sent with ``today=`` when expired workbooks are purged.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()
erasing = _signals.signal("workbook-erasing")
purging = _signals.signal("workbook-purging")
