"""The web app keeps answering while a build writes to its store, and shows the new documents once it is done."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import EXAMPLES


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def test_app_answers_while_a_build_writes(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for number, path in enumerate(sorted(EXAMPLES.iterdir())):
        shutil.copy(path, (first if number < 4 else second) / path.name)
    db = str(tmp_path / "graph.db")
    assert _cli("build", str(first), "--db", db, "--offline").wait(timeout=300) == 0
    port = _free_port()
    server = _cli("serve", "--db", db, "--port", str(port), "--refresh", "1")
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "newsgraph serve did not start"
                time.sleep(0.3)
        assert httpx.get(base + "/api/overview").json()["documents"] == 4
        build = _cli("build", str(second), "--db", db, "--offline")
        answered = 0
        while build.poll() is None:
            for path in ("/", "/api/overview", "/actors", "/api/quotes"):
                response = httpx.get(base + path, timeout=30)
                assert response.status_code == 200, (path, response.text[:200])
                answered += 1
        assert build.returncode == 0
        assert answered > 4  # the app was asked while the build ran
        deadline = time.monotonic() + 60
        while httpx.get(base + "/api/overview").json()["documents"] != 8:
            assert time.monotonic() < deadline, "the app never showed the new documents"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
