import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest

from storyline import InputError
from storyline.ingest import BadLine, Cluster, iter_clusters, read_clusters
from storyline.ingest._jsonl import bounded_lines


def test_iter_clusters_strings_objects_and_bad_lines() -> None:
    lines = [
        json.dumps(
            {
                "id": "c1",
                "documents": ["one", {"text": "two", "title": "T", "date": "2012-03-10", "url": "u"}],
            }
        ),
        "{not json",
        json.dumps({"id": "c2"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "c3", "documents": [{"title": "no text"}]}),
        json.dumps({"id": "c4", "documents": ["x"], "summary": "ref"}),
    ]
    out = list(iter_clusters(iter(lines), where="f.jsonl"))
    assert isinstance(out[0], Cluster) and out[0].id == "c1"
    assert out[0].articles[1].title == "T" and str(out[0].articles[1].date) == "2012-03-10"
    bad = [o for o in out if isinstance(o, BadLine)]
    assert [b.line_no for b in bad] == [2, 3, 5, 6]
    assert "f.jsonl: line 2: invalid JSON" in bad[0].message
    assert 'missing "documents"' in bad[1].message
    last = out[-1]
    assert isinstance(last, Cluster) and last.extra["summary"] == "ref" and last.line_no == 7


def test_read_clusters_gzip(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(json.dumps({"id": "g", "documents": ["text"]}) + "\n")
    (cluster,) = list(read_clusters(path))
    assert isinstance(cluster, Cluster) and cluster.id == "g"


def test_read_clusters_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_clusters(tmp_path / "none.jsonl"))
    with pytest.raises(InputError, match="is a directory"):
        list(read_clusters(tmp_path))


def test_read_clusters_binary(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(InputError, match="SL103"):
        list(read_clusters(path))


def test_read_clusters_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    (bad,) = list(read_clusters(path))
    assert isinstance(bad, BadLine) and "corrupt or truncated" in bad.message


def test_truncated_gzip_keeps_the_clusters_before_the_cut(tmp_path: Path) -> None:
    whole = gzip.compress(
        "".join(
            json.dumps({"id": f"c{i}", "documents": ["some text " * 50]}) + "\n" for i in range(200)
        ).encode()
    )
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = list(read_clusters(path))
    clusters = [i for i in items if isinstance(i, Cluster)]
    assert len(clusters) > 50 and clusters[0].id == "c0"
    assert isinstance(items[-1], BadLine) and "truncated" in items[-1].message


def test_deep_and_endless_lines_are_bad_lines_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps({"id": "ok", "documents": ["fine text"]})
    path.write_text(f"{deep}\n{good}\n", encoding="utf-8")
    first, second = list(read_clusters(path))
    assert isinstance(first, BadLine) and "nested too deeply" in first.message
    assert isinstance(second, Cluster) and second.id == "ok"
    lines = list(bounded_lines(io.StringIO("x" * 50 + "\nshort\n"), max_chars=10))
    assert lines[1] == "short\n" and lines[0] != "x" * 10


def test_a_pipe_is_read_once_without_losing_its_head(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    lines = "".join(json.dumps({"id": f"c{i}", "documents": ["t" * 500]}) + "\n" for i in range(100))

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as fh:
            fh.write(lines)

    writer = threading.Thread(target=feed)
    writer.start()
    ids = [c.id for c in read_clusters(fifo) if isinstance(c, Cluster)]
    writer.join()
    assert ids == [f"c{i}" for i in range(100)]


def test_feed_lines_deep_or_cut_are_bad_lines(tmp_path: Path) -> None:
    from storyline.ingest import ArticleRow, iter_articles

    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "text": "fine text"})
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    first, second = list(iter_articles(path))
    assert isinstance(first, ArticleRow) and first.article.id == "a"
    assert isinstance(second, BadLine) and "nested too deeply" in second.message
    cut = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(
        "".join(json.dumps({"id": f"a{i}", "text": "t " * 200}) + "\n" for i in range(300)).encode()
    )
    cut.write_bytes(whole[: len(whole) // 2])
    rows = list(iter_articles(cut))
    assert sum(isinstance(r, ArticleRow) for r in rows) > 50 and isinstance(rows[-1], BadLine)
