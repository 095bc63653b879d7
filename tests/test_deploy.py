"""The nginx template and the replica runner, checked as text and plain values (no nginx)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from benchmarks.common import free_port
from benchmarks.loadtest import SCRIPT, Load, Session, summary
from benchmarks.proxy import readers_per_replica
from deploy.replicas import (
    STATIC,
    TEMPLATE,
    nginx_command,
    render,
    replica_command,
    replica_env,
    replica_ports,
    wait_healthy,
)
from indicators.publish import PUBLISHED
from tests.conftest import ROOT

RUN = Path("/srv/run")


def _rendered(ports: list[int]) -> str:
    return render(TEMPLATE.read_text(), ports, "127.0.0.1:8080", RUN)


def _block(conf: str, opening: str) -> str:
    """The text of the block that starts with `opening {`, up to its matching brace."""
    start = conf.index(opening + " {") + len(opening) + 2
    depth, index = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(conf[index], 0)
        index += 1
    return conf[start:index - 1]


def _directives(block: str) -> list[str]:
    """The block's directives, one string each, comments and extra spaces removed."""
    text = re.sub(r"#[^\n]*", "", block)
    return [" ".join(part.split()) for part in re.split(r"[;{}]", text) if part.strip()]


@pytest.mark.parametrize("count", [1, 2, 4])
def test_the_upstream_lists_one_server_per_replica(count: int) -> None:
    ports = replica_ports(count, 9100)
    upstream = _directives(_block(_rendered(ports), "upstream indicators"))
    assert upstream == ["hash $route consistent",
                        *(f"server 127.0.0.1:{port}" for port in ports), "keepalive 16"]


def test_readers_stick_by_cookie_and_fall_back_to_their_address() -> None:
    conf = _rendered([9100, 9101])
    assert "ip_hash" not in _directives(conf)
    route = _directives(_block(conf, "map $cookie_indicators_route $route"))
    assert route == ['"" $remote_addr', "default $cookie_indicators_route"]
    cookie = " ".join(_block(conf, "map $cookie_indicators_route $route_cookie").split())
    assert '"" "indicators_route=$request_id; Path=/; HttpOnly; SameSite=Lax";' in cookie
    assert 'default "";' in cookie  # set once: a reader keeps its route


def test_the_websocket_is_upgraded_with_the_reader_s_host_and_long_timeouts() -> None:
    stream = _directives(_block(_rendered([9100]), "location /_stcore/stream"))
    assert {"proxy_pass http://indicators", "proxy_set_header Upgrade $http_upgrade",
            "proxy_set_header Connection $connection_upgrade",
            "proxy_set_header Host $http_host",  # Streamlit compares Origin with Host
            "proxy_read_timeout 1d", "proxy_send_timeout 1d"} <= set(stream)


def test_health_is_passed_to_a_replica() -> None:
    health = _directives(_block(_rendered([9100]), "location = /_stcore/health"))
    assert "proxy_pass http://indicators" in health


def test_published_files_are_served_from_the_app_s_static_folder_with_their_types() -> None:
    static = _block(_rendered([9100]), "location /app/static/")
    directives = _directives(static)
    assert f"alias {ROOT / 'static'}/" in directives
    assert STATIC == ROOT / "static"
    assert 'add_header Cache-Control "public, max-age=300"' in directives
    types = {extension: kind for kind, extension in
             (line.split(" ", 1) for line in _directives(_block(static, "types")))}
    expected = {"csv": "text/csv", "json": "application/json", "zip": "application/zip"}
    assert {name.rsplit(".", 1)[1] for name in PUBLISHED} <= set(types)
    assert {extension: types[extension] for extension in expected} == expected


def test_an_upload_at_the_app_s_limit_passes_the_proxy() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit = re.search(r"client_max_body_size (\d+)m;", _rendered([9100]))
    assert limit is not None and int(limit.group(1)) > config["server"]["maxUploadSize"]


