"""Every CLI command is documented in the README, and the README shows the two commands."""
from pathlib import Path

from newsprism.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_docs_every_command_in_readme():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"newsprism {name}" in README, name


def test_docs_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    test_line = [line for line in ci.splitlines() if "pytest" in line][0].strip()
    assert test_line in README
