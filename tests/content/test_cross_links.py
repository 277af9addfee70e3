"""The links a reader following one topic needs, from one module to the related step of another,
lead there in both languages."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from tests.content.conftest import LANGS, step_html
from tests.support.pages import step_address

# (module, step, module it links to, step there or "" for the module's overview), both languages.
CROSS_LINKS = [
    ("start", "interest-and-action", "sexual-thoughts", "attraction-not-behaviour"),
    ("start", "help-now", "self-compassion", "dark-thoughts"),
    ("getting-help", "crisis", "self-compassion", "dark-thoughts"),
    ("pathway", "my-triggers", "online-use", "escalation"),
    ("self-regulation", "environment", "online-use", "internet-plan"),
    ("self-regulation", "environment", "disclosure", "practical-help"),
    ("self-regulation", "difficult-emotions", "self-compassion", "shame-and-guilt"),
    ("good-life", "loneliness", "relationships", "loneliness-ladder"),
    ("getting-help", "confidentiality", "disclosure", "what-others-pass-on"),
    ("getting-help", "barriers", "self-compassion", ""),
    ("staying-on-track", "legal-and-services", "disclosure", ""),
    ("disclosure", "practical-help", "self-regulation", "environment"),
]


def links(lang: str, slug: str, step) -> set[str]:
    """Where the step's links lead, as the visitor's browser resolves them."""
    page = f"/{lang}/m/0/{step.number}"  # a step's depth: links resolve as from its address
    return {urljoin(page, href) for href in re.findall(r'href="([^"]+)"', step_html(step))}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("slug", "step_id", "to_slug", "to_step"), CROSS_LINKS)
def test_the_cross_links_lead_to_the_related_step(
    catalog, shipped_app, lang, slug, step_id, to_slug, to_step
):
    step = catalog.module(lang, slug).step(step_id)
    target = catalog.module(lang, to_slug)
    wanted = (
        step_address(lang, target, target.step(to_step))
        if to_step
        else f"/{lang}/m/{target.order}/"
    )
    assert wanted in links(lang, slug, step), (slug, step_id, wanted)
    assert shipped_app.test_client().get(wanted).status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_where_a_reader_needs_them(catalog, shipped_app, lang):
    client = shipped_app.test_client()
    disclosure = catalog.module(lang, "disclosure")
    address = step_address(lang, disclosure, disclosure.step("planning-the-conversation"))
    step = client.get(address).text
    assert 'href="../../family"' in step
    dark = catalog.module(lang, "self-compassion").step("dark-thoughts")
    assert f"/{lang}/help" in links(lang, "self-compassion", dark)
    safety = client.get(f"/{lang}/safety").text  # deleting anything else: legal advice first
    hrefs = {urljoin(f"/{lang}/safety", h) for h in re.findall(r'href="([^"]+)"', safety)}
    staying = catalog.module(lang, "staying-on-track")
    assert step_address(lang, staying, staying.step("legal-and-services")) in hrefs
