"""The stage's public API is ``newsprism.dedup.__all__``."""
import newsprism.dedup as dedup


def test_exported_members_exist():
    for name in dedup.__all__:
        assert hasattr(dedup, name), name
