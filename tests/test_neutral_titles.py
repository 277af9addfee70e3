"""What a browser keeps is neutral by default: tab titles name the module's and the step's
numbers, never their topic (issue 23, item 4); a host may choose descriptive titles."""

from __future__ import annotations

import re

import pytest

from app.curriculum import CATALOG
from tests.support.apps import SHIPPED_CONTENT


def title(page) -> str:
    return re.search(r"<title>(.*?)</title>", page.text, re.S).group(1)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/m/5/3", "Module 5, step 3 · Rumbo"),
        ("/es/m/5/3", "Módulo 5, paso 3 · Rumbo"),
        ("/en/m/12/", "Module 12 · Rumbo"),
        ("/es/m/12/done", "Módulo 12 terminado · Rumbo"),
        ("/en/m/5/print", "Module 5 (printable) · Rumbo"),
    ],
)
def test_module_pages_have_neutral_titles(shipped_app, path, expected):
    assert title(shipped_app.test_client().get(path)) == expected


def test_no_module_or_step_title_reaches_a_tab_title(shipped_app):
    catalog = CATALOG.of(shipped_app)
    client = shipped_app.test_client()
    for lang in ("en", "es"):
        for module in catalog.modules(lang):
            for step in module.steps:
                shown = title(client.get(f"/{lang}/m/{module.order}/{step.number}"))
                assert module.title not in shown, shown
                assert step.title not in shown, shown


def test_a_host_may_choose_descriptive_titles(app_factory, tmp_path):
    app = app_factory(
        f"sqlite:///{tmp_path / 'r.db'}", tmp_path, content=SHIPPED_CONTENT, descriptive_titles=True
    )
    page = app.test_client().get("/en/m/0/1")
    assert title(page) == "Where am I? · Start here · Rumbo"
