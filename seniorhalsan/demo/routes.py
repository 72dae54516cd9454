"""How the demo's persons found each service: one route per person and service, as the contact form
asks at the first contact. Few came by Senior Connect (seed 000: "endast ett fåtal"); the year before
the demo's first year the question was not yet asked of everyone."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from ..db.bulk import insert_values, new_ids
from ..db.models import Contact, PersonRoute, Service

# each service's routes and how often each is taken
WEIGHTS = {
    "it_stod": {"annons_folder": 30, "sjalv_grannar": 25, "annan_enhet": 12, "anhorig": 12, "vardcentral": 6,
                "bistandshandlaggare": 5, "tryggt_mottagande": 3, "okant": 7},
    "fixartjanst": {"bistandshandlaggare": 35, "annons_folder": 25, "anhorig": 12, "sjalv_grannar": 12,
                    "vardcentral": 5, "tryggt_mottagande": 4, "annan_enhet": 4, "okant": 3},
    "syn_horsel": {"vardcentral": 30, "bistandshandlaggare": 15, "anhorig": 15, "annons_folder": 12,
                   "sjalv_grannar": 10, "annan_enhet": 10, "tryggt_mottagande": 3, "okant": 5},
    "anhorigstod": {"bistandshandlaggare": 30, "vardcentral": 20, "annan_enhet": 15, "annons_folder": 12,
                    "sjalv_grannar": 10, "anhorig": 5, "tryggt_mottagande": 3, "okant": 5},
    "aldrestod": {"vardcentral": 25, "bistandshandlaggare": 20, "tryggt_mottagande": 12, "annons_folder": 12,
                  "anhorig": 10, "sjalv_grannar": 10, "senior_connect": 5, "okant": 6},
}


def routes(ctx, first_year: int, rng: random.Random) -> int:
    """A route for every person and service with a contact; the number recorded."""
    services = {s.id: s.key for s in ctx.session.scalars(select(Service))}
    firsts = ctx.session.execute(
        select(Contact.person_id, Contact.service_id, func.min(Contact.contact_date))
        .where(Contact.unit_id == ctx.unit_id)
        .group_by(Contact.person_id, Contact.service_id)
        .order_by(Contact.person_id, Contact.service_id)).all()
    rows = []
    for person_id, service_id, first in firsts:
        weights = WEIGHTS.get(services[service_id])
        unasked = 0.25 if first.year <= first_year else 0.04
        if weights is None or rng.random() < unasked:
            continue
        route = rng.choices(list(weights), weights=list(weights.values()))[0]
        rows.append((person_id, service_id, route))
    table = PersonRoute.__table__
    insert_values(ctx.session, table, ("id", "person_id", "service_id", "route"),
                  [(row_id, *row) for row_id, row in zip(new_ids(ctx.session, table, len(rows)), rows, strict=True)])
    return len(rows)
