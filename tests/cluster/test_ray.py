"""--engine ray: features on a local Ray cluster, the same assignments as the local engine."""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from typing import Any

import pytest

from storyline.cluster import ClusterOptions, cluster_articles
from storyline.cluster._ray import import_ray
from storyline.errors import BackendError
from storyline.model import Article

TOPICS = [
    "flood river marrow rain residents evacuated lune banks storm shelter",
    "election vessa mayor korhaan votes green party council ballot count",
    "mine orsk copper miners trapped tunnel collapse rescuers shaft underground",
]


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    ray = pytest.importorskip("ray")
    if ray.is_initialized():  # another test's cluster: start this one clean
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


# Starts a local Ray cluster (about 10 s), which is why it is marked slow; CI runs it.
@pytest.mark.slow
def test_ray_engine_gives_the_local_assignments(ray_cluster: Any) -> None:
    articles = [
        Article(text=f"{TOPICS[i % 3]} report {i} " + " ".join(TOPICS[(i * 7) % 3].split()[:2]), id=f"a{i}")
        for i in range(40)
    ]
    articles[5] = Article(text="", id="a5")
    # The real default model, in small batches so that both actors get work.
    options = ClusterOptions(batch_size=6)
    local = [(a.article_id, a.story, a.thread) for a in cluster_articles(articles, options=options)]
    remote = [
        (a.article_id, a.story, a.thread)
        for a in cluster_articles(articles, options=options, engine="ray", n_workers=2)
    ]
    assert remote == local  # stories and threads
    assert local[5] == ("a5", None, None)
    assert len({s for _, s, _ in local if s is not None}) >= 3


def test_ray_missing_is_a_backend_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_ray(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "ray":
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(BackendError, match=r"ray is not installed; run: pip install 'storyline\[ray\]'"):
        import_ray()
