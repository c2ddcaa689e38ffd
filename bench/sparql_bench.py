"""Benchmark SPARQL: the catalogue on the embedded store against rdflib, and the endpoint.

A script, not a test: it prints figures. The graph is `bench/synth_graph.py`'s synthetic build
(the real model's shape), loaded the way pressgraph loads it (`load_store`, `run_query`).

    python bench/sparql_bench.py --triples 1000000 [--runs 5] [--rdflib-cap 60] [--duration 20]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

from rdflib import Dataset

from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.store import load_store, open_store, run_query

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_graph import write_graph  # noqa: E402


def main() -> None:
    args = _arguments()
    out = sys.stdout.write
    out(f"load average at start: {os.getloadavg()[0]:.2f}\n")
    with tempfile.TemporaryDirectory(prefix="pressgraph-sparql-") as tmp:
        trig = Path(tmp) / "synthetic.trig"
        start = time.perf_counter()
        articles, quads = write_graph(args.triples, trig)
        out(f"synthetic graph: {articles} articles, {quads:,} quads, "
            f"{time.perf_counter() - start:.1f} s\n")
        start = time.perf_counter()
        load_store(trig, Path(tmp) / "store")
        out(f"pyoxigraph load: {time.perf_counter() - start:.1f} s\n")
        store = open_store(Path(tmp) / "store")
        dataset = None
        if not args.skip_rdflib:
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                dataset = Dataset(default_union=True)
                dataset.parse(trig, format="trig")
            out(f"rdflib load: {time.perf_counter() - start:.1f} s\n")
        _queries(store, dataset, args, out)
        del store
        _endpoint(Path(tmp) / "store", args, out)
    out(f"load average at end: {os.getloadavg()[0]:.2f}\n")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the graph")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (the median)")
    parser.add_argument("--rdflib-cap", type=float, default=60.0, help="seconds per query")
    parser.add_argument("--skip-rdflib", action="store_true", help="no rdflib comparison")
    parser.add_argument("--duration", type=float, default=20.0, help="endpoint run, seconds")
    parser.add_argument("--clients", type=int, default=8, help="concurrent endpoint clients")
    parser.add_argument("--endpoint-query", default="claims-by-source",
                        help="the catalogue query of the endpoint run")
    return parser.parse_args()


def _queries(store, dataset, args, out) -> None:
    """Median latency of each catalogue query on both stores, and the speed-up."""
    out(f"{'query':38} {'oxigraph ms':>12} {'rdflib ms':>12} {'speed-up':>9}\n")
    for name, _ in list_queries():
        text = resolve_query(name)
        start = time.perf_counter()
        run_query(store, text)
        times = [1000 * (time.perf_counter() - start)]  # a slow query is timed once
        for _ in range(args.runs if times[0] < 10_000 else 0):
            start = time.perf_counter()
            run_query(store, text)
            times.append(1000 * (time.perf_counter() - start))
        ox_ms = statistics.median(times[1:] or times)
        rdf = _rdflib_ms(dataset, text, args.rdflib_cap) if dataset is not None else None
        shown = "-" if rdf is None else ("error" if rdf != rdf else
                                         f">{-rdf:.0f}" if rdf < 0 else f"{rdf:.0f}")
        ratio = "-" if rdf is None or rdf != rdf else (f">{-rdf / ox_ms:.0f}x" if rdf < 0 else
                                         f"{rdf / ox_ms:.0f}x")
        out(f"{name:38} {ox_ms:12.1f} {shown:>12} {ratio:>9}\n")


def _rdflib_ms(dataset: Dataset, text: str, cap: float) -> float:
    """One rdflib run in ms; minus the cap when it passes the cap (stopped by an alarm); NaN
    when rdflib raises an error on the query."""
    def stop(signum, frame):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    start = time.perf_counter()
    try:
        list(dataset.query(text))
        return 1000 * (time.perf_counter() - start)
    except TimeoutError:
        return -1000 * cap
    except Exception:  # noqa: BLE001  (rdflib fails on some valid queries: report, go on)
        return float("nan")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _endpoint(store: Path, args, out) -> None:
    """Requests per second of `pressgraph serve` for one catalogue query, N clients."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "pressgraph", "serve", "--store",
                               str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    body = urllib.parse.urlencode({"query": resolve_query(args.endpoint_query)}).encode()
    try:
        _wait(url)
        latencies, errors = _load(url, body, args.clients, args.duration)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    rate = len(latencies) / args.duration
    p50 = latencies[len(latencies) // 2] if latencies else float("nan")
    p99 = latencies[int(len(latencies) * 0.99)] if latencies else float("nan")
    out(f"endpoint ({args.endpoint_query}, {args.clients} clients, {args.duration:.0f} s): "
        f"{rate:.1f} requests/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms, {errors} errors\n")


def _wait(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the endpoint at {url} did not start")


def _load(url: str, body: bytes, clients: int, duration: float) -> tuple[list[float], int]:
    """Each client posts the query until the time is up; latencies in ms and the errors."""
    latencies: list[float] = []
    errors = [0]
    end = time.monotonic() + duration
    lock = threading.Lock()

    def client() -> None:
        while time.monotonic() < end:
            start = time.perf_counter()
            request = urllib.request.Request(url, data=body, headers={
                "Accept": "application/sparql-results+json",
                "Content-Type": "application/x-www-form-urlencoded"})
            try:
                urllib.request.urlopen(request, timeout=60).read()
                with lock:
                    latencies.append(1000 * (time.perf_counter() - start))
            except OSError:
                with lock:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


if __name__ == "__main__":
    main()
