"""The year's numbers as a readable text table (what `seniorhalsan stats` prints)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .formatting import NOT_RECORDED, UNRECORDED, change, number, share
from .periods import TERTIALS
from .vocabulary import CONTACT_KINDS, GROUP_KINDS, NOT_GIVEN, OUTREACH_KINDS, ROUTES

if TYPE_CHECKING:
    from .stats.figures import Tertials, YearFigures


def render(figures: YearFigures, *, unit_name: str, labels: dict[str, dict[str, str]]) -> str:
    """`labels` holds Swedish names for keys: kinds, services, tasks, from, about."""
    out: list[str] = []
    width = 44

    def line(label: str, value: str = "", extra: str = "") -> None:
        out.append(f"  {label:<{width}}{value:>10}  {extra}".rstrip())

    def figure(label: str, value: int | None, extra: str = "") -> None:
        """A count, or "–" and why when nobody recorded it."""
        if value is None:
            line(label, UNRECORDED, NOT_RECORDED)
        else:
            line(label, number(value), extra)

    def heading(text: str) -> None:
        out.append("")
        out.append(text)
        out.append("-" * len(text))

    year = figures.year
    out.append(f"{unit_name} – statistik {year}")
    out.append("=" * len(out[0]))

    a = figures.attendance
    heading("Besök på aktiviteter")
    line("Besök totalt", number(a.visits))
    of_counted = "av besöken där kön räknades"
    if a.gender_unknown:  # counted as totals only
        for label in ("Kvinnor", "Män", "Annat/okänt kön"):
            figure(label, None)
    else:
        line("Kvinnor", number(a.women), f"{share(a.women, a.gender_counted)} {of_counted}")
        line("Män", number(a.men), f"{share(a.men, a.gender_counted)} {of_counted}")
        line("Annat/okänt kön", number(a.other))
    line("Räknade utan uppdelning på kön", number(a.unspecified))
    figure("Nya besökare", a.new_visitors, _counted_at(a.new_visitors_sessions, a.sessions))
    line("Genomförda tillfällen", number(a.sessions))
    figure("Inställda tillfällen", a.cancelled)
    out.append("  Per tertial")
    for t in TERTIALS:
        line(f"  {t}", number(a.by_tertial.of(t)))
    out.append("  Per mötesplats")
    for place in a.places:  # most visits first
        line(f"  {place.name}", number(place.visits))
    out.append("  Per typ av aktivitet")
    for key, visits in a.by_kind.items():
        if key != NOT_GIVEN or visits:
            line(f"  {labels['kinds'].get(key, 'Typ ej angiven')}", number(visits))
    activity_lines(out, figures, labels, line)

    heading("Stöd och service")
    for key, s in figures.services.items():
        out.append(f"  {labels['services'].get(key, key)}")
        prev = s.previous_year
        line("  Kontakter", number(s.contacts),
             f"{year - 1}: {number(prev.contacts)} ({change(s.contacts, prev.contacts)})")
        for kind, n in s.by_contact_kind.items():
            if n:
                line(f"    {CONTACT_KINDS.get(kind, kind)}", number(n))
        line("  Personer", number(s.persons),
             f"{year - 1}: {number(prev.persons)} ({change(s.persons, prev.persons)})")
        line("  Nya personer", number(s.new_persons), f"{share(s.new_persons, s.persons)} av personerna")
        g = s.persons_by_gender
        line("  Kvinnor / män / annat (av personerna)",
             f"{share(g.women, s.persons)} / {share(g.men, s.persons)} / {share(g.other, s.persons)}")
        ages = " · ".join(f"{k}: {share(v, s.persons)}" for k, v in s.persons_by_age.items())
        line("  Personer per åldersgrupp (andel)", "", ages)
        if s.tasks and not s.tasks_recorded:
            line("  Utfört", UNRECORDED, NOT_RECORDED)
        elif done := [(k, n) for k, n in s.tasks.items() if n]:
            line("  Utfört", "", ", ".join(f"{labels['tasks'].get(key + ':' + k, k)} {number(n)}" for k, n in done))

    heading("Grupper och utbildningar")
    for key, group in figures.groups.items():
        name = labels["services"].get(key, key)
        if not group.recorded:
            line(f"{name}: gruppträffar", UNRECORDED, NOT_RECORDED)
            continue
        line(f"{name}: gruppträffar", number(group.meetings), f"{number(group.participants)} deltagare")
        for kind, held in group.by_kind.items():
            if held.meetings:
                line(f"  {GROUP_KINDS.get(kind, kind)}", number(held.meetings),
                     f"{number(held.participants)} deltagare")
    trained = figures.trainings
    if not trained.recorded:
        line("Utbildningar för personal", UNRECORDED, NOT_RECORDED)
    else:
        line("Utbildningar för personal", number(trained.sessions), f"{number(trained.participants)} deltagare")
        for key, held in trained.by_service.items():
            if held.meetings:
                name = labels["services"].get(key, "Insats ej angiven")
                line(f"  {name}", number(held.meetings), f"{number(held.participants)} deltagare")

    f = figures.feedback
    heading("Synpunkter och klagomål")
    width = 66
    out.append(f"  {'':<{width}}{'T1':>6}{'T2':>6}{'T3':>6}{'Totalt':>8}")

    def row(label: str, values: Tertials) -> None:
        cells = "".join(f"{number(values.of(t)):>6}" for t in TERTIALS)
        out.append(f"  {label[:width]:<{width}}{cells}{number(values.total):>8}")

    row("Antal inkomna", f.total)
    row("Antal beröm", f.praise)
    out.append("  Från vem")
    for key, values in f.from_.items():
        row("  " + labels["from"].get(key, key), values)
    out.append("  Vad gällde det")
    for key, values in f.about.items():
        row("  " + labels["about"].get(key, key), values)
    row("Återkoppling lämnad", f.answered)
    row("Åtgärder vidtagna", f.acted_on)

    signed = figures.signups
    if signed.total.occasions:  # a unit that takes no sign-ups is not told about them
        heading("Anmälan")
        width = 44
        kinds = ((f"  {labels['kinds'].get(k, k)}", c) for k, c in signed.by_kind.items() if c.occasions)
        for label, counts in (("Alla tillfällen med anmälan", signed.total), *kinds):
            line(label, number(counts.occasions),
                 f"tillfällen, {number(counts.places_offered)} platser, {number(counts.signed_up)} anmälda, "
                 f"{number(counts.attended)} kom, {number(counts.waiting_list)} på reservlistan, "
                 f"{number(counts.distinct_persons)} personer")

    heading("Att nå fler")
    width = 44
    told = figures.outreach
    if not told.recorded:
        line("Utåtriktat arbete", UNRECORDED, NOT_RECORDED)
    else:
        for label, counts in (("Utåtriktat arbete", told.total),
                              *((f"  {OUTREACH_KINDS.get(k, k)}", c) for k, c in told.by_kind.items() if c.events)):
            reached = f"{number(counts.reached)} nådda" if counts.reached is not None else f"nådda: {NOT_RECORDED}"
            line(label, number(counts.events), reached)
    out.append("  Nya personer per väg in")
    for key, s in figures.services.items():
        ways = [(ROUTES.get(k, "Ej angiven"), n) for k, n in s.new_persons_by_route.items() if n]
        line(f"  {labels['services'].get(key, key)}", number(s.new_persons),
             ", ".join(f"{name.lower()} {number(n)}" for name, n in ways))
    helped = figures.volunteers
    line("Aktiva volontärer", number(helped.active),
         f"ledde {number(helped.sessions)} tillfällen med {number(helped.visits)} besök")
    if figures.goals:
        heading("Mål")
        out += goal_lines(figures, labels)
    return "\n".join(out) + "\n"


def activity_lines(out: list[str], figures: YearFigures, labels: dict[str, dict[str, str]], line) -> None:
    """Sessions per kind of activity and each activity's visits (most first), with the year before
    and the activities whose latest sessions had few visitors; `line` writes a row into `out`."""
    from .stats.activities import average_text

    table = figures.activities
    before = table.sessions_by_kind_before
    out.append("  Tillfällen per typ av aktivitet")
    for key, n in table.sessions_by_kind.items():
        if key != NOT_GIVEN or n:
            extra = f"{figures.year - 1}: {number(before[key])} ({change(n, before[key])})" if before else ""
            line(f"  {labels['kinds'].get(key, 'Typ ej angiven')}", number(n), extra)
    out.append(f"  Per aktivitet (besök; tillfällen, snitt per tillfälle, {figures.year - 1})")
    rule = table.rule
    for activity in table.most_visited():
        extra = f"{number(activity.sessions)} tillf., snitt {average_text(activity.average)}"
        if activity.visits_before is not None:
            extra += f", {figures.year - 1}: {number(activity.visits_before)}"
        if activity.flagged:
            extra += f", få besökare: de {activity.low_in_a_row} senaste under {rule.below}"
        line(f"  {activity.name}", number(activity.visits), extra)


def goal_lines(figures: YearFigures, labels: dict[str, dict[str, str]]) -> list[str]:
    """Each goal: its figure, the result against the year's target and the status."""
    from .stats.goal_figures import by_key_of_labels, value_text
    from .stats.goals import STATUSES

    names = by_key_of_labels(labels)
    out = []
    for goal in figures.goals:
        choice = names.get(goal.figure)
        share = bool(choice and choice.share)
        label = choice.label if choice else goal.figure
        out.append(f"  {label}")
        out.append(f"    utfall {value_text(goal.result, share)} av målet {value_text(goal.target, share)}"
                   f" ({figures.year - 1}: {value_text(goal.last_year, share)}): {STATUSES[goal.status].lower()}")
        for name, part in (("kvinnor", goal.women), ("män", goal.men)):
            if part is not None:
                out.append(f"    {name}: {value_text(part.result)} av målet {value_text(part.target)}: "
                           f"{STATUSES[part.status].lower()}")
    return out


def _counted_at(counted: int, sessions: int) -> str:
    """Where a figure was recorded at some sessions only: at how many."""
    if not counted or counted >= sessions:
        return ""
    return f"räknade vid {number(counted)} av {number(sessions)} tillfällen"
