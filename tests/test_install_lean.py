"""The default install stays lean (issue 14): no torch, scipy, scikit-learn or datasketch among the
dependencies, and the stages that used them import none of them (they may be installed: the
`test`, `bench` and `torch` extras bring them)."""
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = ("torch", "sentence-transformers", "transformers", "scipy", "scikit-learn", "datasketch")


def test_default_dependencies_leave_out_the_heavy_libraries() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {dep.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower()
             for dep in project["dependencies"]}
    assert names.isdisjoint(LEFT_OUT), names & set(LEFT_OUT)


def test_stages_import_no_scipy_sklearn_or_datasketch() -> None:
    code = ("import sys; import newsprism.analysis, newsprism.claims.align, newsprism.cluster, newsprism.dedup, "
            "newsprism.quotes.align, newsprism.nlp.static; "
            "print(','.join(m for m in ('scipy', 'sklearn', 'datasketch') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"imported: {loaded}"
