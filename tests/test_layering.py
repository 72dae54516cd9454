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
