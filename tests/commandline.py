"""The `seniorhalsan` command run in the test process: `main(argv)` with its output caught.

The same parsing, exit codes and messages as a separate process, without paying for an
interpreter start (and the real password hashing) in every call. One test in
tests/cli/test_cli.py still starts the command as a process of its own.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass

from seniorhalsan.cli import main as cli_main


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """Run the command with `args`; `env` sets (or, with None, removes) variables for the call."""
    out, err = io.StringIO(), io.StringIO()
    saved = {name: os.environ.get(name) for name in env or {}}
    try:
        _set(env or {})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli_main.main([str(a) for a in args])
            except SystemExit as exc:  # argparse: --help, --version and wrong arguments
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        _set(saved)
    result = Result(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _set(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
