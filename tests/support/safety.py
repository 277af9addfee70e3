"""The portal's one answer to imminent risk of contact with a child, word for word in each
language (curriculum brief: "get away from the child, make sure the child is safe, then call").
Modules, pages and their tests all use this wording; compare it with lower-cased text."""

from __future__ import annotations

IMMINENT = {
    "en": "get away from the child, make sure the child is safe, then call",
    "es": "aléjate del niño o la niña, asegúrate de que esté a salvo y después llama",
}
