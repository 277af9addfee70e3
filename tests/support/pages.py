"""Every page a visitor can reach, from the catalogue, for audits that must cover them all."""

from __future__ import annotations


def every_page(app) -> list[str]:
    catalog = app.extensions["rumbo.catalog"]
    urls = ["/"]
    for lang in app.extensions["rumbo.settings"].locales:
        urls += [f"/{lang}/", f"/{lang}/modules/", f"/{lang}/help", f"/{lang}/help?country=ES",
                 f"/{lang}/privacy", f"/{lang}/safety", f"/{lang}/family", f"/{lang}/workbook", f"/{lang}/workbook/plan",
                 f"/{lang}/resume", f"/{lang}/check-in", f"/{lang}/check-in/saved",
                 f"/{lang}/now", f"/{lang}/no-such-page"]  # fmt: skip
        for module in catalog.modules(lang):
            urls.append(f"/{lang}/modules/{module.slug}/")
            urls.append(f"/{lang}/modules/{module.slug}/done")
            urls.append(f"/{lang}/modules/{module.slug}/print")
            urls += [f"/{lang}/modules/{module.slug}/{step.id}" for step in module.steps]
    return urls
