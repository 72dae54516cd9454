"""Timing a measure beside its floor in one process, and the peak memory of each.

Calls alternate (floor, program, program, floor, …) so a machine that grows busier
during a run slows both alike. After the timed calls each side runs twice more, not
timed: once for the peak resident memory of the process during the call (Linux's
VmHWM, reset just before), once under `tracemalloc` for the peak of Python's own
allocations (tracing slows a call, so it is never timed).
"""

from __future__ import annotations

import gc
import re
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATUS = Path("/proc/self/status")


@dataclass
class Side:
    """One side of a comparison: what is timed, and what must happen before each call."""

    run: Callable[[], Any]
    prepare: Callable[[], None] | None = None


def _status_kb(field: str) -> int | None:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", STATUS.read_text(), re.M)
    except OSError:
        return None
    return int(match.group(1)) if match else None


def _reset_peak() -> bool:
    """Forget the process's peak resident size so far (Linux only)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def rss_peak_kb(call: Callable[[], Any]) -> int | None:
    """The peak resident size of this process while `call` ran, in kB."""
    gc.collect()
    if not _reset_peak():
        return None
    call()
    return _status_kb("VmHWM")


def python_peak_bytes(call: Callable[[], Any]) -> int:
    """The peak of Python's own allocations during `call`, above what was allocated before."""
    gc.collect()
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def timed(side: Side) -> float:
    if side.prepare is not None:
        side.prepare()
    gc.collect()
    start = time.perf_counter()
    side.run()
    return time.perf_counter() - start


def _memory(side: Side) -> dict[str, int | None]:
    if side.prepare is not None:
        side.prepare()
    rss = rss_peak_kb(side.run)
    if side.prepare is not None:
        side.prepare()
    return {"rss_peak_kb": rss, "py_peak_bytes": python_peak_bytes(side.run)}


def compare(program: Side, floor: Side, *, runs: int, warmup: int = 1) -> dict[str, Any]:
    """Median-ready timings of both sides and the memory of each."""
    for _ in range(warmup):
        timed(floor)
        timed(program)
    times: dict[str, list[float]] = {"program": [], "floor": []}
    for i in range(runs):
        order = (("floor", floor), ("program", program)) if i % 2 == 0 else (("program", program), ("floor", floor))
        for name, side in order:
            times[name].append(timed(side))
    return {
        "program": {"times": times["program"], **_memory(program)},
        "floor": {"times": times["floor"], **_memory(floor)},
    }


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
