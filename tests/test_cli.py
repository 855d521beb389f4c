import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    "args,code",
    [
        (["hostprocess", "--kubernetes", "1.22"], 0),
        (["hostprocess", "-k", "1.21"], 1),
        (["hostprocess", "-k", "1.23", "--windows", "ws2019"], 1),
        (["hostprocess", "-k", "1.23", "--runtime", "containerd://1.7.1", "-w", "ltsc2022"], 0),
        (["nope", "-k", "1.22"], 2),
        (["hostprocess", "-k", "1.99"], 2),
        (["hostprocess", "-k", "x"], 2),
        (["hostprocess", "-k", "1.23", "-w", "ws2033"], 2),
        (["hostprocess", "-k", "1.23", "-r", "podman"], 2),
    ],
)
def test_support_exit_codes(fixture_db, args, code):
    result = run("support", *args, "--db", str(fixture_db))
    assert result.exit_code == code, result.output


def test_default_output_is_one_line_with_a_source(fixture_db):
    result = run("support", "hostprocess", "-k", "1.22", "--db", str(fixture_db))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("HostProcess containers on Kubernetes 1.22: alpha, supported")
    assert "Source: https://" in lines[0]


def test_json_output_is_the_contract(fixture_db):
    result = run("support", "hostprocess", "-k", "1.22", "--json", "--db", str(fixture_db))
    assert json.loads(result.stdout)["status"] == "alpha"


def test_errors_go_to_stderr(fixture_db):
    result = run("support", "nope", "-k", "1.22", "--db", str(fixture_db))
    assert result.stdout == ""
    assert "No feature is known as 'nope'" in result.stderr


def test_features_lists_by_category(fixture_db):
    result = run("features", "--category", "networking", "--db", str(fixture_db))
    assert result.exit_code == 0
    assert result.stdout.split() == ["host-network", "not-supported", "networking"]


def test_build_reports_invalid_data_with_exit_2(fixture_data, edit_yaml, tmp_path):
    edit_yaml(fixture_data / "features" / "host-network.yaml", lambda d: d.update(sources=[]))
    result = run("build", "--data", str(fixture_data), "--db", str(tmp_path / "kb.db"))
    assert result.exit_code == 2
    assert "features/host-network.yaml: host-network: sources" in result.stderr
    assert not (tmp_path / "kb.db").exists()


def test_missing_database_is_exit_2(tmp_path):
    result = run("support", "hostprocess", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "kb build" in result.stderr


def broken_database(kind: str, good: Path, folder: Path) -> Path:
    """A database file broken in one way: empty, truncated, random bytes, a directory, missing, unreadable."""
    path = folder / f"{kind}.db"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[:20_000])
    elif kind == "random":
        path.write_bytes(random.Random(16).randbytes(5000))
    elif kind == "directory":
        path.mkdir()
    elif kind == "unreadable":
        path.write_bytes(good.read_bytes())
        path.chmod(0)
    return path


BROKEN = {
    "empty": "is empty",
    "truncated": "database disk image is malformed",
    "random": "is not an SQLite database",
    "directory": "is a directory",
    "missing": "no database at",
    "unreadable": "Permission denied",
}


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize("command", [["support", "gmsa", "-k", "1.22"], ["serve", "--port", "0"]])
def test_a_broken_database_is_one_line_naming_the_file_and_exit_2(fixture_db, tmp_path, kind, command):
    """Run as the installed command, as another user where this one reads every file (root)."""
    folder = Path(tempfile.mkdtemp(prefix="kb-broken-"))  # outside pytest's private tmp, for that user
    folder.chmod(0o755)
    try:
        path = broken_database(kind, fixture_db, folder)
        kb = Path(sys.executable).with_name("kb")
        as_other_user = os.geteuid() == 0 and kind == "unreadable"
        result = subprocess.run(
            [str(kb), *command, "--db", str(path)],
            capture_output=True,
            text=True,
            cwd=folder,
            user=65534 if as_other_user else None,
            env={**os.environ, "KB_SITE": str(folder / "no-site")},
            timeout=60,
        )
    finally:
        shutil.rmtree(folder)
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and str(path) in lines[0] and BROKEN[kind] in lines[0]
    assert "kb build" in lines[0] or "--db" in lines[0] or "readable" in lines[0]


@pytest.mark.parametrize(
    "question,code",
    [
        ("is hostprocess supported on 1.22 with ws2019?", 0),
        ("what build is ws2022", 0),
        ("docker on 1.25?", 1),
        ("is hostprocess supported on 1.21", 1),
        ("is flurbo supported on 1.22", 2),
        ("hostprocess on 1.99", 2),
        ("hello there", 2),
    ],
)
def test_ask_exit_codes(real_db, question, code):
    result = run("ask", question, "--db", str(real_db))
    assert result.exit_code == code, result.output
    if code < 2:
        assert len(result.stdout.strip().splitlines()) == 1


def test_ask_json_has_the_interpretation(real_db):
    result = run("ask", "gmsa 1.18 containerd", "--json", "--db", str(real_db))
    body = json.loads(result.stdout)
    assert body["interpretation"]["feature"]["id"] == "gmsa"
    assert body["answer"]["kubernetes"] == "1.18" and body["interpretation"]["runtime"] == "containerd"


def readme_questions() -> list[tuple[str, int]]:
    """(question, exit code) of every `kb ask` example in the README; an example without '# exit N' exits 0."""
    import re
    import shlex

    from tests.conftest import ROOT

    examples = []
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith(".venv/bin/kb ask "):
            command, _, comment = line.partition("  #")
            code = re.search(r"exit (\d)", comment)
            examples.append((shlex.split(command)[2], int(code.group(1)) if code else 0))
    return examples


def test_the_readme_shows_ten_questions_or_more():
    assert len(readme_questions()) >= 10


@pytest.mark.parametrize("question,code", readme_questions())
def test_readme_ask_examples_work_as_printed(real_db, question, code):
    result = run("ask", question, "--db", str(real_db))
    assert result.exit_code == code, result.output
