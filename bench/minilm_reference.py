"""Write tests/nlp/data/minilm_reference.npz: sentence-transformers' all-MiniLM-L6-v2 vectors (torch,
the ``[torch]`` extra) for a few texts, so that the numpy engine is checked against the reference
implementation in a test run without torch.

    pip install -e '.[torch]' && python bench/minilm_reference.py
"""
from __future__ import annotations

import os
import sys

import numpy as np

from benchkit import REPO

OUT = REPO / "tests" / "nlp" / "data" / "minilm_reference.npz"
# Made-up news sentences (not from any evaluation set), an empty text, odd characters, and one
# text past MiniLM's 256 word pieces (sentence-transformers truncates it).
TEXTS = [
    "The earthquake struck the coast of Chile on Monday.",
    "A strong earthquake hit Chile this week.",
    "The central bank raised interest rates by half a point.",
    "",
    "Officials said 12 people were killed — others (at least 40) were injured; the toll may rise!",
    "Ünïcödé naïve café, 東京 and emoji 🙂 in one line.",
    " ".join(["The minister told reporters the talks would continue next week in Geneva."] * 40),
]


def main() -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.nlp.embedder import TorchMiniLM

    vectors = TorchMiniLM("cpu").encode(TEXTS)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, texts=np.array(TEXTS), vectors=vectors.astype(np.float32))
    print(f"wrote {OUT} ({len(TEXTS)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
