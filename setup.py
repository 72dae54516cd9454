"""Which packages the wheel carries: the program's, and `resources/` as `seniorhalsan.resources`.

Everything else is in pyproject.toml. `resources/` stays at the top of the repository and
is mapped into the package there (`package-dir`); the packages are listed here because
setuptools' own search cannot follow that mapping. Folders without an `__init__.py` (the
migrations, the fonts) are packages too, so that their files travel with them.
"""

from setuptools import find_namespace_packages, setup


def folders(where: str, prefix: str) -> list[str]:
    found = find_namespace_packages(where, exclude=["*__pycache__*"])
    return [prefix] + [f"{prefix}.{name}" for name in found]


packages = folders("seniorhalsan", "seniorhalsan") + folders("resources", "seniorhalsan.resources")
setup(packages=packages)
