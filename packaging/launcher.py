"""The bundled program's entry point: the same as the `seniorhalsan` command."""

from seniorhalsan.cli.main import main

raise SystemExit(main())
