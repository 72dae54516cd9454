"""The domain never imports Qt: the window sits on top of it, not inside it."""

import pkgutil
import subprocess
import sys

import seniorhalsan


def test_domain_modules_do_not_import_pyside6():
    modules = [
        m.name for m in pkgutil.walk_packages(seniorhalsan.__path__, "seniorhalsan.")
        if not m.name.startswith("seniorhalsan.ui") and m.name != "seniorhalsan.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert len(modules) > 20


def test_each_command_loads_only_what_it_uses(db_url):
    """--help and --version need no data layer; stats needs neither Qt, reportlab nor the demo generator."""
    code = (
        "import sys\n"
        "from seniorhalsan.cli.main import main\n"
        "def loaded(*prefixes): return sorted({m.split('.')[0] if not m.startswith('seniorhalsan') else m\n"
        "    for m in sys.modules if m.startswith(prefixes)})\n"
        "for argv in (['--help'], ['--version']):\n"
        "    try: main(argv)\n"
        "    except SystemExit: pass\n"
        "print('help:', loaded('sqlalchemy', 'PySide6', 'reportlab', 'babel', 'seniorhalsan.db'), file=sys.stderr)\n"
        f"assert main(['stats', '--year', '2025', '--db-url', {db_url!r}]) == 0\n"
        "print('stats:', loaded('PySide6', 'reportlab', 'openpyxl', 'alembic', 'seniorhalsan.demo',\n"
        "    'seniorhalsan.importing', 'seniorhalsan.reports'), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.splitlines() == ["help: []", "stats: []"]


def test_the_window_and_the_command_line_write_only_through_operations():
    """A write from a page or a command is an operation (one transaction, its change notice in its
    result); `Database.call` stays for the tests and the demo generator."""
    import re
    from pathlib import Path

    root = Path(seniorhalsan.__file__).parent
    writes = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for folder in ("ui", "cli")
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bdb\.call\(|\.notify\(", line)
    ]
    assert writes == []
