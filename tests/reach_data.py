"""A small hand-made year of outreach, routes in, volunteers and each staff member's work, built
through the window's operations, whose figures the tests work out by hand.

2025 (and a little of 2024):
- Volunteers: Stig (since 2024-01-01) leads Canasta; Gun (2023-05-01 – 2024-06-30) led Disco in
  2024; Ulla (since 2025-02-01) helps, leading nothing. Petra (staff) leads Seniorgympa, but its
  Monday row on the spring schedule is led by Stig.
- Sessions 2025: Canasta 10 and 9 visits (and one cancelled), Seniorgympa 25 (Petra's) and 5 (the
  Monday row, Stig's); Disco 30 in 2024.
- Fixartjänst: A first in 2024 (route vårdcentral) and again in 2025, not new; B, C and D new in 2025
  by biståndshandläggare, Senior Connect and no route given. B is also new in Syn- och hörselstöd,
  by a relative. Tomas (fixare) made every Fixartjänst contact, and gave one training of 11.
- Outreach 2025: two information meetings (12 reached at the care centre, one not counted), an
  advert and posters (not counted); one in 2024 reached 50.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seniorhalsan.operations.catalogue import CreatePlace, CreateStaff, EndVolunteer, UpdatePlace
from seniorhalsan.operations.outreach import AddOutreach
from seniorhalsan.operations.support import AddContact, AddTraining
from seniorhalsan.services import attendance, schedule
from tests import factories

D = dt.date


@dataclass
class Reach:
    staff: dict[str, int]
    partners: dict[str, int]
    persons: dict[str, int]


def build(db) -> Reach:
    axelsberg = factories.place_named(db, "Axelsberg")
    bio = factories.place_named(db, "Bio Aspen")
    db.perform(UpdatePlace(bio.id, contact="08-465 004 21", together="Bio och lunch en gång i månaden."))
    care = db.perform(CreatePlace("Vårdcentralen", kind="partner", contact="08-465 004 24")).value
    staff = {
        "Petra": db.perform(CreateStaff("Petra Nyholm", title="Hälsopedagog")).value.id,
        "Tomas": db.perform(CreateStaff("Tomas Greger", title="Fixare", services=("fixartjanst",))).value.id,
        "Stig": db.perform(CreateStaff("Stig Holmér", kind="volontar", phone="070-174 06 42", helps_with="Canasta",
                                       places=(axelsberg.id,), started_on=D(2024, 1, 1))).value.id,
        "Gun": db.perform(CreateStaff("Gun Ahlberg", kind="volontar", email="gun@example.org", helps_with="Disco",
                                      started_on=D(2023, 5, 1))).value.id,
        "Ulla": db.perform(CreateStaff("Ulla Berg", kind="volontar", helps_with="Fika",
                                       started_on=D(2025, 2, 1))).value.id,
    }
    db.perform(EndVolunteer(staff["Gun"], D(2024, 6, 30)))

    canasta = factories.activity(db, "Canasta", kind="social", leader_id=staff["Stig"])
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk", leader_id=staff["Petra"])
    disco = factories.activity(db, "Disco", kind="kultur", leader_id=staff["Gun"])
    factories.session(db, canasta, axelsberg, D(2025, 2, 3), women=8, men=2)
    factories.session(db, canasta, axelsberg, D(2025, 3, 3), women=6, men=3)
    factories.session(db, canasta, axelsberg, D(2025, 4, 7), cancelled=True)
    factories.session(db, gympa, axelsberg, D(2025, 2, 4), women=20, men=5)
    factories.session(db, disco, axelsberg, D(2024, 3, 1), total=30)
    spring = factories.term(db, kind="vt", year=2025, starts_on=D(2025, 1, 13), ends_on=D(2025, 6, 6))
    monday = db.call(schedule.add_entry, term_id=spring.id, activity_id=gympa.id, place_id=axelsberg.id, weekday=1,
                     starts_at=dt.time(10), ends_at=dt.time(11), leader_id=staff["Stig"])
    db.call(attendance.record_attendance, schedule_entry_id=monday.id, held_on=D(2025, 2, 10), women=4, men=1)

    persons = {ref: factories.person(db, reference=ref, birth_year=1940).id for ref in "ABCD"}

    def contact(ref, day, route=None, service="fixartjanst"):
        db.perform(AddContact(persons[ref], service, day, "hembesok", staff_id=staff["Tomas"], route=route))

    contact("A", D(2024, 6, 1), "vardcentral")
    contact("A", D(2025, 2, 3))
    contact("B", D(2025, 3, 3), "bistandshandlaggare")
    contact("B", D(2025, 8, 3))
    contact("C", D(2025, 11, 3), "senior_connect")
    contact("D", D(2025, 5, 5))
    db.perform(AddContact(persons["B"], "syn_horsel", D(2025, 5, 6), "hembesok", route="anhorig"))
    db.perform(AddTraining(D(2025, 4, 2), "Hemtjänsten", 11, service="fixartjanst", staff_id=staff["Tomas"]))

    db.perform(AddOutreach(D(2025, 3, 10), "informationsmote", care.id, 12, staff["Petra"], "Personalmöte"))
    db.perform(AddOutreach(D(2025, 9, 10), "informationsmote", None, None, staff["Petra"]))
    db.perform(AddOutreach(D(2025, 1, 15), "annons"))
    db.perform(AddOutreach(D(2025, 2, 1), "affischer"))
    db.perform(AddOutreach(D(2024, 11, 1), "informationsmote", care.id, 50))
    return Reach(staff, {"Bio Aspen": bio.id, "Vårdcentralen": care.id}, persons)
