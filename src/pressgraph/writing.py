"""Write outputs so that a failed or interrupted build leaves the previous ones intact."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError


def write_atomic(path: Path, text: str | Iterable[str]) -> Path:
    """Write `text` (a string, or chunks of one) to a temporary file beside `path`, then
    rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise PressgraphError(Errors.KG013.format(path=path, why=err.strerror or err)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
