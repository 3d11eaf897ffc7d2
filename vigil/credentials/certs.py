"""Signing material: the maker's own certificate chain and key, or a local CA and signing certificate.

The C2PA library rejects a self-signed certificate and one without a suitable extended key usage, with the
same terse "the certificate is invalid" for both; ``check`` looks first, so the maker reads what is wrong and
what to do. The local material lives in ``<data folder>/credentials`` (folder 0700, files 0600) and is made on
first use: a CA (kept, so the signing certificate can be renewed) and a signing certificate with the
emailProtection extended key usage. Readers will call it "untrusted" unless they add the local CA.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.exceptions import UnsupportedAlgorithm as UnsupportedAlgorithmError
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from vigil.credentials import CertificateError
from vigil.store.config import default_data_dir

FOLDER = "credentials"
CA_CERT, CA_KEY = "local-ca.pem", "local-ca-key.pem"
SIGNER_CHAIN, SIGNER_KEY = "signer-chain.pem", "signer-key.pem"
CA_YEARS, SIGNER_DAYS, RENEW_DAYS = 20, 2 * 365, 30
EMAIL_PROTECTION = ExtendedKeyUsageOID.EMAIL_PROTECTION
ALLOWED_EKUS: dict[str, str] = {
    "1.3.6.1.5.5.7.3.4": "emailProtection",
    "1.3.6.1.5.5.7.3.36": "documentSigning",
    "1.3.6.1.4.1.62558.2.1": "C2PA claim signing",
    "1.3.6.1.4.1.311.76.59.1.9": "Microsoft C2PA signing",
}
TRUST_CONFIG = "".join(f"{oid}\n" for oid in ALLOWED_EKUS)
"""The extended key usages C2PA accepts, as the library's ``trust.trust_config`` setting wants them."""
_CURVES = {"secp256r1": "es256", "secp384r1": "es384", "secp521r1": "es512"}
_WHAT_TO_DO = "use a certificate issued by a certificate authority for C2PA, or leave out --cert and --key to sign " \
              "with Vigil's local certificate"

_E = TypeVar("_E", bound=x509.ExtensionType)
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey


@dataclass(frozen=True)
class SigningMaterial:
    chain_pem: bytes
    """The signing certificate first, then its issuers."""
    key_pem: bytes
    alg: str
    """The C2PA signing algorithm for the key: es256, es384, es512, ps256 or ed25519."""
    subject: str
    local: bool


def data_folder() -> Path:
    return default_data_dir() / FOLDER


# --------------------------------------------------------------------------- checking


def _algorithm(key: PrivateKey) -> str:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        alg = _CURVES.get(key.curve.name)
        if alg is None:
            raise CertificateError(f"the key uses the elliptic curve {key.curve.name}; C2PA signs with P-256, "
                                   "P-384 or P-521 (or RSA, or Ed25519)")
        return alg
    if isinstance(key, rsa.RSAPrivateKey):
        return "ps256"
    return "ed25519"


def _same_key(cert: x509.Certificate, key: PrivateKey) -> bool:
    def raw(k: object) -> bytes:
        return k.public_bytes(serialization.Encoding.DER,  # type: ignore[attr-defined, no-any-return]
                              serialization.PublicFormat.SubjectPublicKeyInfo)
    return raw(cert.public_key()) == raw(key.public_key())


def _self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _ext(cert: x509.Certificate, kind: type[_E]) -> _E | None:
    try:
        return cert.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _read_key(key_pem: bytes) -> PrivateKey:
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except TypeError:
        raise CertificateError("the key file is protected by a password; give Vigil an unencrypted copy "
                               "(for example: openssl pkey -in KEY.pem -out KEY-plain.pem)") from None
    except (ValueError, UnsupportedAlgorithmError):
        raise CertificateError("the key file holds no private key in PEM format "
                               "(it should begin with -----BEGIN PRIVATE KEY-----)") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey):
        raise CertificateError(f"the key is a {type(key).__name__}; C2PA signs with an EC (P-256/384/521), RSA "
                               "or Ed25519 key")
    return key


