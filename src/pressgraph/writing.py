"""Write outputs so that a failed or interrupted build leaves the previous ones intact."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError


def write_atomic(path: Path, text: str | Iterable[str]) -> Path:
    """Write `text` (a string, or chunks of one) to a temporary file beside `path`, then
    rename it into place. The file gets the mode of the one it replaces, else the umask's
    (a temporary file alone would be private, mode 0600). Temporary files of `path` that an
    interrupted build left behind are deleted first (one build writes an output at a time).

    Raises:
        PressgraphError: KG013 when the folder cannot be made or the file cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(path)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                            dir=path.parent)
    except OSError as err:  # the folder is a file, or cannot be made or written in
        why = ("a file stands where its folder should be"
               if isinstance(err, FileExistsError | NotADirectoryError) else err.strerror or err)
        raise PressgraphError(Errors.KG013.format(path=path, why=why)) from None
    tmp = Path(tmp_name)
    try:
        os.fchmod(handle, _mode_for(path))
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


def _remove_leftovers(path: Path) -> None:
    """Delete the `.NAME.*.tmp` files a killed write of `path` left beside it."""
    prefix = f".{path.name}."
    for entry in path.parent.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and entry.is_file():
            entry.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The permission bits of the file at `path`, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@cache
def _umask() -> int:
    """The process's umask (read once: setting it back is not atomic for other threads)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
