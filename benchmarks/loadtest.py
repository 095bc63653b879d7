"""Load test: concurrent sessions speaking Streamlit's websocket protocol to one local server.

    python -m benchmarks.loadtest                       # 50 sessions, the real data file
    python -m benchmarks.loadtest --sessions 50 --figures 10000

Each session opens the page, then switches language and view a few times, as a reader would;
every switch is a rerun whose time is measured to the server's "script finished". Traffic stays
on the loopback interface; every wait is bounded, and the whole test stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.common import ROOT, cpu_seconds, peak_rss_mb, streamlit_server, table
from benchmarks.generate import write

# The app's radio options, in order: the protocol speaks in option indexes.
LANGUAGES = ["fr", "ar", "en"]
VIEWS = ["overview", "regularisation", "voluntary_return", "civil_society",
         "international_cooperation", "local_integration", "timeline", "explorer", "draft"]
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
                key = element.radio.id.rsplit("-", 1)[-1]
                session.widgets[key] = element.radio.id
                session.options[key] = list(element.radio.options)
                session.values.setdefault(key, element.radio.default)
            if element.WhichOneof("type") == "exception":
                session.errors.append(element.exception.message)
        elif kind == "script_finished":
            return


async def _reader(url: str, session: Session) -> None:
    address = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(address, subprotocols=["streamlit"],  # type: ignore[list-item]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--figures", type=int, help="a synthetic dataset of this size instead "
                                                    "of the real file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = (write(args.figures, Path(folder) / "data.yaml") if args.figures
                else ROOT / "data" / "indicators.yaml")
        env = {"INDICATORS_DATA": str(data), "INDICATORS_CACHE_DIR": str(Path(folder) / "c")}
        with streamlit_server(ROOT / "app.py", env) as (url, pid):
            asyncio.run(_crowd(url, 1))  # warm the server's per-version caches
            cpu_before, start = cpu_seconds(pid), time.perf_counter()
            crowd = asyncio.run(_crowd(url, args.sessions))
            elapsed, cpu = time.perf_counter() - start, cpu_seconds(pid) - cpu_before
            rss = peak_rss_mb(pid)
    reruns = [seconds for session in crowd for seconds in session.reruns]
    errors = [error for session in crowd for error in session.errors]
    expected = args.sessions * (len(SCRIPT) + 1)
    name = f"{args.figures:,} synthetic figures" if args.figures else "the real file"
    table(f"load: {args.sessions} concurrent sessions on one server, {name}, "
          f"{len(SCRIPT) + 1} reruns each",
          ["reruns", "errors", "p50 ms", "p95 ms", "max ms", "wall s", "reruns/s",
           "server CPU s", "CPU use", "server peak RSS MB"],
          [[f"{len(reruns)}/{expected}", len(errors),
            f"{_percentile(reruns, 0.5) * 1000:.0f}" if reruns else "-",
            f"{_percentile(reruns, 0.95) * 1000:.0f}" if reruns else "-",
            f"{max(reruns) * 1000:.0f}" if reruns else "-",
            f"{elapsed:.1f}", f"{len(reruns) / elapsed:.1f}", f"{cpu:.1f}",
            f"{cpu / elapsed:.0%}", f"{rss:.0f}"]])
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    if reruns:
        print(f"  mean rerun {statistics.mean(reruns) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
