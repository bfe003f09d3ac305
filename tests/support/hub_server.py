"""A stand-in Hugging Face Hub on 127.0.0.1 for the model-download tests: real HTTP, the endpoints
``huggingface_hub.snapshot_download`` uses for a public model over plain HTTP (no Xet):
repo info, the file tree, HEAD and GET of ``/{repo}/resolve/{revision}/{file}``.

It serves the files of local folders under repo ids (``serve(repo_id, folder)``), so a test can
"download" the shipped tiny.en pack. Run ``huggingface_hub`` with ``HF_ENDPOINT=server.url`` (in
a fresh process: the endpoint is read when the package is imported).
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"


class HubServer:
    def __init__(self) -> None:
        self.repos: dict[str, Path] = {}
        self.requests: list[tuple[str, str]] = []
        self._httpd = None

    def serve(self, repo_id: str, folder: Path) -> "HubServer":
        self.repos[repo_id] = Path(folder)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> "HubServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_HEAD(self) -> None:
                owner._answer(self, head=True)

            def do_GET(self) -> None:
                owner._answer(self, head=False)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    # -- answers --------------------------------------------------------------------------------
    def _answer(self, h: BaseHTTPRequestHandler, head: bool) -> None:
        path = unquote(urlsplit(h.path).path)
        self.requests.append((h.command, path))
        for repo, folder in self.repos.items():
            if path == f"/api/models/{repo}" or path.startswith(f"/api/models/{repo}/revision/"):
                files = [{"rfilename": p.name, "size": p.stat().st_size} for p in sorted(folder.iterdir()) if p.is_file()]
                return self._json(h, {"id": repo, "modelId": repo, "sha": COMMIT, "siblings": files}, head)
            if path.startswith(f"/api/models/{repo}/tree/"):
                tree = [{"type": "file", "path": p.name, "size": p.stat().st_size, "oid": _oid(p)}
                        for p in sorted(folder.iterdir()) if p.is_file()]
                return self._json(h, tree, head)
            prefix = f"/{repo}/resolve/"
            if path.startswith(prefix):
                rest = path[len(prefix):]
                _, _, name = rest.partition("/")
                f = folder / name
                if "/" in name or not f.is_file():
                    return self._send(h, 404, b'{"error":"Entry not found"}', head,
                                      {"X-Error-Code": "EntryNotFound"})
                body = b"" if head else f.read_bytes()
                return self._send(h, 200, body, head, {
                    "X-Repo-Commit": COMMIT, "ETag": f'"{_oid(f)}"', "Content-Length": str(f.stat().st_size),
                    "Content-Type": "application/octet-stream"}, length=f.stat().st_size)
        return self._send(h, 404, b'{"error":"Repository not found"}', head, {"X-Error-Code": "RepoNotFound"})

    def _json(self, h, data, head: bool) -> None:
        self._send(h, 200, json.dumps(data).encode(), head, {"Content-Type": "application/json"})

    @staticmethod
    def _send(h, status: int, body: bytes, head: bool, headers: dict, length: int | None = None) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if "Content-Length" not in headers:
            h.send_header("Content-Length", str(len(body) if length is None else length))
        h.end_headers()
        if not head:
            h.wfile.write(body)


def _oid(path: Path) -> str:
    return hashlib.sha1(f"{path.name}:{path.stat().st_size}".encode()).hexdigest()
