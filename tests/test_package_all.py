"""The public API is ``newsprism.__all__`` (httpx's tests/test_exported_members.py): every public
name the package exposes is listed, and nothing listed is missing."""
import types

import newsprism

# Dunder names that are part of the API on purpose.
PUBLIC_DUNDERS = {"__version__"}


def _public(name: str, value: object) -> bool:
    if name.startswith("_"):
        return name in PUBLIC_DUNDERS
    # Submodules appear as attributes once imported; only a callable module is API (summarize).
    return not isinstance(value, types.ModuleType) or callable(value)


def test_all_lists_exactly_the_public_names() -> None:
    exposed = sorted(name for name, value in vars(newsprism).items() if _public(name, value))
    assert sorted(newsprism.__all__) == exposed


def test_all_has_no_duplicates_and_every_name_resolves() -> None:
    assert len(set(newsprism.__all__)) == len(newsprism.__all__)
    for name in newsprism.__all__:
        assert getattr(newsprism, name) is not None, name
