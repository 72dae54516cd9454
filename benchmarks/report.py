"""The results as rows with their targets, on the console and as BENCHMARKS.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
from dataclasses import dataclass, field

from . import generate
from .harness import median

MB = 1024 * 1024


@dataclass
class Row:
    key: str
    title: str
    program: float | None  # seconds (median)
    floor: float | None
    target: str
    ok: bool | None  # None: measured, no target
    rss: tuple[float | None, float | None] = (None, None)  # MB: program, floor
    py: tuple[float | None, float | None] = (None, None)  # MB of Python allocations
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.program is None or not self.floor:
            return None
        return self.program / self.floor


def _mem(side: dict) -> tuple[float | None, float | None]:
    rss = side.get("rss_peak_kb")
    py = side.get("py_peak_bytes")
    return (rss / 1024 if rss else None), (py / MB if py is not None else None)


def _row(key: str, title: str, result: dict, target: str, ok, note: str = "") -> Row:
    program, floor = result["program"], result["floor"]
    (rss_p, py_p), (rss_f, py_f) = _mem(program), _mem(floor)
    return Row(key, title, median(program["times"]), median(floor["times"]), target, ok,
               (rss_p, rss_f), (py_p, py_f), note)


def stats_row(scale: str, result: dict, backend: str = "") -> Row:
    where = f", {backend}" if backend else ""
    row = _row(f"stats-{scale}{backend}", f"Statistik för ett enhetsår ({generate.SCALES[scale].label}{where})",
               result, "≤ 3× och < 0,3 s" if not backend else "–", None)
    info = result["info"]
    row.ok = row.ratio is not None and row.ratio <= 3 and row.program < 0.3 and info["same_numbers"]
    if backend:  # the targets are set for SQLite; PostgreSQL is shown beside them
        row.ok = None if info["same_numbers"] else False
    row.note = (f"{_n(info['sessions'])} tillfällen, {_n(info['visits'])} besök, "
                f"{_n(info['contacts'])} kontakter")
    if not info["same_numbers"]:
        row.note += "; GOLVETS SIFFROR SKILJER SIG FRÅN PROGRAMMETS: " + ", ".join(info.get("differences", []))
    return row


def command_rows(result: dict) -> list[Row]:
    rows = []
    for key, title, target, limit, note in (
        ("help", "Kommandot `seniorhalsan --help`", "≤ 4×", 4, "golvet är `python -c pass`"),
        ("stats", "Kommandot `seniorhalsan stats --year 2025` (demodatabasen)", "≤ 2×", 2,
         f"golvet är `python -c \"import sqlalchemy.orm\"`; demodatabasen är {result['megabytes']:.0f} MB"),
    ):
        program, floor = result[key]["program"], result[key]["floor"]
        row = Row(f"command-{key}", title, median(program["times"]), median(floor["times"]), target, None,
                  (median(program["rss"]) / 1024, median(floor["rss"]) / 1024), note=note)
        row.ok = row.ratio <= limit
        rows.append(row)
    return rows


def start_rows(scale: str, result: dict) -> list[Row]:
    program, floor = result["program"], result["floor"]
    rss = (median(program["rss"]) / 1024, median(floor["rss"]) / 1024)
    label = generate.SCALES[scale].label
    first = Row(f"start-{scale}", f"Kallstart till första ritade bilden ({label})",
                median(program["times"]), median(floor["times"]), "≤ 1,5×", None, rss)
    first.ok = first.ratio <= 1.5
    ready = Row(f"ready-{scale}", f"Kallstart till Närvaro med sina uppgifter ({label})", median(program["ready"]),
                median(floor["ready"]), "≤ 2×", None, rss,
                note=f"integritetskontroll, referensdata och sidans frågor ingår; golvet är samma bara fönster, "
                     f"som inte har några uppgifter att hämta; filen är {result['megabytes']:.0f} MB")
    ready.ok = ready.ratio <= 2
    return [first, ready]


def document_row(kind: str, result: dict) -> Row:
    info = result["info"]
    if kind == "folder":
        row = _row("folder", f"Terminens folder ht{generate.LAST_YEAR}", result, "≤ 2×", None)
        row.ok = row.ratio <= 2
    else:
        row = _row("year_report", f"Årets statistik {generate.LAST_YEAR} (PDF)", result, "–", None)
    row.note = f"{info['pages']} sidor, {info['tables']} tabeller med {info['rows']} rader"
    if info["floor_pages"] != info["pages"]:
        row.note += f" (golvets dokument blev {info['floor_pages']} sidor)"
    return row


def import_row(result: dict) -> Row:
    info = result["info"]
    row = _row("import", "Import av 30 000 närvarorader (CSV)", result, "≤ 3×", None)
    row.ok = row.ratio <= 3 and info["created"] == info["rows"]
    row.note = f"{_n(info['created'])} nya tillfällen"
    return row


def contacts_row(result: dict) -> Row:
    info = result["info"]
    row = _row("contacts", "Import av 30 000 kontaktrader (CSV)", result, "≤ 3× och < 10 s", None)
    row.ok = row.ratio <= 3 and row.program < 10 and info["created"] == info["rows"]
    row.note = f"{_n(info['created'])} nya kontakter för {_n(info['persons'])} nya personer"
    return row


def history_rows(result: dict) -> list[Row]:
    program, floor = result["program"], result["floor"]
    (rss_p, py_p), (rss_f, py_f) = _mem(program), _mem(floor)
    opened = Row("history-open", "Närvarohistorik med 100 000 tillfällen: öppna", median(program["open"]),
                 median(floor["open"]), "< 0,5 s", None, (rss_p, rss_f), (py_p, py_f),
                 note="golvet läser alla rader med en fråga")
    opened.ok = opened.program < 0.5
    scrolled = Row("history-end", "… och dra till slutet", median(program["end"]), median(floor["end"]),
                   "inget stopp (bild < 0,1 s)", None)
    scrolled.ok = program["reached"] and program["longest_frame"] < 0.1
    scrolled.note = (f"längsta bild {program['longest_frame'] * 1000:.0f} ms på {program['frames']} drag "
                     f"och 20 hopp (golvet {floor['longest_frame'] * 1000:.0f} ms)")
    if not program["reached"]:
        scrolled.note = f"nådde inte slutet på {program['end'][-1]:.0f} s ({program['rows']} rader); " + scrolled.note
    return [opened, scrolled]


# --- the machine ---------------------------------------------------------------------------


def load() -> str:
    try:
        one, five, _fifteen = os.getloadavg()
    except OSError:
        return "okänd"
    return f"{_d(one)} (1 min), {_d(five)} (5 min)"


def postgresql_version(server: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(server)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SHOW server_version")).scalar()
    finally:
        engine.dispose()


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = next(int(line.split()[1]) for line in fh if line.startswith("MemTotal"))
            memory = f"{kb / MB:.0f} GB"
    except (OSError, StopIteration):
        pass
    import PySide6
    import reportlab
    import sqlalchemy
    from PySide6.QtCore import qVersion

    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "system": platform.platform(),
        "cpu": f"{cpu}, {os.cpu_count()} kärnor",
        "memory": memory,
        "python": platform.python_version(),
        "versions": f"PySide6 {PySide6.__version__} (Qt {qVersion()}), SQLAlchemy {sqlalchemy.__version__}, "
                    f"SQLite {sqlite3.sqlite_version}, reportlab {reportlab.Version}",
        "load_before": load(),
    }


# --- output ----------------------------------------------------------------------------------


def _n(number: int | None) -> str:
    """A whole number the Swedish way: 29 300."""
    return "–" if number is None else f"{number:,}".replace(",", "\u00a0")


def _d(value: float, decimals: int = 2) -> str:
    """A decimal number the Swedish way: 1,25."""
    return f"{value:.{decimals}f}".replace(".", ",")


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{_d(seconds)} s"


def _x(ratio: float | None) -> str:
    return "–" if ratio is None else f"{_d(ratio)}×"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}" if value >= 10 else _d(value, 1)


def _mark(ok: bool | None) -> str:
    return "" if ok is None else "✓" if ok else "✗"


def console_line(row: Row) -> str:
    return (f"{_mark(row.ok) or ' '} {row.title:<68} {_s(row.program):>9}  golv {_s(row.floor):>9}  "
            f"{_x(row.ratio):>7}  mål {row.target}")


def markdown(rows: list[Row], machine: dict, runs: int) -> str:
    lines = [
        "# Mätningar",
        "",
        "Hur snabbt programmet är mätt mot golvet: det snabbaste som dess byggstenar (SQLite, Qt, reportlab)",
        "medger för samma arbete, mätt i samma körning. Kvoten är programmets tid delad med golvets.",
        "Filen skrivs om av mätsviten (se sist).",
        "",
        f"Körd {machine['date']} på {machine['system']}: {machine['cpu']}, {machine['memory']} minne; "
        f"Python {machine['python']}, {machine['versions']}. Median av {runs} körningar "
        f"(kallstarten: {runs} starter av var sida; historiken: {max(3, runs // 2)} körningar). "
        f"Datorn delades med andra processer; belastningen var {machine['load_before']} före och "
        f"{machine.get('load_after', 'okänd')} efter körningen, som tog {_d(machine.get('minutes', 0), 1)} minuter. "
        "Kvoterna är stabilare än tiderna, eftersom programmet och golvet turas om."
        + (f" PostgreSQL {machine['postgresql']} på samma dator." if machine.get("postgresql") else ""),
        "",
        "| mått | programmet | golvet | kvot | mål | |",
        "|---|---:|---:|---:|---|:-:|",
    ]
    for row in rows:
        lines.append(f"| {row.title} | {_s(row.program)} | {_s(row.floor)} | {_x(row.ratio)} | {row.target} "
                     f"| {_mark(row.ok)} |")
    lines += ["", "Vad varje rad omfattade:", ""]
    lines += [f"- {row.title}: {row.note}." for row in rows if row.note]
    lines += [
        "",
        "## Minne",
        "",
        "Toppen av processens residenta minne (RSS, Linux VmHWM, nollställd strax före anropet) och toppen av",
        "Pythons egna allokeringar under anropet (`tracemalloc`, i ett eget anrop som inte tidtas). RSS räknar",
        "allt processen har laddat (Python, Qt, SQLAlchemy, sidcachen i SQLite), inte bara måttets eget arbete.",
        "Kallstarten och kommandona mäts som hela processens topp (`ru_maxrss`).",
        "",
        "| mått | RSS programmet (MB) | RSS golvet (MB) | Python programmet (MB) | Python golvet (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        if row.rss != (None, None) or row.py != (None, None):
            lines.append(f"| {row.title} | {_mb(row.rss[0])} | {_mb(row.rss[1])} | {_mb(row.py[0])} "
                         f"| {_mb(row.py[1])} |")
    lines += ["", DEFINITIONS.strip(), "", HOW_TO_RUN.strip(), ""]
    return "\n".join(lines)


DEFINITIONS = """
## Vad som mäts och mot vad

