"""The push stage: load the built graph into a remote store, one named graph per article.

Every named graph of the TriG replaces its namesake on the store with one HTTP PUT (SPARQL 1.1
Graph Store HTTP Protocol), so a rebuilt article's graph is replaced, never merged. A graph is
left alone when it is unchanged: the store still holds it with the same number of triples, and
the manifest beside the TriG (NAME.pushed.json: per Graph Store endpoint, graph IRI -> SHA-256
of its sorted N-Triples) says these very triples were the last ones sent there. With `prune`,
the store's article graphs (under BASE/doc/) that the build no longer has are deleted; no other
graph is ever deleted, and without `prune` they are only listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pressgraph.config import load_config
from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.graphstore import GraphStore
from pressgraph.stages.local_graphs import LocalGraph, read_graphs
from pressgraph.stages.remote import is_url
from pressgraph.stages.store_layouts import endpoints
from pressgraph.writing import write_atomic


@dataclass
class PushReport:
    """What a push did, graph IRIs in sorted order."""

    put: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    loose: int = 0
    not_union: str | None = None  # a query endpoint where no-GRAPH queries see nothing

    def summary(self, url: str) -> str:
        """The lines to print: the counts, then what was left for the user to decide."""
        lines = [f"pushed to {url}: {len(self.put)} put, {len(self.unchanged)} unchanged, "
                 f"{len(self.deleted)} deleted"]
        if self.stale:
            lines.append(f"{len(self.stale)} article graph(s) in the store are no longer in the "
                         f"build (pass --prune to delete them): {', '.join(self.stale)}")
        if self.loose:
            lines.append(f"skipped {self.loose} triple(s) outside the named graphs")
        if self.not_union:
            lines.append(f"warning: {Errors.KG056.format(url=self.not_union)}")
        return "\n".join(lines)


def manifest_path(trig: Path) -> Path:
    """Where the record of what was pushed lives: NAME.pushed.json beside NAME.trig."""
    return trig.with_name(f"{trig.stem}.pushed.json")


def _load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """The manifest, or an empty one if it is missing or unreadable (it is only a cache)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def push(trig: Path, store: GraphStore, base_iri: str, prune: bool = False) -> PushReport:
    """Send the TriG's named graphs to the store, skipping those it already has.

    Args:
        trig: the built graph, one named graph per article.
        store: the remote store.
        base_iri: the build's base IRI; only graphs under it are listed, and with `prune`
            only graphs under BASE/doc/ that the build lacks are deleted.
        prune: delete the article graphs no longer in the build.

    Raises:
        PressgraphError: KG050-KG054 when the store can't be reached or refuses a request,
            KG055 when pruning with a base IRI that none of the build's graphs is under.
    """
    graphs, loose = read_graphs(trig)
    prefix = f"{base_iri}doc/"
    if prune and not any(iri.startswith(prefix) for iri in graphs):
        raise PressgraphError(Errors.KG055.format(path=trig, prefix=prefix))
    remote = store.list_graphs(base_iri)
    path, key = manifest_path(trig), store.ends.graph_store
    manifest = _load_manifest(path)
    sent = {iri: digest for iri, digest in manifest.get(key, {}).items() if iri in remote}
    report = PushReport(loose=loose)
    try:
        _send_graphs(graphs, remote, sent, store, report)
        for iri in sorted(set(remote) - set(graphs)):
            if not iri.startswith(prefix):
                continue
            if prune:
                store.delete(iri)
                sent.pop(iri, None)
            (report.deleted if prune else report.stale).append(iri)
    finally:
        manifest[key] = dict(sorted(sent.items()))
        write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    if graphs and not store.default_graph_has_triples():
        report.not_union = store.ends.query
    return report


def _send_graphs(graphs: dict[str, LocalGraph], remote: dict[str, int], sent: dict[str, str],
                 store: GraphStore, report: PushReport) -> None:
    """PUT each graph the store lacks or holds in another version, recording it in `sent`."""
    for iri in sorted(graphs):
        local = graphs[iri]
        if remote.get(iri) == local.triples and sent.get(iri) == local.digest:
            report.unchanged.append(iri)
            continue
        sent.pop(iri, None)
        store.put(iri, local.data)
        sent[iri] = local.digest
        report.put.append(iri)


def run_push(trig: Path | None, store: str, graph_store: str | None = None,
             user: str | None = None, password: str | None = None, token: str | None = None,
             prune: bool = False, config_path: Path | None = None) -> str:
    """Push the built graph (default: the config's OUT/NAME.trig) and return the summary."""
    config = load_config(config_path)
    trig = trig or Path(config.out) / f"{config.name}.trig"
    if not trig.is_file():
        why = "no such file; run `pressgraph build` first, or pass the TriG to push"
        raise PressgraphError(Errors.KG006.format(path=trig, why=why))
    for url in filter(None, (store, graph_store)):
        if not is_url(url):  # another scheme (ftp:, file:) could wait on a server forever
            why = "pressgraph pushes over http:// or https:// only"
            raise PressgraphError(Errors.KG050.format(url=url, why=why))
    client = GraphStore(endpoints(store, graph_store, bool(user)), user, password, token)
    return push(trig, client, config.base_iri, prune).summary(client.ends.graph_store)
