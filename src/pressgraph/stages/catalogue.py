"""The query catalogue: named analyst questions kept as `ontology/queries/<name>.rq`.

Each file starts with a `# ` comment line saying what it answers (its description in
`pressgraph query --list`), declares its PREFIXes, and needs no GRAPH clause: queries run on
the union of the article graphs. `resolve_query` accepts SPARQL text, a path to a query file,
or a catalogue name (with or without `.rq`).
"""

from __future__ import annotations

import re
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError
from pressgraph.resources import project_file

QUERY_DIR = "ontology/queries"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_SPARQL = re.compile(
    r"\A\s*(?:#[^\n]*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_dir() -> Path:
    """The folder of the catalogue's .rq files (source checkout or installed wheel)."""
    return project_file(QUERY_DIR)


def list_queries() -> list[tuple[str, str]]:
    """The catalogue as (name, one-line description) pairs, sorted by name."""
    return [(path.stem, describe(_read(path))) for path in sorted(query_dir().glob("*.rq"))]


def describe(query_text: str) -> str:
    """The text of the query's first comment line, or '' if it has none."""
    for line in query_text.splitlines():
        if line.lstrip().startswith("#"):
            return line.lstrip().lstrip("#").strip()
    return ""


def resolve_query(arg: str) -> str:
    """The SPARQL text meant by a command-line argument.

    Args:
        arg: SPARQL text, a path to a query file, or a catalogue name such as `cmo-roles`.

    Returns:
        The query text.

    Raises:
        PressgraphError: KG010 if `arg` is neither; KG006 if the file cannot be read.
    """
    if "{" in arg or _SPARQL.match(arg):
        return arg
    path = Path(arg)
    if _is_file(path):
        return _read(path)
    stem = arg.removesuffix(".rq")
    if _NAME.fullmatch(stem) and (query_dir() / f"{stem}.rq").is_file():
        return _read(query_dir() / f"{stem}.rq")
    raise PressgraphError(Errors.KG010.format(path=arg))


def _is_file(path: Path) -> bool:
    """Path.is_file that says False for names the OS refuses (too long, ...)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _read(path: Path) -> str:
    """A query file's text (KG006 if it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        why = " ".join(str(err).split())
        raise PressgraphError(Errors.KG006.format(path=path, why=why)) from None
