"""``vigil stamp`` and ``vigil verify``: Content Credentials from the command line.

Exit codes. stamp: 0 stamped; 1 refused (the verdict is "stop", or "resolve_first" without ``--confirm``);
2 unusable input (no such file, a kind of file Vigil cannot stamp, a certificate the library rejects).
verify: 0 the file carries Vigil's Content Credentials and they match the file (trusted or not: the output
says which); 1 it does not (no credentials, someone else's, or credentials that no longer match the file
because it was altered after stamping or is damaged); 2 unusable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path

from vigil import i18n
from vigil.assessment_file import to_json
from vigil.cli import common
from vigil.cli.common import say, say_json
from vigil.credentials import CredentialsError, StampRefused
from vigil.credentials.certs import SigningMaterial, data_folder, load, local_material, local_trust_anchor
from vigil.credentials.formats import supported_labels
from vigil.credentials.manifest import Kind, check_consent_hash
from vigil.credentials.stamp import stamp_facts, stamp_file, with_record
from vigil.credentials.verify import Status, verify_file
from vigil.credentials.words import verification_lines
from vigil.engine import evaluate
from vigil.models.assessment import Assessment

EXIT_REFUSED = 1
EXIT_NOT_VALID = 1


def _material(args: argparse.Namespace) -> SigningMaterial:
    now = dt.datetime.now(dt.UTC)
    if bool(args.cert) != bool(args.key):
        raise common.CliError("give both --cert (the certificate chain, PEM) and --key (its private key, PEM)")
    if args.cert:
        return load(Path(args.cert), Path(args.key), now)
    return local_material(now)


def _record(path: Path, assessment: Assessment) -> None:
    """Write the assessment file again with the stamp added (temporary file, then rename)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vigil-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(to_json(assessment))
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def cmd_stamp(args: argparse.Namespace) -> int:
    lang = args.lang
    assessment, checklist = common.load_assessment(args.assessment)
    try:
        consent = check_consent_hash(args.consent_sha256)
    except ValueError as exc:
        raise common.CliError(str(exc)) from None
    evaluation = evaluate(checklist, assessment, args.today)
    try:
        facts = stamp_facts(assessment, evaluation, args.today, kind=Kind(args.kind), consent_sha256=consent,
                            training_opt_out=not args.no_training_opt_out, confirmed=args.confirm, lang=lang)
    except StampRefused as exc:
        say(str(exc), err=True)
        if exc.needs_confirmation:
            say("(--confirm)", err=True)
        return EXIT_REFUSED
    try:
        material = _material(args)
        stamped = stamp_file(Path(args.file), Path(args.output), facts, material)
    except CredentialsError as exc:
        raise common.CliError(str(exc)) from None
    t = i18n.t
    say(t(lang, "cred.stamped", file=args.output, format=stamped.format.label, signer=material.subject))
    say(t(lang, "cred.stamped.sha256", sha256=stamped.record.sha256))
    if material.local:
        say(t(lang, "cred.stamped.local", ca=str(data_folder())))
    if not args.no_record:
        target = Path(args.assessment)
        try:
            _record(target, with_record(assessment, stamped.record))
        except OSError as exc:
            say(t(lang, "cred.record_failed", file=args.assessment, reason=exc.strerror), err=True)
        else:
            say(t(lang, "cred.recorded", file=args.assessment))
    return common.EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    anchors = local_trust_anchor() or b""
    if args.trust:
        try:
            anchors += Path(args.trust).read_bytes()
        except OSError as exc:
            raise common.CliError(f"cannot read {args.trust!r}: {exc.strerror}") from None
    try:
        verification = verify_file(Path(args.file), anchors or None)
    except CredentialsError as exc:
        raise common.CliError(str(exc)) from None
    if args.json:
        say_json(verification.model_dump(mode="json"))
    else:
        say("\n".join(verification_lines(verification, args.lang)))
    return common.EXIT_OK if verification.status == Status.valid and verification.vigil else EXIT_NOT_VALID


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    langs = list(i18n.available_languages())
    p = sub.add_parser("stamp", help=f"put Content Credentials (C2PA) on a finished file ({supported_labels()})",
                       description="Embed signed Content Credentials (C2PA) that say the file was made with AI, "
                                   "with the assessment's reference and verdict. Exit 0 stamped, 1 refused by the "
                                   "verdict, 2 unusable input.")
    p.add_argument("assessment", metavar="ASSESSMENT", help="the assessment file (.json)")
    p.add_argument("file", metavar="FILE", help="the finished photo, video or sound file")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="where to write the stamped copy")
    p.add_argument("--cert", metavar="CHAIN.pem", help="your signing certificate chain (PEM, signing cert first)")
    p.add_argument("--key", metavar="KEY.pem", help="the private key of that certificate (PEM, unencrypted)")
    p.add_argument("--confirm", action="store_true",
                   help="stamp although the verdict is 'resolve first' (never when it is 'stop')")
    p.add_argument("--kind", choices=[k.value for k in Kind], default=Kind.created.value,
                   help="created: made by AI (default); edited: real footage changed with AI")
    p.add_argument("--no-training-opt-out", action="store_true",
                   help="leave out the 'do not use for AI training' assertion")
    p.add_argument("--consent-sha256", metavar="HEX", help="SHA-256 of the signed consent record, to embed")
    p.add_argument("--no-record", action="store_true", help="do not record the stamp in the assessment file")
    p.add_argument("--lang", choices=langs, default="en")
    p.add_argument("--today", type=common.parse_date, default=dt.date.today(),
                   help="evaluate and date the stamp as of this day (YYYY-MM-DD)")
    p.set_defaults(func=cmd_stamp)

    p = sub.add_parser("verify", help="read a file's Content Credentials: Vigil's? intact? trusted? what they say",
                       description="Exit 0: Vigil's Content Credentials, intact. 1: none, someone else's, or "
                                   "altered after stamping. 2: unusable input.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--trust", metavar="CA.pem", help="also trust this certificate authority (PEM)")
    p.add_argument("--lang", choices=langs, default="en")
    p.set_defaults(func=cmd_verify)
