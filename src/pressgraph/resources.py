"""Find the project's data files (ontology/, build/, corpus/sample/) from source or a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def project_file(relative: str) -> Path:
    """Return the path of a project data file such as `ontology/queries`.

    A wheel carries them under `pressgraph/_data/`; a source checkout (or an editable
    install) has them at the repository root.
    """
    for root in (_PACKAGE / "_data", _PACKAGE.parents[1]):
        candidate = root / relative
        if candidate.exists():
            return candidate
    return _PACKAGE.parents[1] / relative
