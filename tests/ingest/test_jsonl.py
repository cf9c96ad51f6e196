import gzip
import json
from pathlib import Path

import pytest

from storyline import InputError
from storyline.ingest import BadLine, Cluster, iter_clusters, read_clusters


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
    with pytest.raises(InputError, match="corrupt file"):
        list(read_clusters(path))
