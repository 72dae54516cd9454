"""Run every measure beside its floor, check the targets, and rewrite BENCHMARKS.md.

    .venv/bin/python -m benchmarks [--quick] [--scale unit|decade|city ...] [--runs N]
                                   [--only commands|stats|start|folder|year_report|import|contacts|history ...]
                                   [--no-write]

The databases are generated (seeded) the first time and kept under out/bench/. Each
measure runs in a process of its own. Only a full run (no --quick, --scale or
--only) rewrites BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import commands, generate, report

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ("commands", "stats", "start", "folder", "year_report", "import", "contacts", "history")


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SENIORHALSAN_DB",
                                                              "SENIORHALSAN_DB_URL", "SENIORHALSAN_UNIT")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def prepare_bytecode() -> None:
    """Start like an installed program: with its modules already compiled."""
    for folder in (ROOT / "seniorhalsan", ROOT / "resources", ROOT / "benchmarks"):
        compileall.compile_dir(folder, quiet=1)


def settle(path: Path) -> None:
    """Migrate the cached file if the schema moved, and take today's backup: not part of any measure."""
    from seniorhalsan.database import open_database
    from seniorhalsan.paths import sqlite_url

    open_database(sqlite_url(path), unit_key=generate.MEASURED_UNIT).dispose()


def worker(measure: str, path: Path | str, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="seniorhalsan-bench-") as data:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.worker", measure, "--db", str(path), "--runs", str(runs)],
            cwd=ROOT, env=child_env(SENIORHALSAN_DATA_DIR=data), capture_output=True, text=True,
        )
    if done.returncode != 0:
        raise RuntimeError(f"{measure} på {path} misslyckades:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def cold_starts(path: Path, runs: int) -> dict:
    """Alternating fresh processes: the bare window, then the program, `runs` times."""
    out: dict[str, dict[str, list]] = {"program": {"times": [], "ready": [], "rss": []},
                                       "floor": {"times": [], "ready": [], "rss": []}}
    for _ in range(runs + 1):  # the first round warms the disk cache and is dropped
        for side in ("floor", "program"):
            with tempfile.TemporaryDirectory(prefix="seniorhalsan-bench-") as data:
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "benchmarks.coldstart", side, str(path)], cwd=ROOT,
                                      env=child_env(SENIORHALSAN_DATA_DIR=data), capture_output=True, text=True,
                                      timeout=120)
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            if done.returncode != 0 or not lines:
                raise RuntimeError(f"kallstart ({side}) misslyckades:\n{done.stderr[-3000:]}")
            result = json.loads(lines[-1])
            out[side]["times"].append(result["painted"] - start)
            out[side]["ready"].append(result["ready"] - start)
            out[side]["rss"].append(result["maxrss_kb"])
    for side in out.values():
        for values in side.values():
            del values[0]
    out["megabytes"] = path.stat().st_size / 2**20
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few runs on the small database only: a smoke test")
    parser.add_argument("--scale", action="append", choices=list(generate.SCALES),
                        help="the databases for the statistics (default: all three; --quick: unit)")
    parser.add_argument("--runs", type=int, help="timed runs per measure (default 7; --quick: 3)")
    parser.add_argument("--only", action="append", choices=MEASURES, help="run only these measures")
    parser.add_argument("--no-write", action="store_true", help="print the results but leave BENCHMARKS.md")
    args = parser.parse_args(argv)
    scales = args.scale or (["unit"] if args.quick else list(generate.SCALES))
    runs = args.runs or (3 if args.quick else 7)
    measures = args.only or list(MEASURES)
    home = "unit" if args.quick else "decade"  # the unit's own file: reports, import and the window

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    prepare_bytecode()
    machine = report.machine()
    started = time.time()
    paths = {name: generate.database(name) for name in sorted({*scales, home})}
    if "history" in measures:
        paths["history"] = generate.history_database()
    for path in paths.values():
        settle(path)

    rows: list[report.Row] = []

    def add(row: report.Row) -> None:
        rows.append(row)
        print(report.console_line(row), flush=True)

    print(f"Mäter med {runs} körningar per mått; {machine['load_before']} i belastning före start.", flush=True)
    if "commands" in measures:
        for row in report.command_rows(commands.measure(child_env(), runs)):
            add(row)
    if "stats" in measures:
        for scale in scales:
            add(report.stats_row(scale, worker("stats", paths[scale], runs)))
        server = os.environ.get("SENIORHALSAN_BENCH_PG")
        if server:
            machine["postgresql"] = report.postgresql_version(server)
        for scale in scales if server else ():
            add(report.stats_row(scale, worker("stats", generate.pg_database(scale, server), runs), "PostgreSQL"))
    if "start" in measures:
        for scale in [home] + (["city"] if "city" in scales and home != "city" else []):
            for row in report.start_rows(scale, cold_starts(paths[scale], runs)):
                add(row)
    if "folder" in measures:
        add(report.document_row("folder", worker("folder", paths[home], runs)))
    if "year_report" in measures:
        add(report.document_row("year_report", worker("year_report", paths[home], runs)))
    if "import" in measures:
        add(report.import_row(worker("import", paths[home], runs)))
    if "contacts" in measures:
        add(report.contacts_row(worker("contacts", paths[home], runs)))
    if "history" in measures:
        for row in report.history_rows(worker("history", paths["history"], max(3, runs // 2))):
            add(row)

    machine["load_after"] = report.load()
    machine["minutes"] = (time.time() - started) / 60
    missed = [row for row in rows if row.ok is False]
    print(f"\n{len(rows) - len(missed)} av {len(rows)} mått når sina mål." if not missed
          else f"\nMissar målet: {', '.join(row.title for row in missed)}.")
    full = not (args.quick or args.scale or args.only or (args.runs and args.runs < 5))
    if full and not args.no_write:
        target = ROOT / "BENCHMARKS.md"
        target.write_text(report.markdown(rows, machine, runs), encoding="utf-8")
        print(f"Skrev {target}.")
    elif not args.no_write:
        print("BENCHMARKS.md lämnas orörd: bara en fullständig körning skriver den.")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
