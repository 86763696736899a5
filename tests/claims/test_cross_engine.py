"""The claim-pair cross-encoder's numpy forward pass (``claims.cross``) gives the logits the same
network gives in torch (Hugging Face's BertModel with token types, mean-pooled, the same head);
weights round-trip through ``save_cross`` / ``load_cross``; a pair is read both ways.

No trained weights ship (the cross-encoder scored below the linear judge: bench/RESULTS.md), so
the network here is the bundled MiniLM's own top layer under a seeded random head: what is
checked is the engine, which any trained weights run through."""
from __future__ import annotations

import numpy as np
import pytest

from newsprism.claims.cross import RELATIONS, load_cross, save_cross

ACCUSED = "Officials said Norland supplies drones and engines that power Vesta's army."
DENIED = "Norland denied supplying any weapons to Vesta and said it is not a party to the war."
SAME = "Norland is sending drones and engine parts that Vesta's army uses, officials said."
PAIRS = [(ACCUSED, DENIED), (ACCUSED, SAME), (DENIED, SAME),
         ("The White House said the president never asked Comey to end the Flynn investigation.",
          "Comey wrote in a memo that the president asked him to shut down the Flynn investigation.")]
FROZEN = 5


@pytest.fixture(scope="module")
def weights_file(tmp_path_factory):
    """The bundled MiniLM's layers FROZEN.. as the "fine-tuned" ones, a seeded random head."""
    from safetensors.numpy import load_file

    from newsprism.nlp.minilm import model_path

    bundled = load_file(str(model_path() / "model.safetensors"))
    layers = {k: v for k, v in bundled.items() if k.startswith(f"encoder.layer.{FROZEN}.")}
    rng = np.random.default_rng(0)
    path = tmp_path_factory.mktemp("cross") / "cross.npz"
    return save_cross(path, frozen=FROZEN, layers=layers, head=rng.normal(0, 0.5, (3, 384)),
                      head_bias=np.array([0.1, -0.2, 0.0]), bias=(0.0, 0.0, 0.0), max_pieces=128)


def test_numpy_matches_torch(weights_file):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from newsprism.nlp.minilm import model_path, shared_minilm

    cross = load_cross(str(weights_file))
    model = transformers.BertModel.from_pretrained(str(model_path()), add_pooling_layer=False).eval()
    with np.load(weights_file, allow_pickle=False) as data:  # the float16 layers, as numpy reads them
        state = {k.split(":", 1)[1]: torch.tensor(data[k].astype(np.float32)) for k in data.files
                 if k.startswith("layer:")}
    assert not model.load_state_dict(state, strict=False).unexpected_keys
    minilm = shared_minilm()
    expected = []
    for a, b in PAIRS:
        ids, types = minilm.pair_ids(a, b, cross.max_pieces)
        assert types[0] == 0 and types[-1] == 1  # "[CLS] a [SEP]" then "b [SEP]"
        with torch.no_grad():
            states = model(input_ids=torch.tensor(ids[None]), token_type_ids=torch.tensor(types[None])
                           ).last_hidden_state[0].numpy()
        expected.append(states.mean(axis=0) @ cross.head.T + cross.head_bias)
    np.testing.assert_allclose(cross.logits(PAIRS), np.array(expected), atol=2e-3)


def test_weights_round_trip(weights_file):
    cross = load_cross(str(weights_file))
    assert cross.frozen == FROZEN and len(cross.layers) == 6 - FROZEN
    assert cross.head.shape == (len(RELATIONS), 384)
    np.testing.assert_allclose(cross.head_bias, [0.1, -0.2, 0.0], atol=1e-6)


def test_a_pair_is_read_both_ways(weights_file):
    cross = load_cross(str(weights_file))
    forward, backward = cross.probabilities([(ACCUSED, DENIED)]), cross.probabilities([(DENIED, ACCUSED)])
    np.testing.assert_allclose(forward, backward, atol=1e-6)
    assert forward.shape == (1, 3) and abs(forward.sum() - 1) < 1e-5
    assert not np.allclose(cross.logits([(ACCUSED, DENIED)]), cross.logits([(DENIED, ACCUSED)]))


def test_a_pair_is_cut_to_max_pieces():
    from newsprism.nlp.minilm import shared_minilm

    ids, types = shared_minilm().pair_ids(ACCUSED * 20, SAME, 64)
    assert len(ids) == len(types) == 64


def test_the_shipped_weights_read_a_denial_and_a_restatement():
    shipped = load_cross()
    assert shipped.frozen == 5 and len(shipped.layers) == 1
    proba = shipped.probabilities([(ACCUSED, DENIED), (ACCUSED, SAME)])
    assert [RELATIONS[k] for k in shipped.decide(proba)] == ["weakens", "strengthens"]
