"""Every style of the page: static CSS, and the uploader's words from the catalog."""

from __future__ import annotations

from indicators.labels import ui

# Static style, never data. Streamlit's captions are #828180 on white (3.9:1): darkened to
# pass WCAG AA's 4.5:1 for small text; text starts on the side of the document's direction.
# A table cell may break a long word ("régularisation") rather than widen the table
# past a phone's width, where an Arabic table's left column was cut.
PAGE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #595959; opacity: 1;
}
[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] { text-align: start; }
[data-testid="stTable"] td, [data-testid="stTable"] td * { overflow-wrap: anywhere !important; }
</style>
"""

# Static style, never data: keyboard focus as a 3 px ring in a blue with 6.7:1 against white
# and 6:1 against the sidebar's grey (WCAG 2.4.7 focus visible, 1.4.11 non-text contrast).
# Streamlit's radios and checkboxes hide their input: the ring goes on the label around it.
FOCUS_CSS = """
<style>
.stApp :is(button, a, summary, input, textarea, [role="button"], [role="tab"], [role="option"],
           [role="menuitem"], [role="menuitemradio"], [tabindex]):focus-visible {
  outline: 3px solid #1d4ed8 !important; outline-offset: 2px !important; }
.stApp label:has(input[type="radio"]:focus-visible),
.stApp label:has(input[type="checkbox"]:focus-visible) {
  outline: 3px solid #1d4ed8; outline-offset: 2px; border-radius: 4px; }
[data-testid="stPopoverBody"]:focus { outline: 3px solid #1d4ed8; outline-offset: -3px; }
[class*="st-key-messages-ltr"], [class*="st-key-messages-ltr"] pre {
  direction: ltr; text-align: left; }
</style>
"""
# A collapsed sidebar slides off to the left, which in a right-to-left document leaves a
# strip of it over the page on a phone: hide it until it is opened.
RTL_PAGE_CSS = """
<style>
section[data-testid="stSidebar"][data-collapsed="true"] { display: none; }
</style>
"""
# Static style, never data: right-to-left layout for Arabic, and quotes that keep the
# direction of their own language whatever the page's. Plotly measures its labels in a
# hidden element of the page's body: measured right to left, the labels of an axis on the
# right were drawn past the chart's edge. The charts draw Arabic right to left themselves
# (reversed axes, labels isolated right to left), so plotly works left to right. A table
# cell takes the direction of its own text: a French source title in an Arabic table kept
# its ellipsis at its end, not before it.
RTL_CSS = """
<style>
.stMain, section[data-testid="stSidebar"] { direction: rtl; text-align: right; }
.stMain [data-testid="stMarkdownContainer"] { text-align: right; }
[data-testid="stPlotlyChart"], #js-plotly-tester { direction: ltr; }
[data-testid="stTable"] td, [data-testid="stTable"] td * { unicode-bidi: plaintext; }
</style>
"""
QUOTE_CSS = """
<style>
[class*="st-key-quote-ltr"] { direction: ltr; text-align: left; }
[class*="st-key-quote-ltr"] [data-testid="stMarkdownContainer"] { text-align: left; }
[class*="st-key-quote-rtl"] { direction: rtl; text-align: right; }
[class*="st-key-quote-rtl"] [data-testid="stMarkdownContainer"] { text-align: right; }
[class*="st-key-note-ltr"], [class*="st-key-note-ltr"] [data-testid="stMarkdownContainer"] {
  direction: ltr; text-align: left; }
[class*="st-key-note-rtl"], [class*="st-key-note-rtl"] [data-testid="stMarkdownContainer"] {
  direction: rtl; text-align: right; }
[data-testid="stDownloadButton"] button, [data-testid="stDownloadButton"] button * {
  white-space: normal !important; text-overflow: clip !important; height: auto; }
.st-key-addresses-ltr, .st-key-addresses-ltr pre { direction: ltr; text-align: left; }
[class*="st-key-quote-"] { border-inline-start: 3px solid #c8553d; padding-inline-start: .6rem; }
</style>
"""
# Static style, never data: a card's label wraps instead of being cut to "Demandes de rég…".
CARD_CSS = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important;
}
</style>
"""


def page(language: str) -> str:
    """Every static style of the page in one element (no data in it): Streamlit puts a
    style-only element outside the page's flow, and draws it without the markdown renderer
    that raw HTML in markdown would load first (188 kB before the first card)."""
    styles = [PAGE_CSS, CARD_CSS, QUOTE_CSS, FOCUS_CSS]
    if language == "ar":
        styles += [RTL_CSS, RTL_PAGE_CSS]
    return "".join(styles)


# Streamlit writes the uploader's button and limits in English and offers no parameter for
# them: the page draws the catalog's words in their place (the button's accessible name
# follows, as Chromium names a button from its generated content too).
_UPLOADER = '[data-testid="stFileUploaderDropzone"]'
UPLOADER_CSS = """
<style>
{zone} button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{zone} button [data-testid="stMarkdownContainer"] p::after {{
  content: {button}; font-size: 1rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {limits}; font-size: .875rem; }}
</style>
"""


def uploader_css(language: str) -> str:
    """The uploader's own words in the page's language, from the catalog."""
    return UPLOADER_CSS.format(zone=_UPLOADER, button=_css_string(ui("upload_button", language)),
                               limits=_css_string(ui("upload_limits", language)))


def _css_string(text: str) -> str:
    # A CSS string: quotes, backslashes and angle brackets written as escapes, so that a
    # translation can never close the string or the style element.
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>' else c for c in text) + '"'