- **Kommandona**: en ny process per anrop, som när en användare skriver kommandot: det installerade
  `seniorhalsan` (konsolskriptet i mätsvitens miljö) med `--help` mot `python -c pass` (bara tolken), och
  `stats --year 2025` på demodatabasen (`seniorhalsan demo --year 2025`, byggd en gång) mot
  `python -c "import sqlalchemy.orm"` (tolken och biblioteket som kommandot inte klarar sig utan). Tiden
  räknas från att processen startas till att den har avslutats; anropen turas om och den första omgången
  (som också tar dagens säkerhetskopia av filen) räknas inte.

- **Statistik**: `year_stats` för enhetens år 2025 genom `Database.read` (en lästransaktion) och dess
  `to_json()` (svaret på `stats --json`), mot samma siffror räknade med handskrivna SQL-frågor över en
  vanlig `sqlite3`-anslutning till samma fil (`benchmarks/stats_floor.py`: hela JSON-svaret, med varje
  aktivitet, anmälan, uppsökande, volontärer och målen; en grupperad fråga per slags siffra, referenslistorna
  och årets mål i en fråga). Sviten kontrollerar att golvets svar är identiskt med programmets; skiljer de
  sig missar raden sitt mål och anger var. Programmet räknar också det som visas vid sidan av JSON-svaret
  (månader, inställda tillfällen, aktiviteter med få besökare i rad, jämförelsen med året före); golvet gör
  det inte.
  Tre databaser: en enhets år, en enhet i tio år och stadens 13 enheter i tio år var (samma SQLite-fil);
  den mätta enheten är Hägersten-Älvsjö. Med `SENIORHALSAN_BENCH_PG` (en SQLAlchemy-URL till en
  PostgreSQL-server) kopieras samma databaser dit och statistiken mäts också där, mot samma frågor genom
  psycopg; målen gäller SQLite.
