import gzip
import json
from pathlib import Path

import pytest

from storyline import InputError
from storyline.ingest import (
    Cluster,
    expand_paths,
    is_cluster_file,
    iter_articles,
    read_clusters,
    read_files,
    read_multinews,
    read_text,
)


def test_read_files_example_dir(example_dir: Path) -> None:
    articles, skipped = read_files([example_dir])
    assert skipped == []
    ids = [a.id for a in articles]
    assert ids == sorted(ids) and "06-varnian-observer.html" in ids
    html = next(a for a in articles if a.id.endswith(".html"))
    assert html.title and html.url and html.url.startswith("https://")
    assert html.date is not None
    cp1252 = next(a for a in articles if a.id.startswith("04-"))
    assert "café" in cp1252.text and "\u201c" in cp1252.text


def test_read_files_skips_binary_but_reads_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A flood hit the town on Tuesday.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    articles, skipped = read_files([tmp_path])
    assert [a.id for a in articles] == ["a.txt"]
    assert skipped[0].source == "b.txt" and skipped[0].reason == "unreadable"


def test_read_files_all_unreadable_raises(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(InputError, match="SL103"):
        read_files([tmp_path])


def test_expand_paths_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        expand_paths([tmp_path / "missing.txt"])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'"):
        expand_paths([tmp_path / "notes.pdf"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="SL105"):
        expand_paths([empty])


def test_unique_ids_when_names_collide(tmp_path: Path) -> None:
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(f"Report from {d}.")
    articles, _ = read_files([tmp_path / "x", tmp_path / "y"])
    assert [a.id for a in articles] == ["x/story.txt", "y/story.txt"]


def test_read_multinews_raw_line() -> None:
    line = "First doc.NEWLINE_CHARMore text. ||||| Second doc here."
    articles = read_multinews(line)
    assert [a.id for a in articles] == ["0", "1"]
    assert articles[1].text == "Second doc here."


def test_read_text_html_and_plain() -> None:
    assert read_text("Just one report.")[0].text == "Just one report."
    html = (
        "<html><head><title>T</title></head><body><article><p>"
        + "Body text here. " * 10
        + "</p></article></body></html>"
    )
    assert "Body text here." in read_text(html)[0].text


def test_is_cluster_file(tmp_path: Path) -> None:
    assert is_cluster_file(Path("a.jsonl")) and is_cluster_file(Path("a.jsonl.gz"))
    assert not is_cluster_file(Path("a.txt"))


def test_files_left_unchanged(example_dir: Path) -> None:
    before = {p: p.read_bytes() for p in example_dir.iterdir()}
    read_files([example_dir])
    assert {p: p.read_bytes() for p in example_dir.iterdir()} == before


def _write_gz(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt") as fh:
        fh.write("\n".join(lines) + "\n")


def test_gz_fixture_helper(tmp_path: Path) -> None:
    _write_gz(tmp_path / "c.jsonl.gz", [json.dumps({"id": "x", "documents": ["a"]})])
    assert (tmp_path / "c.jsonl.gz").stat().st_size > 0


def test_symlink_loop_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(InputError, match="symbolic link loop") as info:
        read_files([tmp_path / "a.txt"])
    assert "a.txt" in str(info.value)


def test_dangling_symlink_names_its_target(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match=r"broken symbolic link to .*nowhere\.txt"):
        read_files([tmp_path / "gone.txt"])


def test_feed_symlink_loop_says_so(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").symlink_to(tmp_path / "g.jsonl")
    (tmp_path / "g.jsonl").symlink_to(tmp_path / "f.jsonl")
    with pytest.raises(InputError, match="symbolic link loop"):
        list(iter_articles(tmp_path / "f.jsonl"))
    with pytest.raises(InputError, match="symbolic link loop"):
        list(read_clusters(tmp_path / "f.jsonl"))


def test_utf16_jsonl_without_bom_is_read(tmp_path: Path) -> None:
    line = json.dumps({"id": "c1", "documents": [{"id": "d", "text": "The council met on Monday."}]})
    path = tmp_path / "c.jsonl"
    path.write_bytes((line + "\n").encode("utf-16-le"))
    (cluster,) = read_clusters(path)
    assert isinstance(cluster, Cluster)
    assert cluster.articles[0].text == "The council met on Monday."


def test_read_clusters_takes_a_string_path(tmp_path: Path) -> None:
    line = json.dumps({"id": "c1", "documents": [{"id": "d", "text": "The council met on Monday."}]})
    (tmp_path / "c.jsonl").write_text(line + "\n", encoding="utf-8")
    (cluster,) = read_clusters(str(tmp_path / "c.jsonl"))
    assert isinstance(cluster, Cluster)
    assert cluster.id == "c1"
