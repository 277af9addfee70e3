"""Which services count as crisis lines: the ones every page lists, before anything else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .directory import Country, HelpDirectory

CrisisLines = Mapping[str, tuple[Country, ...]]  # per locale


def crisis_lines(directory: HelpDirectory, locales: Iterable[str]) -> CrisisLines:
    """Per locale, each country with its crisis services that can be phoned. A service still
    marked ``confirm-before-publishing`` is left out: a number someone dials in a hurry must be
    one the host has checked (the help directory shows it, with its note)."""
    return {lang: _for_locale(directory, lang) for lang in locales}


def _for_locale(directory: HelpDirectory, lang: str) -> tuple[Country, ...]:
    countries = []
    for country in directory.for_locale(lang):
        phoned = tuple(s for s in country.of_kind("crisis") if s.phone and not s.needs_confirming)
        if phoned:
            countries.append(Country(country.code, country.name, phoned))
    return tuple(countries)
