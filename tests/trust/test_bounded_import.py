"""A file of nothing but bad lines is refused quickly, in little memory, and says how much it did not read."""

import subprocess
import sys
import time

from tests import factories

BAD_LINE = b"2025-13-45;Okand plats;Ingen aktivitet;a;b;c\n"
# VmHWM: this process's own peak (ru_maxrss would also count the test process it was forked from)
MEASURED = r"""
import sys
from seniorhalsan.cli.main import main
code = main(sys.argv[1:])
print("RSS", open("/proc/self/status").read().split("VmHWM:")[1].split()[0], file=sys.stderr)
sys.exit(code)
"""


def test_a_50_mb_file_of_bad_lines_stops_after_1000_errors_within_seconds(db, tmp_path):
    factories.activity(db, "Seniorgympa")
    path = tmp_path / "trasig.csv"
    lines = (50 * 1024 * 1024 - 200) // len(BAD_LINE)
    path.write_bytes(b"datum;motesplats;aktivitet;kvinnor;man;ovriga\n" + BAD_LINE * lines)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", MEASURED, "--db-url", db.url, "import", "attendance", str(path)],
                            capture_output=True, text=True, timeout=300)
    took = time.monotonic() - started
    rss_mb = int(result.stderr.rsplit("RSS", 1)[1].split()[0]) / 1024
    assert result.returncode == 1, result.stderr[-2000:]
    assert "minst 1\xa0000 fel" in result.stderr and "Inget sparades" in result.stderr
    # the lines after the thousandth error are counted, not read
    rest = int(result.stderr.split(" rader till lästes inte")[0].rsplit(": ", 1)[1].replace("\xa0", ""))
    assert lines - 1000 < rest < lines
    assert result.stderr.count("Rad ") == 200  # the message lists 200 of them
    assert took < 30, f"{took:.1f} s"
    assert rss_mb < 300, f"{rss_mb:.0f} MB"