def test_every_writable_path_is_in_the_run_folder() -> None:
    conf = _rendered([9100])
    paths = re.findall(r"^\s*(?:pid|error_log|access_log|\w+_temp_path) (/\S+?)[ ;]", conf,
                       flags=re.MULTILINE)
    assert len(paths) == 8  # pid, two logs, five kinds of temporary file
    assert all(path.startswith(f"{RUN}/") for path in paths)


def test_a_placeholder_left_unfilled_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^Unfilled placeholder in the nginx template: "
                                         r"\{\{ upstream \}\}$"):
        render("listen {{ listen }}; {{ upstream }}", [9100], "127.0.0.1:8080", RUN)


def test_replicas_take_consecutive_ports_and_a_cache_folder_each() -> None:
    assert replica_ports(3, 9000) == [9000, 9001, 9002]
    environments = [replica_env(Path("/data/x.yaml"), RUN, port) for port in [9000, 9001]]
    assert environments == [
        {"INDICATORS_DATA": "/data/x.yaml", "INDICATORS_CACHE_DIR": f"{RUN}/cache-9000"},
        {"INDICATORS_DATA": "/data/x.yaml", "INDICATORS_CACHE_DIR": f"{RUN}/cache-9001"}]
    with pytest.raises(ValueError, match=r"^At least one replica\.$"):
        replica_ports(0)


def test_the_app_reads_the_variables_the_runner_sets() -> None:
    app = (ROOT / "app.py").read_text()
    for name in replica_env(Path("/d.yaml"), RUN, 9000):
        assert f'os.environ.get("{name}"' in app


def test_commands_keep_replicas_on_the_loopback_and_nginx_in_the_foreground() -> None:
    command = replica_command(9000)
    assert command[command.index("--server.port") + 1] == "9000"
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert nginx_command(RUN) == ["nginx", "-p", f"{RUN}/", "-e", f"{RUN}/error.log",
                                  "-c", f"{RUN}/nginx.conf", "-g", "daemon off;"]


def test_a_replica_that_dies_on_start_is_reported_not_waited_for() -> None:
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait(timeout=30)
    with pytest.raises(RuntimeError, match=r"exited with 3; its log is in the run folder\.$"):
        wait_healthy(f"http://127.0.0.1:{free_port()}", process, timeout=30)


def test_readers_are_counted_per_replica_from_the_access_log() -> None:
    log = ('127.0.0.1 [t] "GET /_stcore/stream HTTP/1.1" 101 9 upstream=127.0.0.1:9001 route=a\n'
           '127.0.0.1 [t] "GET / HTTP/1.1" 200 7863 upstream=127.0.0.1:9000 route=127.0.0.1\n'
           '127.0.0.1 [t] "GET /_stcore/stream HTTP/1.1" 101 9 upstream=127.0.0.1:9000 route=b\n'
           '127.0.0.1 [t] "GET /_stcore/stream HTTP/1.1" 101 9 upstream=127.0.0.1:9001 route=c\n')
    assert readers_per_replica(log) == {"127.0.0.1:9001": 2, "127.0.0.1:9000": 1}


def test_the_load_summary_counts_reruns_errors_and_throughput() -> None:
    done = Session(reruns=[0.1] * (len(SCRIPT) + 1))
    failed = Session(reruns=[0.3], errors=["TimeoutError: "])
    row = summary(Load([done, failed], elapsed=2.0))
    assert row == [f"{len(SCRIPT) + 2}/{2 * (len(SCRIPT) + 1)}", 1, "100", "300", "300", "2.0",
                   f"{(len(SCRIPT) + 2) / 2:.1f}"]


def test_scripts_styles_and_data_are_compressed_on_the_way_out() -> None:
    http = _directives(_block(_rendered([9100]), "http"))
    assert {"gzip on", "gzip_proxied any", "gzip_vary on"} <= set(http)
    types = next(line for line in http if line.startswith("gzip_types ")).split()[1:]
    assert {"application/javascript", "text/javascript", "text/css", "application/json",
            "text/csv"} <= set(types)
