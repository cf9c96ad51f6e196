"""What the report's events stage costs against the whole report, in one process.

The stage (`Corpus.events`) runs the online clusterer over a cluster's own reports. This
times `storyline.cluster.stories_among` on every DUC 2006 cluster (25 wire reports each),
then `Reporter` on the first ten, and prints the ratio: a share of one process's time, not
a speed on this shared machine.

    .venv/bin/python benchmarks/report_events_cost.py
"""

from __future__ import annotations

import time
from pathlib import Path

from storyline import Reporter
from storyline.cluster import stories_among
from storyline.ingest import Cluster, read_clusters

DUC2006 = Path(__file__).resolve().parents[2] / "shared" / "data" / "duc" / "duc2006.jsonl.gz"


def main() -> None:
    clusters = [c for c in read_clusters(DUC2006) if isinstance(c, Cluster)]
    stories_among(list(clusters[0].articles))  # models loaded before timing
    started = time.perf_counter()
    for cluster in clusters:
        stories_among(list(cluster.articles))
    events = (time.perf_counter() - started) / len(clusters)
    reporter = Reporter()
    reporter(clusters[0].articles)
    started = time.perf_counter()
    for cluster in clusters[:10]:
        reporter(cluster.articles)
    report = (time.perf_counter() - started) / 10
    print(
        f"events stage {events * 1000:.1f} ms per cluster ({len(clusters)} clusters); "
        f"whole report {report:.2f} s per cluster (10); share {events / report:.4f}"
    )


if __name__ == "__main__":
    main()