- **Kallstart**: en ny process per start, offscreen. Programmet startas som kommandot `seniorhalsan --db
  FIL` (med enhetens tioåriga fil och med stadens fil, utan konton); golvet är ett `QMainWindow` med en
  `QTableView` (20 rader).
  Första ritade bilden: när fönstret visats, första paint-händelsen i det och sedan det ögonblick då
  händelseslingan är ledig (hela bilden ritad). Programmets första bild är huvudfönstret med navigering,
  menyer och statusrad; databasen öppnas direkt efter den (integritetskontroll, migrering, inloggning) och
  sidan byggs. Därför mäts också tiden tills sidan som öppnas (Närvaro) är ritad med sina uppgifter, mot
  samma golv och med målet högst 2×. Tiden räknas från att processen startas till att
  bilden är ritad, med systemets monotona klocka. Modulerna är förkompilerade (som i ett installerat program) och dagens
  säkerhetskopia av filen är redan tagen (den tas en gång om dagen, vid första starten).
- **Folder och årets statistik**: `write_folder`/`write_year_report` (läsa, bygga PDF, skriva filen) mot
  reportlabs enklaste sätt att sätta samma text: `SimpleDocTemplate` med samma stycken och tabeller (med
  samma celltexter som vanliga stycken, eftersom text i en cell måste kunna radbrytas), i samma inbäddade
  typsnitt och storlekar, utfyllt med sidbrytningar till samma antal sidor, och skrivet på samma sätt.
  En cell med flera stycken (en rubrik och dess text) får samma stycken; en rad som spänner över hela
  tabellen (en rubrik över raderna under den) blir en egen cell lika bred som tabellen. Folderns
  innehållsförteckning har sidnummer, som bara kan kännas när texten är satt: golvet sätter den två
  gånger, som reportlabs `multiBuild` gör. Golvet slipper allt programmet gör utöver det: läsa data,
  teckenreserv, band, hopslagna celler, sammanhållna block, upprepade rubrikrader, sidmallar och sidfoten
  "Sida N av M". Diagrammen ingår inte i golvet.
