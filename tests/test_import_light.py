"""``import newsprism`` stays light: the heavy libraries load only when a stage needs them."""
import subprocess
import sys

HEAVY = ("lxml", "spacy", "torch", "sentence_transformers", "transformers")


def test_import_newsprism_loads_no_heavy_library() -> None:
    code = ("import sys, newsprism; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"import newsprism pulled in: {loaded}"
