"""The ``vigil`` command line: the same engine as the app, for scripts and CI.

One module per group of commands, each with a ``register(sub)`` that adds its sub-commands. Domain errors become
one clear line on stderr and an exit code: 0 ok, 1 invalid checklist, 2 unusable input.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from vigil import i18n
from vigil.cli import assess, consent, credentials, documents, intake, queue, schema, validate
from vigil.cli.common import EXIT_OK, EXIT_USAGE, CliError, say

Command = Callable[[argparse.Namespace], int]

COMMANDS = (validate, assess, schema, documents, credentials, consent, intake, queue)
"""The command modules, in the order ``vigil --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vigil",
        description="Check consent, family wishes and disclosure before making media of someone who has died.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except CliError as exc:
        say(i18n.t("en", "cli.error.prefix", message=exc), err=True)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `vigil schema checklist | head`
        return EXIT_OK