def check(chain_pem: bytes, key_pem: bytes, now: dt.datetime, *, local: bool = False) -> SigningMaterial:
    """Signing material the C2PA library will accept, or ``CertificateError`` saying what is wrong."""
    try:
        chain = x509.load_pem_x509_certificates(chain_pem)
    except ValueError:
        raise CertificateError("the certificate file holds no certificate in PEM format "
                               "(it should begin with -----BEGIN CERTIFICATE-----)") from None
    key = _read_key(key_pem)
    leaf = chain[0]
    basic = _ext(leaf, x509.BasicConstraints)
    if basic is not None and basic.ca:
        raise CertificateError("the first certificate in the file is a certificate authority; put the signing "
                               "certificate first, followed by the certificates that issued it")
    if not _same_key(leaf, key):
        raise CertificateError("the key does not belong to the certificate (the first one in the file); give "
                               "the key that was made together with that certificate")
    if _self_signed(leaf):
        raise CertificateError(f"the certificate is self-signed, and C2PA does not accept that; {_WHAT_TO_DO}")
    if leaf.not_valid_after_utc < now:
        raise CertificateError(f"the certificate expired on {leaf.not_valid_after_utc.date().isoformat()}; "
                               "renew it, or leave out --cert and --key to use Vigil's local certificate")
    if leaf.not_valid_before_utc > now:
        raise CertificateError(f"the certificate is valid only from {leaf.not_valid_before_utc.date().isoformat()}"
                               "; check the computer's clock, or use another certificate")
    usage = _ext(leaf, x509.KeyUsage)
    if usage is None or not usage.digital_signature:
        raise CertificateError("the certificate's key usage does not include digitalSignature, which C2PA "
                               f"needs; {_WHAT_TO_DO}")
    ekus = _ext(leaf, x509.ExtendedKeyUsage)
    if ekus is None or not any(o.dotted_string in ALLOWED_EKUS for o in ekus):
        wanted = ", ".join(f"{name} ({oid})" for oid, name in ALLOWED_EKUS.items())
        raise CertificateError(f"the certificate has the wrong extended key usage for C2PA: it needs one of "
                               f"{wanted}; {_WHAT_TO_DO}")
    if _ext(leaf, x509.AuthorityKeyIdentifier) is None:
        raise CertificateError("the certificate has no authority key identifier, which C2PA needs; "
                               f"{_WHAT_TO_DO}")
    return SigningMaterial(
        chain_pem=b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain),
        key_pem=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()),
        alg=_algorithm(key),
        subject=leaf.subject.rfc4514_string(),
        local=local,
    )


def load(cert_path: Path, key_path: Path, now: dt.datetime) -> SigningMaterial:
    """The maker's own certificate chain and key, checked."""
    def read(path: Path, what: str) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise CertificateError(f"there is no {what} file {str(path)!r}") from None
        except OSError as exc:
            raise CertificateError(f"cannot read the {what} file {str(path)!r}: {exc.strerror}") from None

    return check(read(cert_path, "certificate"), read(key_path, "key"), now)


# --------------------------------------------------------------------------- the local CA


def _name(common: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Vigil local signing - not on the C2PA trust list"),
    ])


def _key_usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=sign, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=not sign, crl_sign=not sign,
                         encipher_only=False, decipher_only=False)


def _new_ca(now: dt.datetime) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("Vigil local certificate authority")
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(sign=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _new_signer(ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, now: dt.datetime
                ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder().subject_name(_name("Vigil local signer")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=SIGNER_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(sign=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` readable by the owner only (0600), replacing ``path`` in one step."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pem")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
    except OSError as exc:
        raise CertificateError(f"cannot use the folder {str(folder)!r} for Vigil's signing certificate: "
                               f"{exc.strerror}; set VIGIL_DATA_DIR to a folder you can write to") from None
    return folder


def local_material(now: dt.datetime, folder: Path | None = None) -> SigningMaterial:
    """Vigil's local signing material, made on first use (and the signing certificate renewed near expiry)."""
    where = _folder(folder or data_folder())
    ca_path, ca_key_path = where / CA_CERT, where / CA_KEY
    chain_path, key_path = where / SIGNER_CHAIN, where / SIGNER_KEY
    try:
        if not (ca_path.exists() and ca_key_path.exists()):
            new_ca, new_ca_key = _new_ca(now)
            _write_private(ca_key_path, _pem_key(new_ca_key))
            _write_private(ca_path, new_ca.public_bytes(serialization.Encoding.PEM))
            chain_path.unlink(missing_ok=True)
        ca = x509.load_pem_x509_certificate(ca_path.read_bytes())
        if chain_path.exists() and key_path.exists():
            leaf = x509.load_pem_x509_certificates(chain_path.read_bytes())[0]
            if leaf.not_valid_after_utc - now > dt.timedelta(days=RENEW_DAYS):
                return check(chain_path.read_bytes(), key_path.read_bytes(), now, local=True)
        loaded = serialization.load_pem_private_key(ca_key_path.read_bytes(), password=None)
        if not isinstance(loaded, ec.EllipticCurvePrivateKey):
            raise CertificateError(f"{str(ca_key_path)!r} is not Vigil's local CA key; move the folder "
                                   f"{str(where)!r} aside and Vigil will make a new one")
        cert, key = _new_signer(ca, loaded, now)
        _write_private(key_path, _pem_key(key))
        _write_private(chain_path, cert.public_bytes(serialization.Encoding.PEM)
                       + ca.public_bytes(serialization.Encoding.PEM))
        return check(chain_path.read_bytes(), key_path.read_bytes(), now, local=True)
    except ValueError:
        raise CertificateError(f"Vigil's local signing files in {str(where)!r} are damaged; move the folder "
                               "aside and Vigil will make new ones") from None
    except OSError as exc:
        raise CertificateError(f"cannot use Vigil's local signing files in {str(where)!r}: {exc.strerror}") \
            from None


def local_trust_anchor(folder: Path | None = None) -> bytes | None:
    """The local CA certificate (PEM), when Vigil has made one: readers trust files it signed."""
    path = (folder or data_folder()) / CA_CERT
    try:
        return path.read_bytes()
    except OSError:
        return None
