"""Two processes ingesting the same pile into one store (new or existing) both finish, with no
duplicates stored and no traceback."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

ARTICLES = 40


@pytest.fixture
def pile(tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"a{n:02d}.txt").write_text(
            f"Headline number {n}\n\n" + f"Officials in city {n} said the talks, round {n}, were long. " * 12)
    return folder


def _ingest_twice_at_once(pile, db):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "newsprism.cli", "ingest", str(pile), "--db", str(db)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "Traceback" not in err and "error" not in err
    stored = sqlite3.connect(db).execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert stored == (ARTICLES, ARTICLES)
    return [err for _, err in outputs]


def test_pipeline_concurrent_ingest_into_new_store(pile, tmp_path):
    lines = _ingest_twice_at_once(pile, tmp_path / "new.db")
    counted = [tuple(int(word.rstrip(",")) for word in line.split()[1::2]) for line in
               (err.strip().splitlines()[-1] for err in lines)]
    assert sum(ingested for ingested, _, _ in counted) == ARTICLES


def test_pipeline_concurrent_ingest_into_existing_store(pile, tmp_path):
    db = tmp_path / "old.db"
    half = tmp_path / "half"
    half.mkdir()
    for path in sorted(pile.iterdir())[::2]:
        (half / path.name).write_text(path.read_text())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, "-m", "newsprism.cli", "ingest", str(half), "--db", str(db)],
                   env=env, check=True, capture_output=True)
    _ingest_twice_at_once(pile, db)
