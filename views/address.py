"""The page's address: what a link reproduces, written once per run, and read back after the
browser's Back and Forward."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import streamlit as st

# Session entries: the address the page last wrote, the session's other values as that run
# left them, whether this run follows the address, and what this run keeps in it.
_WRITTEN = "address-written"
_LEFT = "address-left"
_ARRIVED = "address-arrived"
_KEPT = "address-kept"
# At most how long a link's figure is held in view while the elements above it are drawn
# and move it down (ms), and how many frames the page stays still before it is let go: once
# the run is over and every chart drawn, nothing above it moves any more.
HOLD_MS = 60_000
STILL_FRAMES = 30

Address = tuple[tuple[str, tuple[str, ...]], ...]


def _normal(params: Mapping[str, str | Sequence[str]]) -> Address:
    """An address as a comparable value: names sorted, empty values left out (a filter
    emptied is no parameter)."""
    lists = {name: (value,) if isinstance(value, str) else tuple(value)
             for name, value in params.items()}
    return tuple(sorted((name, values) for name, values in lists.items() if values))


def _now() -> Address:
    return _normal({name: st.query_params.get_all(name) for name in st.query_params})


def begin() -> None:
    """Decide, before anything is drawn, whether this run follows the address: it does when
    the address is not the one the page last wrote (a first visit, a link, the browser's Back
    or Forward) and the reader changed nothing. A rerun the reader starts carries the address
    the browser shows, which can still be the one before the page's last when the click came
    quickly after it (the newer one was on its way): the reader's change wins over it."""
    st.session_state[_ARRIVED] = st.session_state.get(_WRITTEN) != _now() and not _changed()


def _changed() -> bool:
    """Whether a widget's value is not what the page last left it at (when it followed
    the address, or when a run wrote the address)."""
    left = st.session_state.get(_LEFT, {})
    return any(name in left and st.session_state[name] != left[name] for name in _values())


def _values() -> list[str]:
    """The session's choices that are plain values (texts, numbers, switches, lists of
    them): an uploaded file is a new object at every run, and what the page keeps for
    itself is no choice."""
    return [name for name in st.session_state
            if not str(name).startswith("address-") and _plain(st.session_state[name])]


def _plain(value: object) -> bool:
    if isinstance(value, list | tuple):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, str | int | float)


def arrived() -> bool:
    """Whether this run shows what the address says, not what the widgets still hold from
    the reader's last choice (see `begin`)."""
    return bool(st.session_state.get(_ARRIVED, True))


def follow(key: str, value: object) -> None:
    """Set the widget `key` to the address's `value` before it is drawn, on arrival or when
    the widget is new (one drawn per language starts at a switch); otherwise it keeps the
    reader's choice."""
    if key not in st.session_state or arrived():
        st.session_state[key] = value
    # Remembered at once, not only when the run ends: a click that stops this run (a first
    # one, say) then still reads as the reader's change.
    st.session_state.setdefault(_LEFT, {})[key] = st.session_state[key]


def start(**fixed: str) -> None:
    """Begin the run's address with what every view has: the language and the view."""
    st.session_state[_KEPT] = dict(fixed)


def keep(name: str, value: str | list[str]) -> None:
    """Put a view's choice in the address written at the end of the run."""
    st.session_state.setdefault(_KEPT, {})[name] = value


def write() -> None:
    """The run's address, sent once: Streamlit pushes a changed address as an entry of the
    browser's history (and replaces it on a run that follows Back or Forward), so a change
    the reader makes is one step back. A parameter no view kept this run leaves it: a
    figure or a filter never rides into a view where it means nothing."""
    kept = {name: value for name, value in st.session_state.get(_KEPT, {}).items() if value}
    address = _normal(kept)
    if address != _now():
        st.query_params.from_dict(kept)
    st.session_state[_WRITTEN] = address
    st.session_state[_LEFT] = {name: st.session_state[name] for name in _values()}


def scroll_to(key: str) -> None:
    """Bring the element of `key` near the top of the window and hold it there while the
    elements above it are drawn. Only a key reaches the script, as a JSON string whose "<" is
    escaped; Streamlit names a keyed element's class `st-key-<key>`."""
    target = json.dumps(f"st-key-{key}").replace("<", "\\u003c")
    st.html(_HOLD.replace("TARGET", target).replace("HOLD_MS", str(HOLD_MS))
            .replace("STILL_FRAMES", str(STILL_FRAMES)),
            unsafe_allow_javascript=True)


# Each frame, until the page has stood still for STILL_FRAMES frames (the run over, no
# element waiting for its code, every chart drawn), HOLD_MS have passed or the reader
# scrolls, types or clicks: where the element is, and a scroll when it is not below the
# page's header. One position read a frame, for the few seconds a page takes to draw.
_HOLD = """<script>(() => {
  const name = TARGET, until = Date.now() + HOLD_MS;
  let held = true, still = 0;
  const release = () => { held = false; };
  for (const kind of ['wheel', 'touchstart', 'keydown', 'pointerdown'])
    addEventListener(kind, release, { once: true, capture: true, passive: true });
  const drawn = () => document.querySelector('[data-test-script-state="notRunning"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
      .every(chart => chart.querySelector('svg.main-svg'));
  const place = () => {
    if (!held || Date.now() > until || still > STILL_FRAMES) return;
    const element = document.getElementsByClassName(name)[0];
    if (element && Math.abs(element.getBoundingClientRect().top - 80) > 4) {
      element.style.scrollMarginTop = '80px';
      element.scrollIntoView({ block: 'start' });
    }
    still = element && drawn() ? still + 1 : 0;
    requestAnimationFrame(place);
  };
  place();
})();</script>"""
