"""The rename swap that puts a new store in place of `<store>` (stages/store.py builds it).

A rebuild never leaves a half-written store in place of a good one:

1. build into `<store>.tmp-build` (a leftover one is deleted first), then close it: a bulk
   load of the TriG, or, after a build, a checkpoint of the current store with only the
   changed named graphs replaced (stages/store_update.py);
2. rename it to `<store>.tmp-new`: a `.tmp-new` directory is always a complete store;
3. rename `<store>` to `<store>.tmp-old`, then `<store>.tmp-new` to `<store>`;
4. delete `<store>.tmp-old`.

A crash in 1-2 leaves `<store>` untouched. A crash between the renames of 3 leaves no `<store>`:
`locate` (which `open_store` calls) then finishes the swap from `.tmp-new` (or puts `.tmp-old`
back) and, if it may not rename, gives that directory to open as it is. The next `load_store`
deletes whatever is left over.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import one_line


def prepare_build(store_dir: Path) -> Path:
    """The directory to build a new store in (step 1), once `store_dir` may be replaced.

    An interrupted swap is finished and the leftovers of earlier builds are deleted first.

    Raises:
        PressgraphError: KG019 if `store_dir` exists and is neither a store nor empty.
    """
    build, new, old = _siblings(store_dir)
    locate(store_dir)
    if store_dir.exists() and not _replaceable(store_dir):
        why = "it exists and is not a pressgraph store; pick another --store"
        raise PressgraphError(Errors.KG019.format(path=store_dir, why=why))
    for leftover in (build, new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    return build


def swap_in(store_dir: Path) -> None:
    """Put the closed store built in `prepare_build(store_dir)` in place of `store_dir` (2-4).

    Raises:
        PressgraphError: KG019 if a rename fails.
    """
    build, new, old = _siblings(store_dir)
    try:
        build.rename(new)
        if store_dir.exists():
            store_dir.rename(old)
        new.rename(store_dir)
    except OSError as err:
        raise PressgraphError(Errors.KG019.format(path=store_dir, why=one_line(err))) from None
    shutil.rmtree(old, ignore_errors=True)


def locate(store_dir: Path) -> Path | None:
    """The directory holding the current store, finishing an interrupted swap if it can."""
    if store_dir.is_dir():
        return store_dir
    _, new, old = _siblings(store_dir)
    for candidate in (new, old):
        if candidate.is_dir():
            try:
                candidate.rename(store_dir)
            except OSError:
                return candidate
            return store_dir
    return None


def _siblings(store_dir: Path) -> tuple[Path, Path, Path]:
    """The build, new and old directories next to the store directory."""
    return tuple(store_dir.with_name(f"{store_dir.name}.tmp-{k}") for k in ("build", "new", "old"))


def _replaceable(store_dir: Path) -> bool:
    """True for a directory `load_store` may replace: a store, or empty."""
    if not store_dir.is_dir():
        return False
    return (store_dir / "CURRENT").is_file() or not any(store_dir.iterdir())
