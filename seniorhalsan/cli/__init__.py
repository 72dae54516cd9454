"""The `seniorhalsan` command: the same services as the window, from a terminal."""