- **Import**: `import_file("attendance", CSV)` med 30 000 rader (tio år av närvaro före databasens första år,
  alla rader nya) i en skrivtransaktion, mot en `sqlite3`-anslutning med programmets inställningar
  (främmande nycklar, WAL) som läser samma CSV, slår upp namnen och gör en `executemany` i en transaktion.
  Båda får en ny kopia av databasen före varje körning (inte tidtaget).
- **Import av kontakter**: `ImportFile("contacts", CSV)` med 30 000 rader (tio år före databasens första år:
  3 000 personer som inte finns än, med medarbetare, minuter, ibland en anteckning och Fixartjänsts
  checklista) genom `Database.perform`, mot en `sqlite3`-anslutning som läser samma CSV, slår upp namnen
  och skriver samma rader: en `executemany` för personerna, en för kontakterna, en för checklistorna och
  en för åtkomstloggens rad om varje ny person och kontakt, i en transaktion. Golvet prövar inga regler;
  programmet prövar varje rad mot samma regler som fönstret. Båda får en ny kopia av databasen före varje
  körning (inte tidtaget).
- **Historiken**: det riktiga fönstret på Närvaro med en annan mötesplats vald; att välja platsen med
  100 000 tillfällen är att öppna historiken (tills tabellen är ritad). Att dra till slutet är att dra
  rullningslisten till botten tills sista tillfället syns; sedan 20 hopp till slumpade ställen. Ett stopp
  är en bild som tar mer än 0,1 s. Golvet är en `QTableView` över en minimal modell som har alla rader,
  lästa med en fråga.
"""

HOW_TO_RUN = """
## Så körs mätningarna

```sh
.venv/bin/python -m benchmarks            # allt; skriver om BENCHMARKS.md (ett par minuter)
.venv/bin/python -m benchmarks --quick    # röktest: få körningar, bara den lilla databasen
.venv/bin/python -m benchmarks --scale city --only stats --runs 11
SENIORHALSAN_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres .venv/bin/python -m benchmarks
```

`--scale unit|decade|city` väljer databaserna för statistiken, `--only` vilka mått som körs
(`commands`, `stats`, `start`, `folder`, `year_report`, `import`, `contacts`, `history`), `--runs N` antalet
körningar (medianen rapporteras), `--no-write` låter BENCHMARKS.md vara. Med `SENIORHALSAN_BENCH_PG` mäts
statistiken också på PostgreSQL (servern behöver bara vara igång; databaserna `seniorhalsan_bench_*` skapas
där första gången, och `.ci/postgres start KATALOG` startar en egen server för det). Bara en fullständig
körning skriver om filen. Kommandot avslutas med status 1 om något mått missar sitt mål.

Testdatabaserna byggs första gången med fast slumpfrö (`benchmarks/generate.py`) och sparas i
`out/bench/` (som inte ingår i git); en ändrad generator får ett nytt versionsnummer och bygger om dem.
Första gången tar det några minuter extra att bygga dem (mest stadens). Varje mått körs i en egen process;
programmet och golvet turas om i samma process, så att en dator som blir mer belastad under körningen drabbar båda lika.
Kör gärna när datorn annars är ledig. Mätningarna ingår inte i testsviten och tidtas aldrig i testerna.
"""
