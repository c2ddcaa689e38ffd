"""Take the README screenshot of the view: `python scripts/screenshot.py [INPUT] [PNG]`.

INPUT is a view page (.html) or a built graph (.trig, .nq) drawn first; by default
graphs/sample.html, else graphs/sample.trig. PNG defaults to docs/view.png. Needs Debian's
/usr/bin/chromium and the `playwright` package (no `playwright install`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _page(source: Path, scratch: Path) -> Path:
    """The view page to photograph: the file itself, or a page drawn from a graph file."""
    if source.suffix == ".html":
        return source
    from rdflib import Dataset

    from pressgraph.stages.visualise import write_view

    dataset = Dataset()
    dataset.parse(source, format="trig" if source.suffix == ".trig" else "nquads")
    return write_view(dataset, scratch / "view.html", "pressgraph: sample articles")


def main(argv: list[str] | None = None) -> int:
    """Write the PNG and return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "graphs" / "sample.html"
    if not default.exists():
        default = ROOT / "graphs" / "sample.trig"
    parser.add_argument("source", nargs="?", type=Path, default=default)
    parser.add_argument("png", nargs="?", type=Path, default=ROOT / "docs" / "view.png")
    parser.add_argument("--select", help="IRI of the node to click (default: the first claim)")
    args = parser.parse_args(argv)
    if not args.source.exists():
        parser.error(f"{args.source}: no such file. Run `pressgraph build` first or pass a file.")
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import screenshot

    with tempfile.TemporaryDirectory() as scratch:
        screenshot(_page(args.source, Path(scratch)), args.png, select=args.select)
    sys.stdout.write(f"wrote {args.png}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
