"""The declared analysis stages: every need is produced by an earlier stage, names are unique,
every finding kind a stage stores is registered, and the fast path is a prefix of the full one."""
from __future__ import annotations

from dataclasses import fields

from newsprism.findings import KINDS
from newsprism.stages import STAGES, Run


def test_stages_needs_are_produced_earlier():
    available = {"articles"}
    for stage in STAGES:
        missing = set(stage.needs) - available
        assert not missing, f"{stage.name} needs {missing} before any stage produces it"
        available |= set(stage.produces)


def test_stages_declare_run_fields_and_unique_names():
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    run_fields = {f.name for f in fields(Run)}
    for stage in STAGES:
        assert set(stage.needs) | set(stage.produces) <= run_fields, stage.name
        assert stage.scope in ("article", "event", "story")


def test_stages_store_only_registered_findings_once():
    stored = [s.finding for s in STAGES if s.finding]
    assert len(stored) == len(set(stored)) and set(stored) <= set(KINDS)


def test_stages_fast_path_is_a_prefix_and_versions_resolve():
    flags = [s.fast for s in STAGES]
    assert flags == sorted(flags, reverse=True) and any(flags)
    for stage in STAGES:
        assert all(stage.version.split("+")) if stage.versions else stage.version == ""


def test_stages_a_step_named_by_path_imports_on_first_run():
    from newsprism.stages import step

    [figures] = [s for s in STAGES if s.name == "figures"]
    assert figures.scope == "event" and figures.finding == "figure" and figures.version.startswith("figures-")
    run = step("newsprism.figures.stage:run")
    assert run.__name__ == "newsprism.figures.stage:run"
