"""``vigil schema``: the JSON Schema of a checklist or an assessment file, for editors."""

from __future__ import annotations

import argparse

from vigil.cli.common import EXIT_OK, say_json
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist


def cmd_schema(args: argparse.Namespace) -> int:
    model = Checklist if args.kind == "checklist" else Assessment
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    say_json(schema)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of a checklist or an assessment file")
    p.add_argument("kind", choices=["checklist", "assessment"])
    p.set_defaults(func=cmd_schema)
