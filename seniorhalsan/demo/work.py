"""The demo's group meetings, trainings for others' staff, and Tyck till items with their answers."""

from __future__ import annotations

import datetime as dt

from ..periods import add_months
from ..services import feedback as feedback_service
from ..services import groups as group_service
from .catalogue import FEEDBACK, FIRST_NAMES_WOMEN, SURNAMES
from .dates import nth_weekday


class WorkDemo:
    """The part of `DemoBuilder` that makes group meetings, trainings and feedback."""

    def groups_and_trainings(self, year: int) -> None:
        ctx, rng = self.ctx, self.rng
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), ctx.today)

        def meeting(service, day, kind, title, participants, staff=None, place="Axelsberg"):
            if first <= day <= last:
                group_service.add_group_meeting(
                    ctx, service=service, held_on=day, kind=kind, title=title, participants=participants,
                    staff_id=self.staff.get(staff), place_id=self.places[place].id,
                )

        carers = ["Partner till person med demenssjukdom", "Vuxna barn till förälder med kognitiv sjukdom",
                  "Anhöriga till närstående på boende", "Lewy Body, länsövergripande"]
        for g in range(11):
            start = dt.date(year, 2 if g < 6 else 9, 3 + g)
            for n in range(6):
                meeting("anhorigstod", start + dt.timedelta(weeks=2 * n), "anhoriggrupp",
                        f"Anhöriggrupp {g + 1}: {carers[g % len(carers)]}", rng.randint(5, 9), "Camilla Öst")
        for month in (2, 3, 4, 5, 9, 10, 11, 12):
            meeting("syn_horsel", nth_weekday(year, month, 2, 2), "grupp", "Syn- och hörselgrupp", rng.randint(6, 11),
                    "Annika Sjöberg")
        for n in range(27):
            day = nth_weekday(year, 1, 3, 3) + dt.timedelta(weeks=n + (6 if n >= 19 else 0) + (4 if n >= 22 else 0))
            meeting("syn_horsel", day, "oppen_mottagning", "Öppen mottagning hörselhjälpmedel", rng.randint(3, 8),
                    "Helena Rydh")
        meeting("syn_horsel", dt.date(year, 10, 9), "evenemang", "Ögats dag", 58, "Annika Sjöberg")
        meeting("syn_horsel", dt.date(year, 6, 12), "utflykt", "Sommarutflykt för syn- och hörselgruppen", 14,
                "Helena Rydh")
        for week in range(28):
            day = nth_weekday(year, 1, 3, 4) + dt.timedelta(weeks=week + (12 if week >= 18 else 0))
            meeting("it_stod", day, "grupp", "IT-grupp", rng.randint(5, 10), "Oskar Lindkvist", "Fruängsgården")
        for n in range(24):
            day = dt.date(year, 6, 16) + dt.timedelta(days=n * 2 + (n // 5) * 2)
            meeting("it_stod", day, "kurs", "Sommarkurs i IT med feriearbetande ungdomar",
                    6 if n % 6 else 8, "Oskar Lindkvist")
        for day in (dt.date(year, 3, 18), dt.date(year, 10, 21)):
            meeting("it_stod", day, "forelasning", "Föreläsning: trygg på nätet", rng.randint(25, 40),
                    "Oskar Lindkvist")
        meeting("anhorigstod", dt.date(year, 10, 6), "evenemang", "Anhörigdagen", 42, "Nadia Rahimi")
        meeting("anhorigstod", dt.date(year, 6, 19), "utflykt", "Sommarutflykt för anhöriga", 18, "Nadia Rahimi")
        meeting("aldrestod", dt.date(year, 4, 15), "informationstraff", "Information om äldreomsorgens stöd", 22,
                "Camilla Öst")

        def training(day, audience, topic, participants, service, staff, minutes=120):
            if first <= day <= last:
                group_service.add_training(ctx, held_on=day, audience=audience, topic=topic, participants=participants,
                                           service=service, staff_id=self.staff.get(staff), minutes=minutes)

        counts = [9, 11, 8, 12, 10, 9, 10, 11, 8, 10, 11, 10]
        for n, participants in enumerate(counts):
            training(nth_weekday(year, 1 + n, 3, 2), "Omsorgspersonal i hemtjänsten",
                     "Hörselnedsättning och hörhjälpmedel", participants, "syn_horsel",
                     "Annika Sjöberg" if n % 2 else "Helena Rydh")
        training(dt.date(year, 5, 20), "Anhörigombud, chefer och administratörer",
                 "Workshop om anhörigstöd och anhörigsamverkan", 54, "anhorigstod", "Camilla Öst", 420)
        for month in (3, 9, 11):
            training(dt.date(year, month, 12), "Vikarier inom äldreomsorgen", "Introduktion till anhörigstöd",
                     rng.randint(7, 12), "anhorigstod", "Nadia Rahimi", 90)
        training(dt.date(year, 2, 26), "Medborgarkontorets personal", "IT-teknik och digitalisering", 14, "it_stod",
                 "Oskar Lindkvist")

    def feedback(self, year: int) -> int:
        ctx, rng = self.ctx, self.rng
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), ctx.today)
        places = [p for p in self.places.values() if p.kind in ("motesplats", "aktivitetscenter", "gym")]
        items = FEEDBACK + rng.sample(FEEDBACK, 10)
        made = 0
        for index, (kind, sender, about, text, has_contact, acted) in enumerate(items):
            day = first + dt.timedelta(days=int(((last - first).days) * (index + rng.random()) / len(items)))
            name = f"{rng.choice(FIRST_NAMES_WOMEN)} {rng.choice(SURNAMES)}"
            item = feedback_service.register_feedback(
                ctx, received_on=day, type=kind, from_key=sender, about_key=about, text=text,
                channel=rng.choice(["blankett", "blankett", "blankett", "muntligt", "telefon", "epost"]),
                place_id=rng.choice(places).id,
                contact=f"{name}, {rng.choice(SURNAMES)}vägen {rng.randint(1, 60)}" if has_contact else None,
            )
            answer_day = day + dt.timedelta(days=rng.randint(3, 25))
            if has_contact and answer_day <= last - dt.timedelta(days=10):
                feedback_service.record_answer(
                    ctx, item.id, answered_on=answer_day,
                    answer_text="Tack för att du hörde av dig. Vi har tagit upp det på vårt kvalitetsmöte.")
            if acted and answer_day <= last:
                feedback_service.record_action(ctx, item.id, action_on=min(last, add_months(day, 1)),
                                               action_text="Ändrat i schemat och informerat deltagarna.")
            made += 1
        return made
