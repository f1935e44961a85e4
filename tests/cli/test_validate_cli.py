"""`selfcare validate`: one line per problem naming file, step and field; exit codes."""

from __future__ import annotations

from tests.conftest import DATA
from tests.helpers.cli import run_selfcare

BAD = DATA / "scripts" / "bad"


def test_three_faults_give_three_lines_and_exit_1(data_dir):
    done = run_selfcare(data_dir, "validate", str(BAD / "three-faults.toml"))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{BAD / 'three-faults.toml'}: step ") for line in lines)
    assert ": colour: unknown key" in lines[0]
    assert ": pause: must not be negative" in lines[1]
    assert ": say: missing language 'es'" in lines[2]
    assert "Traceback" not in done.stderr


def test_every_kind_of_broken_file_is_reported_without_a_traceback(data_dir):
    done = run_selfcare(data_dir, "validate", str(BAD))
    assert done.returncode == 1
    out = done.stdout
    assert "broken-toml.toml: not valid TOML" in out
    assert "not-utf8.toml: not UTF-8 text" in out
    assert "wrong-id.toml: id: id 'not-the-file-name' does not match" in out
    assert "wrong-id.toml: ambience: '../../../etc/passwd' leaves the assets folder" in out
    assert "wrong-id.toml: step 1: cue: '../secrets' leaves the assets folder" in out
    assert "wrong-id.toml: step 2: focus: unknown focus 'LI44'" in out
    assert "Traceback" not in done.stdout + done.stderr


def test_the_shipped_scripts_validate(data_dir):
    done = run_selfcare(data_dir, "validate")
    assert done.returncode == 0, done.stdout
    assert "0 error(s)" in done.stderr


def test_a_missing_file_is_one_line_not_a_traceback(data_dir, tmp_path):
    done = run_selfcare(data_dir, "validate", str(tmp_path / "nowhere.toml"))
    assert done.returncode == 1
    assert "cannot be read" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_built_in_questionnaires_are_valid(data_dir):
    done = run_selfcare(data_dir, "validate", "--measures")
    assert done.returncode == 0, done.stdout
    assert "3 questionnaire file(s) checked: 0 error(s)" in done.stderr


def test_a_clinic_questionnaire_file_with_faults_is_named_line_by_line(data_dir, tmp_path):
    import shutil

    from selfcare import paths

    for name in ("weekly-check", "tension"):
        shutil.copy(paths.measures_dir() / f"{name}.toml", tmp_path)
    weekly = tmp_path / "weekly-check.toml"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace(
        'low.es = "Nada"', 'low.es = ""', 1), encoding="utf-8")
    (tmp_path / "renamed.toml").write_bytes((tmp_path / "tension.toml").read_bytes())
    done = run_selfcare(data_dir, "validate", "--measures", str(tmp_path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'renamed.toml'}: its id 'tension' must match")
    assert lines[1].startswith(f"{weekly}: ") and "low" in lines[1]
    assert "Traceback" not in done.stderr
