"""Load test: concurrent sessions speaking Streamlit's websocket protocol to one local server.

    python -m benchmarks.loadtest                       # 50 sessions, the real data file
    python -m benchmarks.loadtest --sessions 50 --figures 10000
    python -m benchmarks.loadtest --url http://127.0.0.1:8080   # a running server or proxy

Each session opens the page, then switches language and view a few times, as a reader would;
every switch is a rerun whose time is measured to the server's "script finished". Like a
browser, a session fetches the page first and sends its cookies and origin with the websocket,
so a proxy with sticky sessions routes it as it would a reader. Traffic stays on the loopback
interface; every wait is bounded, and the whole test stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Origin

from benchmarks.common import (
    APPS,
    ROOT,
    cpu_seconds,
    load_average,
    peak_rss_mb,
    streamlit_server,
    table,
)
from benchmarks.generate import write
from views import registry_of

# The app's radio options, in order (the views' registry's): the protocol speaks in option
# indexes.
LANGUAGES = ["fr", "ar", "en"]
# The load test serves a generated file, whose themes are the real file's first ones.
VIEWS = list(registry_of(ROOT / "tests" / "fixtures" / "frozen.yaml"))
# What each session does after opening the page: (widget key, new value).
SCRIPT = [("lang", "en"), ("view", "regularisation"), ("lang", "ar"), ("view", "timeline"),
          ("view", "explorer"), ("lang", "fr"), ("view", "overview")]
RERUN_TIMEOUT = 60.0  # seconds; a rerun slower than this counts as an error
SESSION_TIMEOUT = 300.0


@dataclass
class Session:
    """One simulated reader: its widget ids and what it measured."""

    page: str = ""  # the page's script hash, as the server named it in new_session
    widgets: dict[str, str] = field(default_factory=dict)
    # A radio's state travels as its option's label, in the page's current language.
    options: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    reruns: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _rerun_message(session: Session, query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = session.page
    for key, widget_id in session.widgets.items():
        label = session.options[key][session.values[key]]
        state = WidgetState(id=widget_id, string_value=label)
        message.rerun_script.widget_states.widgets.append(state)
    return message.SerializeToString()


async def _until_finished(socket: websockets.ClientConnection, session: Session) -> None:
    """Read messages until the script run ends; note the radios' ids on the way."""
    while True:
        raw = await asyncio.wait_for(socket.recv(), RERUN_TIMEOUT)
        message = ForwardMsg()
        message.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
        kind = message.WhichOneof("type")
        if kind == "new_session":
            session.page = message.new_session.page_script_hash
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            if element.WhichOneof("type") == "radio":
                # `$$ID-<hash>-<key>`; the view radio is keyed per language (`view-fr`),
                # and the one just drawn is the one the next rerun speaks to.
                key = element.radio.id.split("-", 2)[-1].split("-", 1)[0]
                session.widgets[key] = element.radio.id
                session.options[key] = list(element.radio.options)
                session.values.setdefault(key, element.radio.default)
            if element.WhichOneof("type") == "exception":
                session.errors.append(element.exception.message)
        elif kind == "script_finished":
            return


def page_cookies(url: str) -> str:
    """The cookies the page sets, as a browser sends them back: `a=1; b=2`."""
    with urllib.request.urlopen(f"{url}/", timeout=RERUN_TIMEOUT) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0].strip() for cookie in cookies)


async def _reader(url: str, session: Session) -> None:
    address = url.replace("http://", "ws://") + "/_stcore/stream"
    cookies = await asyncio.to_thread(page_cookies, url)
    async with websockets.connect(address, subprotocols=["streamlit"],  # type: ignore[list-item]
                                  origin=Origin(url), additional_headers={"Cookie": cookies},
                                  max_size=None, open_timeout=RERUN_TIMEOUT) as socket:
        start = time.perf_counter()
        await socket.send(_rerun_message(session, "lang=fr&view=overview"))
        await _until_finished(socket, session)
        session.reruns.append(time.perf_counter() - start)
        for key, value in SCRIPT:
            options = LANGUAGES if key == "lang" else VIEWS
            session.values[key] = options.index(value)
            query = (f"lang={LANGUAGES[session.values['lang']]}"
                     f"&view={VIEWS[session.values['view']]}")
            start = time.perf_counter()
            await socket.send(_rerun_message(session, query))
            await _until_finished(socket, session)
            session.reruns.append(time.perf_counter() - start)


async def _guarded(url: str, session: Session) -> None:
    try:
        await asyncio.wait_for(_reader(url, session), SESSION_TIMEOUT)
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        session.errors.append(f"{type(error).__name__}: {error}")


