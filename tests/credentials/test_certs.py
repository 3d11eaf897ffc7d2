"""Signing material: the local CA made on first use, and clear messages for certificates C2PA rejects."""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

from tests.credentials import media
from tests.credentials.certs import NOW, TestCA, self_signed
from vigil.credentials import CertificateError, library
from vigil.credentials.certs import (
    CA_CERT,
    SIGNER_CHAIN,
    SigningMaterial,
    check,
    load,
    local_material,
    local_trust_anchor,
)


def test_local_material_is_made_on_first_use_owner_only(data_dir: Path) -> None:
    material = local_material(NOW)
    folder = data_dir / "credentials"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["local-ca-key.pem", "local-ca.pem", "signer-chain.pem", "signer-key.pem"]
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    assert material.local and material.alg == "es256"
    assert "Vigil local signer" in material.subject
    assert local_trust_anchor() == (folder / CA_CERT).read_bytes()


def test_local_material_is_reused_then_renewed_near_expiry(data_dir: Path) -> None:
    first = local_material(NOW)
    assert local_material(NOW + dt.timedelta(days=10)).chain_pem == first.chain_pem
    ca = (data_dir / "credentials" / CA_CERT).read_bytes()
    renewed = local_material(NOW + dt.timedelta(days=2 * 365 - 5))
    assert renewed.chain_pem != first.chain_pem
    assert (data_dir / "credentials" / CA_CERT).read_bytes() == ca  # the same CA: old stamps stay trusted


def test_no_trust_anchor_before_first_use() -> None:
    assert local_trust_anchor() is None


def test_damaged_local_files_get_a_message(data_dir: Path) -> None:
    local_material(NOW)
    (data_dir / "credentials" / SIGNER_CHAIN).write_bytes(b"-----BEGIN CERTIFICATE-----\nbroken\n")
    with pytest.raises(CertificateError, match="damaged"):
        local_material(NOW)


def test_a_good_maker_certificate_is_accepted(tmp_path: Path) -> None:
    chain, key = TestCA().leaf(cn="Studio Lindenblatt")
    (tmp_path / "c.pem").write_bytes(chain)
    (tmp_path / "k.pem").write_bytes(key)
    material = load(tmp_path / "c.pem", tmp_path / "k.pem", NOW)
    assert material.subject == "CN=Studio Lindenblatt" and not material.local


def _rejected_by_library(chain: bytes, key: bytes) -> bool:
    material = SigningMaterial(chain_pem=chain, key_pem=key, alg="es256", subject="x", local=False)
    manifest = {"title": "t", "assertions": [{"label": "c2pa.actions", "data": {"actions": [
        {"action": "c2pa.created", "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/"
                                                        "trainedAlgorithmicMedia"}]}}]}
    try:
        library.sign(io.BytesIO(media.image("JPEG")), io.BytesIO(), "image/jpeg", manifest, material)
    except CertificateError:
        return True
    return False


CA = TestCA()
CASES = {
    "self-signed": (self_signed(), "self-signed"),
    "wrong EKU": (CA.leaf(eku=[ExtendedKeyUsageOID.SERVER_AUTH]), "wrong extended key usage"),
    "any EKU": (CA.leaf(eku=[ObjectIdentifier("2.5.29.37.0")]), "wrong extended key usage"),
    "no key usage": (CA.leaf(key_usage=False), "digitalSignature"),
    "expired": (CA.leaf(valid_days=(-30, -1)), "expired"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rejected_certificates_get_one_line_naming_what_is_wrong(case: str) -> None:
    (chain, key), words = CASES[case]
    assert _rejected_by_library(chain, key), "the library itself should reject this certificate"
    with pytest.raises(CertificateError) as err:
        check(chain, key, NOW)
    assert words in str(err.value)
    assert "\n" not in str(err.value)


def test_self_signed_is_refused_even_where_the_library_would_sign() -> None:
    """c2pa-python 0.38.1 signs with a self-signed certificate that carries an authority key identifier;
    C2PA's certificate profile forbids self-signed signers, so Vigil refuses it before the library sees it."""
    chain, key = self_signed(with_aki=True)
    assert not _rejected_by_library(chain, key)
    with pytest.raises(CertificateError, match="self-signed"):
        check(chain, key, NOW)


def test_the_library_message_is_terse_which_is_why_vigil_checks_first() -> None:
    (chain, key), _ = CASES["self-signed"]
    material = SigningMaterial(chain_pem=chain, key_pem=key, alg="es256", subject="x", local=False)
    with pytest.raises(CertificateError, match="rejected the signing certificate"):
        library.sign(io.BytesIO(media.image("JPEG")), io.BytesIO(), "image/jpeg", {"title": "t"},
                     material)


def test_key_of_another_certificate() -> None:
    chain, _ = CA.leaf()
    _, other_key = CA.leaf()
    with pytest.raises(CertificateError, match="does not belong to the certificate"):
        check(chain, other_key, NOW)


def test_ca_first_in_the_file() -> None:
    chain, key = CA.leaf()
    parts = chain.split(b"-----END CERTIFICATE-----\n")
    swapped = parts[1] + b"-----END CERTIFICATE-----\n" + parts[0] + b"-----END CERTIFICATE-----\n"
    with pytest.raises(CertificateError, match="put the signing certificate first"):
        check(swapped, key, NOW)


def test_password_protected_key() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    chain, key = CA.leaf()
    loaded = serialization.load_pem_private_key(key, None)
    assert isinstance(loaded, ec.EllipticCurvePrivateKey)
    from tests.credentials.certs import key_pem
    with pytest.raises(CertificateError, match="password"):
        check(chain, key_pem(loaded, b"secret"), NOW)


@pytest.mark.parametrize(("chain", "key", "words"), [
    (b"not a certificate", b"", "no certificate"),
])
def test_garbage_files(chain: bytes, key: bytes, words: str) -> None:
    with pytest.raises(CertificateError, match=words):
        check(chain, key, NOW)


def test_missing_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(CertificateError, match="there is no certificate file"):
        load(tmp_path / "nope.pem", tmp_path / "k.pem", NOW)
