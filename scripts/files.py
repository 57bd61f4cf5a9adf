"""Writing files atomically: a reader never sees half a file, and a failed write leaves none;
and the one content digest that the parse cache and the build stamp share."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def digest(data: bytes) -> bytes:
    """The content digest of a file's bytes. The parse cache keys studies by it and the build
    stamp records it, so a study's digest means the same thing in both."""
    return hashlib.blake2b(data, digest_size=16).digest()
