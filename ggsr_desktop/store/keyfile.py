"""The key file of an encrypted database: its data key, wrapped for the passphrase and for the organisation.

The database is encrypted (SQLCipher) with a random 256-bit data key. That key never touches the disk in the
clear: the key file next to the database (`<database>.key`, JSON) holds it wrapped twice —
- under a key derived from the inspector's passphrase (scrypt, AES-256-GCM), and
- optionally for the organisation's recovery key pair (X25519 + HKDF-SHA256 + AES-256-GCM): the laptop holds
  only the public half; IT keeps the private half offline and can set a new passphrase with it.
Changing the passphrase rewraps the data key; the database itself is not rewritten.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ggsr_desktop.errors import StoreError, WrongPassphraseError
from ggsr_desktop.paths import KEY_SUFFIX, key_path  # noqa: F401 - part of this module's interface

FORMAT = "ggsr-desktop-keyfile"
VERSION = 1
MIN_PASSPHRASE = 12
# scrypt cost: about 0.4 s and 64 MiB on a 2-core laptop, so a wrong passphrase is reported well within a second
SCRYPT = {"n": 2**16, "r": 8, "p": 1}
_RECOVERY_INFO = b"ggsr-desktop recovery v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _scrypt(passphrase: str, salt: bytes, params: dict) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params["n"], r=params["r"], p=params["p"],
                          maxmem=256 * 1024 * 1024, dklen=32)


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak (Dutch), or None when it will do."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"gebruik minstens {MIN_PASSPHRASE} tekens (bijvoorbeeld vier losse woorden)"
    if len(set(passphrase)) < 6:
        return "gebruik meer verschillende tekens"
    return None


def strength_hint(passphrase: str) -> str:
    """A short Dutch hint on the strength of a passphrase being typed."""
    problem = passphrase_problem(passphrase)
    if problem:
        return f"Te zwak: {problem}."
    classes = sum(any(f(c) for c in passphrase) for f in (str.islower, str.isupper, str.isdigit,
                                                           lambda c: not c.isalnum()))
    if len(passphrase) >= 20 or (len(passphrase) >= 16 and classes >= 3):
        return "Sterk wachtwoord."
    return "Redelijk; langer is sterker (vier of vijf losse woorden)."


@dataclass(frozen=True)
class RecoveryKeyPair:
    private_pem: bytes  # for IT to keep offline
    public_pem: bytes  # to install on the laptops


def new_recovery_key_pair() -> RecoveryKeyPair:
    private = X25519PrivateKey.generate()
    return RecoveryKeyPair(
        private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
        private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )


def _load_public(pem: bytes) -> X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise StoreError(f"herstelsleutel (publiek deel) onleesbaar: {exc}") from None
    if not isinstance(key, X25519PublicKey):
        raise StoreError("herstelsleutel (publiek deel) is geen X25519-sleutel van GGSR Desktop")
    return key


def _load_private(pem: bytes) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"herstelsleutel onleesbaar: {exc}") from None
    if not isinstance(key, X25519PrivateKey):
        raise StoreError("herstelsleutel is geen X25519-sleutel van GGSR Desktop")
    return key


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_RECOVERY_INFO).derive(shared)


class KeyFile:
    """The wrapped data key of one database."""

    def __init__(self, path: Path, data: dict):
        self.path = Path(path)
        self.data = data

    # ---- making and reading ------------------------------------------------------------------------------

    @classmethod
    def create(cls, db_path, passphrase: str,
               recovery_public_pem: bytes | None = None) -> tuple[KeyFile, bytes]:
        """A new data key, wrapped for `passphrase` (and the organisation); written before the database is made."""
        problem = passphrase_problem(passphrase)
        if problem:
            raise StoreError(f"wachtwoord te zwak: {problem}")
        data_key = secrets.token_bytes(32)
        keyfile = cls(key_path(db_path), {"format": FORMAT, "version": VERSION,
                                               "key_id": secrets.token_hex(16)})
        keyfile._wrap_passphrase(data_key, passphrase)
        if recovery_public_pem:
            keyfile._wrap_recovery(data_key, recovery_public_pem)
        keyfile.save(new=True)
        return keyfile, data_key

    @classmethod
    def load(cls, db_path) -> KeyFile:
        path = key_path(db_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise StoreError(f"sleutelbestand ontbreekt: {path}; zet het terug naast de database "
                             "(het staat ook in elke back-upmap)") from None
        except (OSError, ValueError) as exc:
            raise StoreError(f"sleutelbestand onleesbaar: {path}: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or "passphrase" not in data:
            raise StoreError(f"geen sleutelbestand van GGSR Desktop: {path}")
        if data.get("version") != VERSION:
            raise StoreError(f"sleutelbestand heeft versie {data.get('version')}; werk GGSR Desktop bij: {path}")
        return cls(path, data)

    def save(self, new: bool = False, path: Path | None = None) -> None:
        """Write atomically (temp file, fsync, rename); `new` refuses to overwrite an existing key file."""
        target = Path(path or self.path)
        if new and target.exists():
            raise StoreError(f"sleutelbestand bestaat al: {target}")
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".ggsr-key-")
        except OSError as exc:
            raise StoreError(f"kan sleutelbestand niet schrijven: {target}: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.data, f, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
            _fsync_dir(target.parent)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StoreError(f"kan sleutelbestand niet schrijven: {target}: {exc.strerror}") from None

    # ---- wrapping ----------------------------------------------------------------------------------------

    def _wrap_passphrase(self, data_key: bytes, passphrase: str) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _scrypt(passphrase, salt, SCRYPT)
        self.data["passphrase"] = {"kdf": "scrypt", **SCRYPT, "salt": _b64(salt), "nonce": _b64(nonce),
                                   "wrapped": _b64(AESGCM(kek).encrypt(nonce, data_key, self._aad()))}

    def _wrap_recovery(self, data_key: bytes, public_pem: bytes) -> None:
        public = _load_public(public_pem)
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw,
                                                               serialization.PublicFormat.Raw)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _hkdf(ephemeral.exchange(public), salt)
        fingerprint = hashlib.sha256(public.public_bytes(serialization.Encoding.Raw,
                                                         serialization.PublicFormat.Raw)).hexdigest()[:16]
        self.data["recovery"] = {"scheme": "x25519-hkdf-sha256-aesgcm", "key_id": fingerprint,
                                 "ephemeral": _b64(ephemeral_public), "salt": _b64(salt), "nonce": _b64(nonce),
                                 "wrapped": _b64(AESGCM(kek).encrypt(nonce, data_key, self._aad()))}

    def _aad(self) -> bytes:
        return f"{FORMAT}:{VERSION}:{self.data['key_id']}".encode()

    @property
    def has_recovery(self) -> bool:
        return "recovery" in self.data

    # ---- unwrapping --------------------------------------------------------------------------------------

    def unlock(self, passphrase: str) -> bytes:
        """The data key; WrongPassphraseError when the passphrase does not open it."""
        slot = self.data["passphrase"]
        try:
            kek = _scrypt(passphrase, _unb64(slot["salt"]), slot)
            return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad())
        except InvalidTag:
            raise WrongPassphraseError("wachtwoord onjuist; de database is niet geopend en niet gewijzigd") from None
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(f"sleutelbestand beschadigd: {self.path}: {exc}") from None

    def unlock_with_recovery(self, private_pem: bytes) -> bytes:
        slot = self.data.get("recovery")
        if not slot:
            raise StoreError("deze database heeft geen herstelsleutel van de organisatie")
        private = _load_private(private_pem)
        try:
            ephemeral = X25519PublicKey.from_public_bytes(_unb64(slot["ephemeral"]))
            kek = _hkdf(private.exchange(ephemeral), _unb64(slot["salt"]))
            return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad())
        except InvalidTag:
            raise WrongPassphraseError("deze herstelsleutel hoort niet bij deze database") from None
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(f"sleutelbestand beschadigd: {self.path}: {exc}") from None

    def set_passphrase(self, data_key: bytes, new_passphrase: str) -> None:
        """Rewrap the data key for a new passphrase (after unlocking with the old one or the recovery key)."""
        problem = passphrase_problem(new_passphrase)
        if problem:
            raise StoreError(f"nieuw wachtwoord te zwak: {problem}")
        self._wrap_passphrase(data_key, new_passphrase)
        self.save()

    def change_passphrase(self, old: str, new: str) -> None:
        self.set_passphrase(self.unlock(old), new)

    def recover(self, private_pem: bytes, new_passphrase: str) -> bytes:
        data_key = self.unlock_with_recovery(private_pem)
        self.set_passphrase(data_key, new_passphrase)
        return data_key


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
