"""The numpy MiniLM engine: the vectors of sentence-transformers (stored reference, made with the
torch extra by bench/minilm_reference.py), unit norm, bit for bit the same alone or in a batch,
remembered texts not run again, and chunks that respect their budget. Loads the real shipped
weights (about 1 s)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.nlp.embedder import Encoder, load_embedder
from newsprism.nlp.minilm import BATCH_TOKENS, MiniLM, shared_minilm, token_chunks

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.npz"


@pytest.fixture(scope="module")
def engine() -> MiniLM:
    return shared_minilm()


@pytest.fixture(scope="module")
def reference():
    with np.load(REFERENCE) as stored:
        return [str(t) for t in stored["texts"]], stored["vectors"]


def test_minilm_numpy_matches_sentence_transformers(engine, reference):
    texts, expected = reference
    got = engine.encode(texts)
    cosines = (got * expected).sum(axis=1)
    assert got.shape == expected.shape and got.dtype == np.float32
    assert cosines.min() > 0.99999, cosines
    assert np.abs(got - expected).max() < 1e-5


def test_minilm_vectors_are_unit_norm_and_batch_independent(engine, reference):
    texts, _ = reference
    batch = engine.encode(texts)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    for i in (0, len(texts) - 1):  # a short text and the truncated long one, each alone
        assert np.allclose(engine.encode([texts[i]])[0], batch[i], atol=1e-5)


def test_minilm_truncates_at_the_model_max_length(engine):
    long = "Talks resume in Geneva. " * 300
    assert engine.config.max_seq_length == 256
    assert np.allclose(engine.encode([long]), engine.encode([long + " Something else entirely at the end."]), atol=1e-6)


def test_minilm_empty_input_gives_no_rows(engine):
    assert engine.encode([]).shape == (0, engine.dim)


def test_token_chunks_cover_every_text_in_order_within_the_budget():
    lengths = [3, 256, 40, 40, 12, 256, 7] * 30 + [BATCH_TOKENS + 5, 2]
    groups = token_chunks(lengths)
    assert [i for g in groups for i in g] == list(range(len(lengths)))
    for group in groups:
        assert sum(lengths[i] for i in group) <= BATCH_TOKENS or len(group) == 1


def test_numpy_engine_is_the_default_embedder(engine):
    embedder = load_embedder()
    assert embedder is engine and isinstance(embedder, Encoder)


@pytest.mark.parametrize("engine_name, device", [("numpy", "cuda"), ("onnx", "cpu")])
def test_impossible_engine_choices_fail_early(engine_name, device):
    from newsprism.nlp import Language

    with pytest.raises(ValueError):
        Language(engine=engine_name, device=device)


def test_torch_engine_agrees_with_numpy_engine(engine, reference):
    pytest.importorskip("sentence_transformers", reason="the torch engine needs the [torch] extra; "
                        "the numpy engine is checked against stored sentence-transformers vectors above")
    texts, _ = reference
    torch_vectors = load_embedder("torch").encode(texts)
    assert (torch_vectors * engine.encode(texts)).sum(axis=1).min() > 0.99999


def test_token_states_offsets_point_at_the_pieces(engine):
    text = "Protesters torched banks in Athens."
    offsets, hidden, mask = engine.token_states([text, "Short."])
    assert hidden.shape == (2, offsets.shape[1], engine.dim) and mask[1].sum() < mask[0].sum()
    pieces = [text[s:e] for s, e in offsets[0] if e > s]
    assert pieces[0].lower() == "protesters" and "athens" in [p.lower() for p in pieces]
    assert tuple(offsets[0, 0]) == (0, 0)  # [CLS]


def test_token_states_agree_across_engines(engine):
    pytest.importorskip("sentence_transformers", reason="the torch engine needs the [torch] extra")
    texts = ["Protesters torched banks in Athens.", "Short."]
    ours, theirs = engine.token_states(texts), load_embedder("torch").token_states(texts)
    assert np.array_equal(ours[0], theirs[0]) and np.array_equal(ours[2], theirs[2])
    real = ours[2].astype(bool)
    assert np.abs(ours[1][real] - theirs[1][real]).max() < 1e-4


def test_minilm_vector_is_bitwise_the_same_whatever_shares_its_pass(engine, reference):
    """Unpadded passes (``MiniLM.packed``): a text's vector does not depend on its companions,
    so a remembered vector is the one a new pass would give (``encode``'s memory)."""
    texts, _ = reference
    fresh = MiniLM(_weights(engine), engine.config, engine._tokenizer)  # no memory
    together = fresh._encode(texts, None)
    for i, text in enumerate(texts):
        assert np.array_equal(fresh._encode([text], None)[0], together[i])
    assert np.array_equal(fresh._encode(texts[::-1], None), together[::-1])


def test_minilm_encode_remembers_texts_and_runs_repeats_once(engine, reference, monkeypatch):
    texts, expected = reference
    fresh = MiniLM(_weights(engine), engine.config, engine._tokenizer)
    ran: list[str] = []
    original = MiniLM._encode

    def counting(self, batch, states):
        ran.extend(batch)
        return original(self, batch, states)

    monkeypatch.setattr(MiniLM, "_encode", counting)
    first = fresh.encode([texts[0], texts[1], texts[0]])
    again = fresh.encode([texts[1], texts[2]])
    assert ran == [texts[0], texts[1], texts[2]]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], again[0])
    assert np.abs(again[1] - expected[2]).max() < 1e-5
    vectors, states = fresh.encode_states([texts[3], texts[3]])
    assert ran[-1:] == [texts[3]] and states[0] is states[1] and np.array_equal(vectors[0], vectors[1])
    fresh.forget()
    fresh.encode([texts[0]])
    assert ran[-1] == texts[0] and len(ran) == 5


def test_minilm_hidden_pads_with_zeros_and_matches_packed(engine):
    ids = [np.asarray(e.ids) for e in engine._tokenizer.encode_batch(["Talks resume in Geneva today.", "Short."])]
    batch = np.zeros((2, len(ids[0])), dtype=np.int64)
    mask = np.zeros((2, len(ids[0])), dtype=np.float32)
    for row, pieces in enumerate(ids):
        batch[row, :len(pieces)], mask[row, :len(pieces)] = pieces, 1.0
    hidden = engine.hidden(batch, mask)
    packed = engine.packed(ids)
    assert np.array_equal(hidden[0], packed[:len(ids[0])])
    assert np.array_equal(hidden[1, :len(ids[1])], packed[len(ids[0]):])
    assert not hidden[1, len(ids[1]):].any()


def _weights(engine: MiniLM) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    from newsprism.nlp.minilm import model_path

    return load_file(str(model_path() / "model.safetensors"))
