"""A cache of parsed framework files (JSON in the user cache folder), so that start-up neither imports the YAML
reader nor parses the files again. An entry is used only when the file's path, size, modification time and
content digest, the framework format and the app version all match; anything else (or any problem reading or
writing the cache) means the file is parsed as usual."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from ggsr_desktop import __version__

FORMAT = 1


def cache_dir() -> Path:
    override = os.environ.get("GGSR_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ggsr-desktop", appauthor=False)) / "frameworks"


def _key(path: Path, builtin: bool) -> dict | None:
    try:
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return {"format": FORMAT, "version": __version__, "path": str(path.resolve()), "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns, "sha256": digest, "builtin": builtin}


def _entry(path: Path) -> Path:
    return cache_dir() / (hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32] + ".json")


def get(path: Path, builtin: bool) -> dict | None:
    key = _key(path, builtin)
    try:
        stored = json.loads(_entry(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("framework") if key is not None and stored.get("key") == key else None


def put(path: Path, builtin: bool, framework: dict) -> None:
    key = _key(path, builtin)
    if key is None:
        return
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"key": key, "framework": framework}, f, ensure_ascii=False)
        os.replace(tmp, _entry(path))
    except OSError:
        pass  # a cache that cannot be written only costs the next start a parse