async def _crowd(url: str, sessions: int) -> list[Session]:
    crowd = [Session() for _ in range(sessions)]
    await asyncio.gather(*(_guarded(url, session) for session in crowd))
    return crowd


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Load:
    """What one crowd measured, and how long it took from first connection to last answer."""

    crowd: list[Session]
    elapsed: float

    @property
    def reruns(self) -> list[float]:
        return [seconds for session in self.crowd for seconds in session.reruns]

    @property
    def errors(self) -> list[str]:
        return [error for session in self.crowd for error in session.errors]


# The columns of `summary`, the same for one server and for a proxy.
SUMMARY = ["reruns", "errors", "p50 ms", "p95 ms", "max ms", "wall s", "reruns/s"]


def measure(url: str, sessions: int, warm: Sequence[str] = ()) -> Load:
    """A crowd of `sessions` readers at once against `url`, after one reader on each of `warm`.

    The warm-up fills the servers' per-version caches, so that the crowd measures steady
    serving rather than the first validation.
    """
    for address in warm:
        asyncio.run(_crowd(address, 1))
    start = time.perf_counter()
    crowd = asyncio.run(_crowd(url, sessions))
    return Load(crowd, time.perf_counter() - start)


def summary(load: Load) -> list[object]:
    """One table row: reruns done out of expected, errors, percentiles and throughput."""
    reruns = load.reruns
    expected = len(load.crowd) * (len(SCRIPT) + 1)
    milliseconds = [f"{_percentile(reruns, share) * 1000:.0f}" if reruns else "-"
                    for share in (0.5, 0.95, 1.0)]
    return [f"{len(reruns)}/{expected}", len(load.errors), *milliseconds,
            f"{load.elapsed:.1f}", f"{len(reruns) / load.elapsed:.1f}"]


def print_errors(load: Load) -> None:
    """The distinct errors, ten at most, and the mean rerun."""
    for error in sorted(set(load.errors))[:10]:
        print(f"  error: {error}")
    if load.reruns:
        print(f"  mean rerun {statistics.mean(load.reruns) * 1000:.0f} ms")


def title(sessions: int, where: str) -> str:
    """The table's title: how many readers, where, and what each does."""
    return f"load: {sessions} concurrent sessions {where}, {len(SCRIPT) + 1} reruns each"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--figures", type=int, help="a synthetic dataset of this size instead "
                                                    "of the real file")
    parser.add_argument("--url", help="a server already running (a proxy, say) instead of one "
                                      "started here; --figures is then ignored")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the floor: the same crowd against a page with the same two "
                             "radios and no data (apps/radios.py)")
    args = parser.parse_args()
    if args.url:
        load = measure(args.url.rstrip("/"), args.sessions, warm=[args.url.rstrip("/")])
        table(title(args.sessions, f"through {args.url}"), SUMMARY, [summary(load)])
        print_errors(load)
        return
    with tempfile.TemporaryDirectory() as folder:
        data = (write(args.figures, Path(folder) / "data.yaml") if args.figures
                else ROOT / "data" / "indicators.yaml")
        env = {"INDICATORS_DATA": str(data), "INDICATORS_CACHE_DIR": str(Path(folder) / "c")}
        with streamlit_server(ROOT / "app.py", env) as (url, pid):
            asyncio.run(_crowd(url, 1))  # warm the server's per-version caches
            cpu_before = cpu_seconds(pid)
            load = measure(url, args.sessions)
            cpu = cpu_seconds(pid) - cpu_before
            rss = peak_rss_mb(pid)
    name = f"{args.figures:,} synthetic figures" if args.figures else "the real file"
    rows = [[name, *summary(load), f"{cpu:.1f}", f"{cpu / load.elapsed:.0%}", f"{rss:.0f}"]]
    print_errors(load)
    if not args.no_floor:
        rows.append(["floor: the two radios, no data", *serve_and_measure(
            APPS / "radios.py", {"BENCH_VIEWS": ",".join(VIEWS)}, args.sessions)])
    table(title(args.sessions, "on one server") + f"; load average {load_average()}",
          ["app", *SUMMARY, "server CPU s", "CPU use", "server peak RSS MB"], rows)


def serve_and_measure(script: Path, env: dict[str, str], sessions: int) -> list[object]:
    """The crowd against `script` served on its own, after one warming reader."""
    with streamlit_server(script, env) as (url, pid):
        asyncio.run(_crowd(url, 1))
        cpu_before = cpu_seconds(pid)
        load = measure(url, sessions)
        cpu = cpu_seconds(pid) - cpu_before
        rss = peak_rss_mb(pid)
    print_errors(load)
    return [*summary(load), f"{cpu:.1f}", f"{cpu / load.elapsed:.0%}", f"{rss:.0f}"]


if __name__ == "__main__":
    main()
