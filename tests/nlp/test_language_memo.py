"""MemoEmbedder: each text embedded once; texts handed over up front never."""
import numpy as np

from newsprism.nlp import MemoEmbedder


class Counting:
    def __init__(self):
        self.seen = []

    def embed(self, texts):
        self.seen.extend(texts)
        return np.stack([np.full(4, float(len(t)), dtype=np.float32) for t in texts])


def test_memo_embeds_each_text_once_and_keeps_order():
    inner = Counting()
    memo = MemoEmbedder(inner, known={"known": np.zeros(4, dtype=np.float32)})
    first = memo.embed(["a", "bb", "a", "known"])
    again = memo.embed(["bb", "ccc"])
    assert inner.seen == ["a", "bb", "ccc"]
    assert [row[0] for row in first] == [1.0, 2.0, 1.0, 0.0]
    assert [row[0] for row in again] == [2.0, 3.0]
    assert memo.embed([]).shape == (0, 384)
