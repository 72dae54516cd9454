"""`python -m seniorhalsan`: the same as the `seniorhalsan` command."""

from .cli.main import main

raise SystemExit(main())
