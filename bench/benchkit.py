"""What the bench scripts share: where the evaluation data lies, the common options, markdown
result tables, and appending a section to bench/RESULTS.md with its command and a UTC timestamp.

    import benchkit

    def main(argv=None) -> int:
        parser = benchkit.parser(__doc__)           # --eval DIR and --append-results
        parser.add_argument("--limit", type=int, default=0)
        args = parser.parse_args(argv)
        text = benchkit.table(["system", "F1"], [["newsprism", f"{f1:.3f}"]])
        print(text)
        if args.append_results:
            benchkit.append_results("Headline accuracy", text)

A script run as ``python bench/NAME.py`` finds this module beside it; a test that loads a script
from its file puts bench/ on ``sys.path`` first (tests/quality does).
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
DATA = BENCH / "data"  # hand labels: ids and offsets only, never the evaluation texts
RESULTS = BENCH / "RESULTS.md"
SEEDS = REPO / "src" / "newsprism" / "examples" / "blinken"  # the seeds as the package bundles them
SHARED_ROOTS = (REPO.parent / "shared", REPO.parents[1] / "shared", Path("/work/shared"))


def shared(name: str) -> Path:
    """``../shared/<name>`` beside the checkout; a worktree one level deeper (``wt/<name>``)
    looks one level further up, then in /work/shared. The first that exists, else the first."""
    candidates = [root / name for root in SHARED_ROOTS]
    return next((path for path in candidates if path.exists()), candidates[0])


def eval_dir() -> Path:
    """The evaluation data: ``$NEWSPRISM_EVAL`` when set, else ``shared("eval")``."""
    named = os.environ.get("NEWSPRISM_EVAL")
    return Path(named) if named else shared("eval")


EVAL = eval_dir()


def parser(doc: str | None, *, full_doc: bool = False, eval_option: bool = True,
           results_option: bool = True) -> argparse.ArgumentParser:
    """An ``ArgumentParser`` described by the script's docstring (its first line, or all of it
    with ``full_doc``) with the options every bench shares: ``--eval DIR`` (default ``EVAL``)
    and ``--append-results``."""
    if full_doc:
        made = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    else:
        made = argparse.ArgumentParser(description=(doc or "").strip().split("\n")[0])
    if eval_option:
        made.add_argument("--eval", type=Path, default=EVAL,
                          help="the shared evaluation data (default: %(default)s, or $NEWSPRISM_EVAL)")
    if results_option:
        made.add_argument("--append-results", action="store_true",
                          help="append the result to bench/RESULTS.md with the command and a UTC timestamp")
    return made


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A markdown table (no trailing newline); cells are written with ``str``."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def command(argv: Sequence[str] | None = None) -> str:
    """The command that is running, as someone would type it from the repository root."""
    args = list(sys.argv if argv is None else argv)
    if args:
        script = Path(args[0]).resolve()
        args[0] = str(script.relative_to(REPO)) if script.is_relative_to(REPO) else args[0]
    return " ".join(["python", *(shlex.quote(arg) for arg in args)])


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def append_results(title: str, body: str, *, argv: Sequence[str] | None = None, script: str | None = None,
                   cmd: str | None = None, results: Path | None = None) -> None:
    """Append ``## title (timestamp)``, the command in backticks, then ``body`` to RESULTS.md.

    The command is ``cmd`` if given, else ``script`` (pass ``__file__``) with ``argv`` when
    ``main(argv)`` was called with arguments, else the running command line."""
    if cmd is None:
        cmd = command([script or sys.argv[0], *argv]) if argv is not None else command()
    path = results or RESULTS
    head = "" if path.exists() else "# Benchmark results\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"{head}\n## {title} ({stamp()})\n\n`{cmd}`\n\n{body.rstrip()}\n")


def score(task: str, predictions: Path, eval_path: Path | None = None, *extra: str) -> dict:
    """``python <eval>/score.py TASK PREDICTIONS --json``, parsed."""
    scorer = (eval_path or EVAL) / "score.py"
    done = subprocess.run([sys.executable, str(scorer), task, str(predictions), "--json", *extra],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
