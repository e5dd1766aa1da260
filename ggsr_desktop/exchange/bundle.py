"""The exchange file between inspectors (`.ggsr-bundle`): an encrypted, authenticated envelope around a JSON payload.

Layout: the magic `GGSRBNDL`, a format byte, the length (4 bytes, big-endian) of a JSON header, the header, then
AES-256-GCM ciphertext of the zlib-compressed payload. The header is readable without the key (kind, framework id
and fingerprint, app version, author, time, counts, how the key is wrapped) and is authenticated as associated data,
so changing a byte anywhere — header or payload — or cutting the file short makes it unreadable: it is refused with
a Dutch message and nothing is changed. The content key is derived from a passphrase (scrypt, as the database key
file) or agreed with a team's public X25519 key (ephemeral X25519 + HKDF-SHA256); the team's private key opens it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import struct
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.store.keyfile import SCRYPT, _b64, _scrypt, _unb64, passphrase_problem

MAGIC = b"GGSRBNDL"
FORMAT = 1
SUFFIX = ".ggsr-bundle"
KINDS = ("aanpak", "onderzoek", "oordelen")  # an approach, a whole study, or judgement files only
_TEAM_INFO = b"ggsr-desktop bundle v1"
_MAX_HEADER = 1 << 20


class BundleError(GgsrError):
    """A bundle that cannot be read: wrong key, damaged, tampered with or not a bundle at all."""


@dataclass(frozen=True)
class Secret:
    """How to open or seal a bundle: a passphrase, a team's public key (sealing) or its private key (opening)."""

    passphrase: str | None = None
    team_public_pem: bytes | None = None
    team_private_pem: bytes | None = None


@dataclass(frozen=True)
class Bundle:
    header: dict
    payload: dict


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_TEAM_INFO).derive(shared)


def _seal_key(secret: Secret) -> tuple[bytes, dict]:
    if secret.team_public_pem is not None:
        try:
            public = serialization.load_pem_public_key(secret.team_public_pem)
        except ValueError:
            raise BundleError("teamsleutel (publiek deel) onleesbaar") from None
        if not isinstance(public, X25519PublicKey):
            raise BundleError("teamsleutel is geen X25519-sleutel van GGSR Desktop")
        ephemeral = X25519PrivateKey.generate()
        salt = secrets.token_bytes(16)
        key = _hkdf(ephemeral.exchange(public), salt)
        raw = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return key, {"method": "x25519", "ephemeral": _b64(raw), "salt": _b64(salt)}
    if secret.passphrase is None:
        raise BundleError("geef een wachtwoord of een teamsleutel om het uitwisselbestand te versleutelen")
    problem = passphrase_problem(secret.passphrase)
    if problem:
        raise BundleError(f"wachtwoord voor het uitwisselbestand te zwak: {problem}")
    salt = secrets.token_bytes(16)
    return _scrypt(secret.passphrase, salt, SCRYPT), {"method": "scrypt", "salt": _b64(salt), **SCRYPT}


def _open_key(secret: Secret, wrap: dict) -> bytes:
    try:
        if wrap.get("method") == "x25519":
            if secret.team_private_pem is None:
                raise BundleError("dit uitwisselbestand is versleuteld voor een team: geef de privésleutel van het "
                                  "team")
            try:
                private = serialization.load_pem_private_key(secret.team_private_pem, password=None)
            except (ValueError, TypeError):
                raise BundleError("teamsleutel (privé) onleesbaar") from None
            if not isinstance(private, X25519PrivateKey):
                raise BundleError("teamsleutel is geen X25519-sleutel van GGSR Desktop")
            public = X25519PublicKey.from_public_bytes(_unb64(wrap["ephemeral"]))
            return _hkdf(private.exchange(public), _unb64(wrap["salt"]))
        if wrap.get("method") == "scrypt":
            if secret.passphrase is None:
                raise BundleError("dit uitwisselbestand is versleuteld met een wachtwoord: geef het wachtwoord")
            params = {k: int(wrap[k]) for k in ("n", "r", "p")}
            if params["n"] > 2**20 or params["r"] > 16 or params["p"] > 4:
                raise BundleError("uitwisselbestand vraagt een onredelijk zware sleutelafleiding; geweigerd")
            return _scrypt(secret.passphrase, _unb64(wrap["salt"]), params)
    except (KeyError, TypeError, ValueError):
        raise BundleError("uitwisselbestand beschadigd: de sleutelgegevens in de kop zijn onleesbaar") from None
    raise BundleError(f"onbekende versleuteling '{wrap.get('method')}' in het uitwisselbestand")


