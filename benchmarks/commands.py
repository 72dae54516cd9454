"""The command line from the first keystroke: `seniorhalsan --help` and `stats` as fresh processes.

Each call is a new process, as when a user types the command: `seniorhalsan --help`
beside `python -c pass` (the interpreter alone), and `seniorhalsan stats --year 2025`
on the demo database beside `python -c "import sqlalchemy.orm"` (the interpreter and the
library the command cannot do without). The program is the installed `seniorhalsan`
command of the environment running the suite. Calls alternate floor, program, and the
first round (which also takes the day's backup of the file) is dropped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import generate

DEMO_YEAR = 2025


def command() -> list[str]:
    """The `seniorhalsan` command next to this Python (the console script), else `python -m`."""
    script = Path(sys.executable).with_name("seniorhalsan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "seniorhalsan"]


def demo_database(env: dict[str, str]) -> Path:
    """The demo year made by `seniorhalsan demo`, built once and kept under out/bench/."""
    path = generate.OUT / f"demo-{DEMO_YEAR}-v{generate.VERSION}.sqlite3"
    if not path.exists():
        generate.OUT.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.unlink(missing_ok=True)
        subprocess.run([*command(), "--db", str(partial), "demo", "--year", str(DEMO_YEAR)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
    return path


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from start to exit, and the process's peak resident size in kB."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} misslyckades ({child.returncode}):\n{error[-3000:]}")
    return seconds, usage.ru_maxrss


def measure(env: dict[str, str], runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="seniorhalsan-bench-") as data:
        env = {**env, "SENIORHALSAN_DATA_DIR": data}
        demo = demo_database(env)
        pairs = {
            "help": ([sys.executable, "-c", "pass"], [*command(), "--help"]),
            "stats": ([sys.executable, "-c", "import sqlalchemy.orm"],
                      [*command(), "--db", str(demo), "stats", "--year", str(DEMO_YEAR)]),
        }
        out: dict = {}
        for key, (floor, program) in pairs.items():
            sides = {"floor": {"times": [], "rss": []}, "program": {"times": [], "rss": []}}
            for _ in range(runs + 1):
                for side, argv in (("floor", floor), ("program", program)):
                    seconds, rss = _timed(argv, env)
                    sides[side]["times"].append(seconds)
                    sides[side]["rss"].append(rss)
            for side in sides.values():
                for values in side.values():
                    del values[0]
            out[key] = sides
        out["megabytes"] = demo.stat().st_size / 2**20
    return out
