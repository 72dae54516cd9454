"""The lists the figures are keyed and named by (activity kinds, services, feedback categories,
places), fetched once per request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ..db.session import Ctx
from ..services import lookups
from ..services.lookups import CategoryInfo, KindInfo, ServiceInfo
from ..services.places import PlaceInfo, list_places


@dataclass(frozen=True)
class Reference:
    kinds: tuple[KindInfo, ...]
    services: tuple[ServiceInfo, ...]
    categories: tuple[CategoryInfo, ...]
    places: tuple[PlaceInfo, ...]

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """Swedish names for the keys of the figures (as `lookups.labels`)."""
        return lookups.labels_of(self.kinds, self.services, self.categories)

    def place_names(self, last: dt.date, used: set[int]) -> dict[int, str]:
        """Each place of `used` (those with sessions in the period), by its name at the period's
        end (or when it closed)."""
        return {place.id: place.name_on(min(last, place.closed_on or last))
                for place in self.places if place.id in used}


def load_reference(ctx: Ctx) -> Reference:
    return Reference(
        kinds=tuple(lookups.activity_kinds(ctx)),
        services=tuple(lookups.services(ctx)),
        categories=tuple(lookups.feedback_categories(ctx)),
        places=tuple(list_places(ctx)),
    )
