"""`make serve`'s server: a taken port is one line of advice, not a traceback."""
import socket
import subprocess
import sys
import urllib.request

SERVE = ["scripts/serve.py"]


def test_taken_port_is_one_line(root, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, *SERVE, "--port", str(port), str(tmp_path)],
                             cwd=root, capture_output=True, text=True, timeout=30)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"error: cannot serve on 127.0.0.1:{port} (Address already in use); "
        f"choose another port, e.g. make serve PORT={port + 1}"]


def test_serves_the_directory_on_the_port_given(root, tmp_path):
    (tmp_path / "index.html").write_text("<p>edition</p>", encoding="utf-8")
    server = subprocess.Popen([sys.executable, *SERVE, "--port", "0", str(tmp_path)],
                              cwd=root, stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().split()[4]
        assert urllib.request.urlopen(url, timeout=10).read() == b"<p>edition</p>"
    finally:
        server.terminate()
        server.wait(timeout=10)
