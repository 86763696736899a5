"""The ingest stage's public API is its ``__all__``."""
import newsprism.ingest as ingest


def test_exported_members():
    assert sorted(ingest.__all__) == ["canonical_url", "fetch_url", "read_inputs"]
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))
