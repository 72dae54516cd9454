"""Swedish words for argparse's own messages (usage, errors, help headings)."""

from __future__ import annotations

import argparse

SWEDISH = {
    "usage: ": "användning: ",
    "options": "flaggor",
    "positional arguments": "argument",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "expected one argument": "ett värde behövs",
    "expected at least one argument": "minst ett värde behövs",
    "expected at most one argument": "högst ett värde",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan vara %(matches)s",
    "not allowed with argument %s": "går inte att kombinera med %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "ignored explicit argument %r": "värdet %r ignorerades",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
}


def install() -> None:
    """Make argparse speak Swedish (it looks its messages up through `argparse._`)."""
    argparse._ = lambda message: SWEDISH.get(message, message)
    def ngettext(singular: str, plural: str, n: int) -> str:
        message = singular if n == 1 else plural
        return SWEDISH.get(message, message)

    argparse.ngettext = ngettext
