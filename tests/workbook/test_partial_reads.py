"""A page decrypts only what it shows (issue 28): a step page's work is the same for a visitor
who answered one module as for one who answered every module and checked in every week."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.curriculum import CATALOG
from app.workbook import parts, store
from tests.support.year import filled, pages_of, step_addresses, year_of_use


@dataclass
class Decrypted:
    """Every decryption of workbook content in a request: how many, and how many bytes."""

    times: int = 0
    bytes: int = 0


@pytest.fixture
def decrypted(monkeypatch) -> Decrypted:
    seen = Decrypted()

    def counting(real):
        def unseal(key: bytes, sealed: bytes, context: bytes) -> bytes:
            seen.times += 1
            seen.bytes += len(sealed)
            return real(key, sealed, context)

        return unseal

    monkeypatch.setattr(parts, "unseal", counting(parts.unseal))
    monkeypatch.setattr(store, "unseal", counting(store.unseal))
    return seen


def module_steps(catalog, order: int) -> list[str]:
    return [a for a, _ in step_addresses(catalog) if a.startswith(f"/es/m/{order}/")]


def answered_one_module(app, order: int):
    client = app.test_client()
    pages = pages_of(client)
    for address in module_steps(CATALOG.of(app), order):
        assert client.post(address, data=filled(pages, address)).status_code == 303
    return client


def year_visitor(app, weeks: int = 52):
    client = app.test_client()
    year_of_use(pages_of(client), CATALOG.of(app), weeks=weeks)
    return client


def work_of(client, address: str, decrypted: Decrypted) -> tuple[int, int]:
    decrypted.times = decrypted.bytes = 0
    assert client.get(address).status_code == 200
    return decrypted.times, decrypted.bytes


def test_a_step_page_decrypts_the_same_for_one_module_as_for_a_whole_year(shipped_app, decrypted):
    catalog = CATALOG.of(shipped_app)
    step = module_steps(catalog, 3)[0]
    one_module = work_of(answered_one_module(shipped_app, 3), step, decrypted)
    whole_year = work_of(year_visitor(shipped_app), step, decrypted)
    print(f"step page: {one_module} (one module) vs {whole_year} (a year): decryptions, bytes")
    assert one_module == whole_year
    assert whole_year[0] == 2  # the index and the module's part
    assert whole_year[1] < 16 * 1024


def test_the_workbook_overview_does_not_read_every_check_in(shipped_app, decrypted):
    a_quarter = work_of(year_visitor(shipped_app, weeks=13), "/es/workbook", decrypted)
    a_year = work_of(year_visitor(shipped_app, weeks=52), "/es/workbook", decrypted)
    print(f"overview: {a_quarter} (13 check-ins) vs {a_year} (52 check-ins)")
    assert a_year == a_quarter  # the index, the starting rulers' module, the newest chunk
    assert a_year[0] <= 3  # every module's status and rating come from the index's notes


@pytest.mark.parametrize("address", ["/es/", "/es/modules/", "/es/m/3/"])
def test_the_visitors_place_is_read_from_the_index_alone(shipped_app, decrypted, address):
    """Home, the module list and a module's overview show each module's status and where to
    continue; for a year of answers they decrypt the index only, not one module's answers."""
    client = year_visitor(shipped_app, weeks=1)
    if address == "/es/modules/":
        assert client.get(address).text.count("status-done") == len(
            CATALOG.of(shipped_app).modules("es")
        )
    assert work_of(client, address, decrypted)[0] == 1