def write_bundle(path: Path, kind: str, header: dict, payload: dict, secret: Secret, app_version: str,
                 author: str) -> dict:
    """Seal and write atomically; returns the header as written."""
    if kind not in KINDS:
        raise BundleError(f"onbekende soort uitwisselbestand '{kind}'")
    path = Path(path)
    if path.suffix != SUFFIX:
        raise GgsrError(f"{path.name}: een uitwisselbestand eindigt op {SUFFIX}")
    if not path.parent.is_dir():
        raise GgsrError(f"map bestaat niet: {path.parent}")
    key, wrap = _seal_key(secret)
    nonce = secrets.token_bytes(12)
    full = {"format": "ggsr-bundle", "version": FORMAT, "kind": kind, "app_version": app_version, "author": author,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **header, "wrap": wrap,
            "nonce": _b64(nonce)}
    head = json.dumps(full, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + bytes([FORMAT]) + struct.pack(">I", len(head)) + head
    body = AESGCM(key).encrypt(nonce, zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6),
                               prefix)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(prefix + body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GgsrError(f"kan {path} niet schrijven: {exc.strerror or exc}") from None
    return full


def read_header(path: Path) -> tuple[dict, bytes, bytes]:
    """The header (not yet authenticated), the authenticated prefix and the ciphertext."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{path}: kan het uitwisselbestand niet lezen: {exc.strerror}") from None
    if not data.startswith(MAGIC):
        raise BundleError(f"{path}: geen uitwisselbestand van GGSR Desktop")
    if len(data) < len(MAGIC) + 5:
        raise BundleError(f"{path}: uitwisselbestand onvolledig (afgebroken)")
    if data[len(MAGIC)] != FORMAT:
        raise BundleError(f"{path}: uitwisselbestand van een nieuwere versie (formaat {data[len(MAGIC)]}); werk "
                          "GGSR Desktop bij")
    (length,) = struct.unpack(">I", data[len(MAGIC) + 1:len(MAGIC) + 5])
    start = len(MAGIC) + 5
    if length > _MAX_HEADER or start + length > len(data):
        raise BundleError(f"{path}: uitwisselbestand onvolledig of beschadigd (kop)")
    try:
        header = json.loads(data[start:start + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(f"{path}: uitwisselbestand beschadigd (kop onleesbaar)") from None
    if not isinstance(header, dict):
        raise BundleError(f"{path}: uitwisselbestand beschadigd (kop)")
    return header, data[:start + length], data[start + length:]


def read_bundle(path: Path, secret: Secret) -> Bundle:
    """Open and authenticate a bundle; any change or truncation is refused."""
    header, prefix, body = read_header(path)
    key = _open_key(secret, header.get("wrap") or {})
    try:
        plain = AESGCM(key).decrypt(_unb64(header["nonce"]), body, prefix)
    except InvalidTag:
        raise BundleError(f"{path}: uitwisselbestand kan niet worden geopend: verkeerd wachtwoord of sleutel, of het "
                          "bestand is beschadigd of gewijzigd") from None
    except (KeyError, ValueError):
        raise BundleError(f"{path}: uitwisselbestand beschadigd (kop)") from None
    try:
        payload = json.loads(zlib.decompress(plain).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(f"{path}: uitwisselbestand beschadigd (inhoud)") from None
    return Bundle(header, payload)
