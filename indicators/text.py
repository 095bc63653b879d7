"""Data text made inert for Markdown: shown as written, never as markup or a link."""

from __future__ import annotations

import re

# Every character CommonMark, GitHub-flavoured Markdown or Streamlit's extensions
# (:emoji:, $math$, :color[...]) give a meaning to.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&\"'])")


def markdown_escape(text: str) -> str:
    """Backslash-escape every Markdown character, and keep line breaks as breaks."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")
