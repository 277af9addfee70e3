"""The portal's one answer to imminent risk, word for word in each language, and Stop It Now's
confidentiality rule as the help directory states it. Modules, pages and their tests all use
these wordings; compare the imminent-risk ones with lower-cased text.

One destination: a child in danger goes to the emergency number, anything else to a prevention
line; never a suicide line for a risk to a child (issue 22)."""

from __future__ import annotations

IMMINENT = {
    "en": "get away from the child, make sure the child is safe, then call. if the child is in"
    " danger, call the emergency number; if not, a prevention line",
    "es": "aléjate del menor, asegúrate de que esté a salvo y después llama. si está en peligro,"
    " llama al número de emergencias; si no, a una línea de prevención",
}
# The same answer online: a chat with someone under 18, or a meeting being arranged.
IMMINENT_ONLINE = {
    "en": "stop writing, do not meet anyone, then call. if a child is in danger, call the"
    " emergency number; if not, a prevention line",
    "es": "deja de escribir, no quedes con nadie y después llama. si un menor está en peligro,"
    " llama al número de emergencias; si no, a una línea de prevención",
}
# Stop It Now UK & Ireland's rule in Spanish, as the Spanish help directory states it; the
# English one is read from docs/facts.md itself.
STOP_IT_NOW_RULE_ES = (
    "si das datos que te identifican y después información que identifica a un niño o una niña"
    " que ha sufrido abusos o está en riesgo de sufrirlos, o que indica que otra persona está en"
    " riesgo de sufrir daño, el servicio la comunicará a los organismos competentes, y también"
    " comunicará los detalles de cualquier delito cometido"
)
