"""`timeline`, `render`, `play --no-gui` and `history`: real processes, real files."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest
import soundfile

from tests.conftest import DATA, REPO
from tests.helpers.cli import command, history, run_selfcare, selfcare_env

TINY = str(DATA / "scripts" / "tiny-cues.toml")


def test_timeline_json_gives_events_at_frames(data_dir):
    done = run_selfcare(data_dir, "timeline", TINY, "--json")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    cues = [e for e in events if e["kind"] == "cue"]
    assert [c["t"] for c in cues] == [0.0, 0.75, 2.0, 3.0]
    assert [c["frame"] for c in cues] == [0, 36_000, 96_000, 144_000]
    assert events[-1]["kind"] == "end"


def test_timeline_of_a_builtin_id_in_each_language(data_dir):
    for lang in ("en", "es"):
        done = run_selfcare(data_dir, "timeline", "pmr-short", "--lang", lang, "--json")
        assert done.returncode == 0, done.stderr
        assert any(e["kind"] == "say" for e in json.loads(done.stdout))


def test_an_unknown_session_or_language_is_one_line(data_dir):
    done = run_selfcare(data_dir, "timeline", "no-such-session")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    done = run_selfcare(data_dir, "timeline", "pmr-short", "--lang", "fr")
    assert done.returncode == 1 and "has no language 'fr'" in done.stderr


def test_render_writes_the_whole_stream(data_dir, tmp_path):
    out = tmp_path / "tiny.wav"
    done = run_selfcare(data_dir, "render", TINY, "--out", str(out))
    assert done.returncode == 0, done.stderr
    info = soundfile.info(str(out))
    assert (info.samplerate, info.channels, info.frames) == (48_000, 2, 192_000)


def test_play_without_a_window_records_the_session_like_the_gui(data_dir):
    done = run_selfcare(data_dir, "play", TINY, "--no-gui", "--pre", "6", "--post", "4")
    assert done.returncode == 0, done.stderr
    assert "[0:00.8] (chime)" in done.stdout
    assert "Pain before 6 \u2192 after 4" in done.stdout
    [record] = history(data_dir)
    assert (record["status"], record["pre"], record["post"]) == ("completed", 6, 4)
    assert record["step_reached"] == record["steps_total"] == 4
    assert record["audio"] == "device"


def test_ratings_can_be_typed_at_the_terminal(data_dir):
    done = run_selfcare(data_dir, "play", TINY, "--no-gui", stdin="eleven\n7\ns\n")
    assert done.returncode == 0, done.stderr
    assert "Please type a whole number from 0 to 10" in done.stdout
    [record] = history(data_dir)
    assert (record["pre"], record["post"], record["post_skipped"]) == (7, None, True)


def test_the_terminal_asks_the_same_questions_as_the_window(data_dir):
    """Answers are typed one prompt at a time, as a person would (while the session plays,
    lines typed are commands)."""
    import csv
    import os

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(
        json.dumps({"version": 1, "values": {"ask_tension": True}}), encoding="utf-8")
    proc = subprocess.Popen(command("play", TINY, "--no-gui"), cwd=REPO,
                            env=selfcare_env(data_dir), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    seen = b""
    prompts = (b"(or s to skip): ", b"Enter for none): ")
    answers = ["6", "8", "4", "s", "5", "12", "6", "s", "calmer after"]  # 12 is refused
    asked = 0
    try:
        for answer in answers:
            while sum(seen.count(prompt) for prompt in prompts) <= asked:
                chunk = os.read(proc.stdout.fileno(), 4096)
                assert chunk, seen.decode()
                seen += chunk
            asked += 1
            proc.stdin.write(answer.encode() + b"\n")
            proc.stdin.flush()
        proc.stdin.close()
        rest = proc.stdout.read()
        proc.wait(timeout=30)
    finally:
        proc.kill()
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    out = (seen + rest).decode()
    assert proc.returncode == 0, err
    assert "How tense do your muscles feel right now?" in out
    assert "Once a week: three questions about the past seven days." in out
    assert "Please type a whole number from 0 to 10" in out  # the 12
    [record] = history(data_dir)
    assert (record["pre"], record["post"]) == (6, 4)
    exported = run_selfcare(data_dir, "export", "csv", "--out", "-")
    [row] = list(csv.DictReader(exported.stdout.splitlines()))
    assert (row["tension_before"], row["tension_after_status"]) == ("8", "skipped")
    assert row["note"] == "calmer after"
    weekly = run_selfcare(data_dir, "export", "weekly-csv", "--out", "-")
    [week] = list(csv.DictReader(weekly.stdout.splitlines()))
    assert (week["average_pain"], week["enjoyment"], week["activity_status"]) == \
        ("5", "6", "skipped")


def test_without_anyone_to_ask_the_ratings_must_be_given(data_dir):
    done = run_selfcare(data_dir, "play", TINY, "--no-gui", stdin="")
    assert done.returncode == 1
    assert "give --pre and --post" in done.stderr
    assert history(data_dir) == []


def test_with_no_sound_device_the_session_runs_silently_and_says_why(data_dir):
    done = run_selfcare(data_dir, "play", TINY, "--no-gui", "--pre", "5", "--post", "5",
                        SDL_AUDIODRIVER="no-such-driver")
    assert done.returncode == 0, done.stderr
    assert "No sound" in done.stderr and "no-such-driver" in done.stderr
    assert "[0:03.0] (chime)" in done.stdout
    [record] = history(data_dir)
    assert (record["audio"], record["status"]) == ("silent", "completed")


def start_playing(data_dir, script=TINY) -> subprocess.Popen[str]:
    process = subprocess.Popen(command("play", script, "--no-gui", "--pre", "7"),
                               cwd=REPO, env=selfcare_env(data_dir), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if "[0:00.8]" in line:  # the second step has been reached
            return process
    pytest.fail(f"never reached step 2: {process.stderr.read() if process.stderr else ''}")


@pytest.mark.slow
def test_sigkill_mid_session_keeps_the_pre_rating_and_shows_it_interrupted(data_dir):
    process = start_playing(data_dir)
    time.sleep(0.3)
    process.kill()
    process.communicate(timeout=10)
    [record] = history(data_dir)  # the next start records the dead session
    assert (record["status"], record["pre"], record["post"]) == ("interrupted", 7, None)
    assert record["step_reached"] >= 2


@pytest.mark.slow
def test_sigterm_ends_the_session_cleanly_as_interrupted(data_dir):
    process = start_playing(data_dir)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=10)
    assert process.returncode == 128 + signal.SIGTERM
    [record] = history(data_dir)
    assert (record["status"], record["pre"]) == ("interrupted", 7)
    assert record["ended_at"] is not None


def test_output_cut_short_by_a_pipe_is_not_a_traceback(data_dir):
    import sys

    reader = subprocess.run(
        f"{sys.executable} -m selfcare timeline pmr-short --json | true",
        shell=True, cwd=REPO, env=selfcare_env(data_dir), capture_output=True, text=True,
        check=False)
    assert "Traceback" not in reader.stderr and "BrokenPipe" not in reader.stderr
