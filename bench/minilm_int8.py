"""Is an int8 MiniLM worth it? ONNX Runtime (fp32 and dynamic int8) against the numpy engine.

    python bench/minilm_int8.py [--eval DIR] [--sentences N] [--articles N] [--work DIR]

Issue 14 suggests running MiniLM through ONNX Runtime, "int8 where agreement allows". This bench
answers the question before any code depends on it: it exports the bundled all-MiniLM-L6-v2 to
ONNX (torch and transformers, i.e. the ``[torch]`` extra, plus ``pip install onnx onnxruntime``),
quantizes it dynamically (int8 weights per tensor, and per output channel with reduced range),
and compares each engine's mean-pooled vectors with the numpy engine's on the same real texts
(bench/embed_engines.py's sets: Multi-News and ECB+ sentences, ECB+ headline + lead), with CPU
seconds of each engine on one thread in the same process. Nothing here is used by newsprism.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

import benchkit
import embed_engines

BATCH = 32


def export(work: Path) -> dict[str, Path]:
    """The fp32 ONNX graph of the bundled weights and its two dynamic int8 quantizations."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    from newsprism.nlp.minilm import model_path

    work.mkdir(parents=True, exist_ok=True)
    paths = {"onnx fp32": work / "minilm.onnx", "onnx int8 per tensor": work / "minilm-int8.onnx",
             "onnx int8 per channel": work / "minilm-int8-channel.onnx"}
    if not paths["onnx fp32"].exists():
        model = AutoModel.from_pretrained(str(model_path())).eval()
        example = AutoTokenizer.from_pretrained(str(model_path()))(["an example"], return_tensors="pt")

        class Hidden(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, ids, mask):
                return self.inner(input_ids=ids, attention_mask=mask).last_hidden_state

        torch.onnx.export(Hidden(model), (example["input_ids"], example["attention_mask"]),
                          str(paths["onnx fp32"]), input_names=["ids", "mask"], output_names=["hidden"],
                          dynamic_axes={"ids": {0: "b", 1: "s"}, "mask": {0: "b", 1: "s"},
                                        "hidden": {0: "b", 1: "s"}}, opset_version=17, dynamo=False)
    if not paths["onnx int8 per tensor"].exists():
        quantize_dynamic(str(paths["onnx fp32"]), str(paths["onnx int8 per tensor"]), weight_type=QuantType.QInt8)
    if not paths["onnx int8 per channel"].exists():
        quantize_dynamic(str(paths["onnx fp32"]), str(paths["onnx int8 per channel"]),
                         weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    return paths


def onnx_encode(path: Path, texts: list[str]) -> tuple[np.ndarray, float]:
    """Mean-pooled, normalised vectors (batches by length, 256 pieces at most) and CPU seconds."""
    import onnxruntime
    from transformers import AutoTokenizer

    from newsprism.nlp.minilm import model_path

    tokenizer = AutoTokenizer.from_pretrained(str(model_path()))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    started = time.process_time()
    for at in range(0, len(order), BATCH):
        batch = order[at:at + BATCH]
        enc = tokenizer([texts[i] for i in batch], padding=True, truncation=True, max_length=256,
                        return_tensors="np")
        hidden = session.run(None, {"ids": enc["input_ids"], "mask": enc["attention_mask"]})[0]
        mask = enc["attention_mask"][..., None]
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        vectors[batch] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    return vectors, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=None)
    parser.add_argument("--sentences", type=int, default=600)
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsprism-minilm-onnx"))
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    eval_dir = args.eval or benchkit.eval_dir()
    if eval_dir is None:
        print("no evaluation data (--eval)", file=sys.stderr)
        return 2
    sentences, articles = embed_engines.texts(eval_dir, args.sentences, args.articles)
    from newsprism.nlp.minilm import shared_minilm

    engine = shared_minilm()
    paths = export(args.work)
    rows = []
    for name, items in (("sentences", sentences), ("articles", articles)):
        engine.forget()
        started = time.process_time()
        reference = np.asarray(engine.encode(items), dtype=np.float32)
        numpy_cpu = time.process_time() - started
        rows.append(f"| {name} ({len(items)}) | numpy engine | 1.000000 | 1.000000 | {numpy_cpu:.2f} | 1.00 |")
        for label, path in paths.items():
            vectors, cpu = onnx_encode(path, items)
            cosine = (vectors * reference).sum(1)
            rows.append(f"| {name} ({len(items)}) | {label} | {cosine.mean():.6f} | {cosine.min():.6f} "
                        f"| {cpu:.2f} | {numpy_cpu / cpu:.2f} |")
    print("| texts | engine | cosine to numpy: mean | min | CPU s (1 thread) | speed-up |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
