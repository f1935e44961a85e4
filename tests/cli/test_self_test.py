"""`selfcare --self-test` from the source tree: every check passes on a good installation,
a damaged one is named check by check, and nothing reaches the network."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from selfcare.self_test import no_network
from tests.conftest import REPO
from tests.helpers.cli import run_selfcare, selfcare_env

CHECKS = ("record file", "content", "translations", "sound", "window", "network")

# Installed into a child Python before anything else runs (sitecustomize): every way out
# to the network is refused and written down, so a test can fail on any attempt.
GUARD = textwrap.dedent('''
    import os, socket

    _log = os.environ["NETWORK_ATTEMPTS"]

    def _refuse(what):
        with open(_log, "a", encoding="utf-8") as out:
            out.write(what + "\\n")
        return OSError("network blocked by the test: " + what)

    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family == socket.AF_UNIX:
            return _connect(self, address)
        raise _refuse("connect %r" % (address,))

    def connect_ex(self, address):
        if self.family == socket.AF_UNIX:
            return _connect_ex(self, address)
        raise _refuse("connect %r" % (address,))

    def sendto(self, *args):
        raise _refuse("sendto %r" % (args[-1],))

    def getaddrinfo(host, *args, **kwargs):
        raise _refuse("resolve %r" % (host,))

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.socket.sendto = sendto
    socket.getaddrinfo = getaddrinfo
''')


def guarded_env(tmp_path: Path, data_dir: Path) -> tuple[dict[str, str], Path]:
    site = tmp_path / "guard"
    site.mkdir()
    (site / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    attempts = tmp_path / "attempts.txt"
    env = selfcare_env(data_dir, NETWORK_ATTEMPTS=str(attempts), PYTHONPATH=str(site),
                       QT_QPA_PLATFORM="offscreen")
    return env, attempts


def test_a_good_installation_passes_every_check_without_touching_the_data(
        data_dir: Path) -> None:
    done = run_selfcare(data_dir, "--self-test", timeout=120, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in CHECKS:
        assert any(line.strip().startswith(f"ok    {check}:") for line in lines), check
    assert lines[-1].startswith(f"All {len(CHECKS)} checks passed")
    assert not (data_dir / "selfcare.db").exists()  # a temporary folder, never the records


def test_a_damaged_installation_names_what_is_wrong_and_goes_on(data_dir: Path,
                                                                tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(REPO / "assets", assets)
    (assets / "scripts" / "pmr-short.toml").write_text("format = 1\nid = [", encoding="utf-8")
    shutil.rmtree(assets / "audio" / "narration" / "en" / "imagery-garden")
    (assets / "translations" / "selfcare_es.qm").unlink()
    done = run_selfcare(data_dir, "--self-test", timeout=120, QT_QPA_PLATFORM="offscreen",
                        SELFCARE_ASSETS_DIR=str(assets))
    assert done.returncode == 1
    out = done.stdout
    assert "FAIL  content:" in out and "pmr-short.toml" in out
    assert "FAIL  translations: the Spanish catalogue is missing" in out
    assert "FAIL  sound: imagery-garden: no recorded narration" in out
    assert "ok    record file:" in out and "ok    window:" in out  # the rest still ran
    assert "3 of 6 checks failed" in out
    assert "Traceback" not in out + done.stderr


def test_the_self_test_and_a_played_session_never_reach_the_network(
        data_dir: Path, tmp_path: Path) -> None:
    env, attempts = guarded_env(tmp_path, data_dir)
    command = [sys.executable, "-m", "selfcare"]
    tested = subprocess.run([*command, "--self-test"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    tiny = str(REPO / "tests" / "data" / "scripts" / "tiny-cues.toml")
    played = subprocess.run([*command, "play", tiny, "--no-gui", "--pre", "6", "--post", "4"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert played.returncode == 0, played.stderr
    assert not attempts.exists(), attempts.read_text(encoding="utf-8")


def test_the_guard_itself_would_catch_a_connection(tmp_path: Path, data_dir: Path) -> None:
    env, attempts = guarded_env(tmp_path, data_dir)
    probe = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), 1)\n" \
            "except OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=30)
    assert "192.0.2.1" in attempts.read_text(encoding="utf-8")


def test_the_self_tests_own_guard_refuses_and_notes_every_way_out() -> None:
    with no_network() as attempts:
        with pytest.raises(OSError, match="refused a network connection"):
            socket.create_connection(("192.0.2.1", 80), 1)
        with pytest.raises(OSError):
            socket.getaddrinfo("example.org", 443)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, \
                pytest.raises(OSError):
            udp.sendto(b"x", ("192.0.2.1", 53))
        left, right = socket.socketpair()  # local pairs between threads still work
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
        left.close()
        right.close()
    assert len(attempts) == 3
    assert socket.create_connection.__name__ == "create_connection"  # put back after
