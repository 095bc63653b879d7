"""The YAML loader: safe parsing, positions, and the traps it turns into errors."""

import re
from pathlib import Path

import pytest
import yaml

from indicators.problems import DatasetError, Position
from loaders import MAX_BYTES
from loaders.yaml_file import _PLAIN_TAGS, _Composer, read_document, read_text
from loaders.yaml_text import _may_nest_deeper
from tests.conftest import MINIMAL, Loader, minimal_with


def _error(text: str | bytes) -> str:
    with pytest.raises(DatasetError) as caught:
        read_text(text, "data.yaml")
    return str(caught.value)


def test_positions_of_values_and_keys() -> None:
    document = read_text(MINIMAL, "data.yaml")
    assert document.data["figures"][0]["value"] == 23096
    assert document.source_map.locate(("figures", 0, "value")) == Position(15, 12)
    assert document.source_map.locate(("figures", 0, "value"), key=True) == Position(15, 5)
    assert document.source_map.locate(("figures", 0, "nothing")) == Position(13, 5)
    assert document.source_map.locate(("figures", 7)) == Position(13, 3)


def test_scalars_follow_yaml_1_2() -> None:
    document = read_text("a: 10\nb: 1.5\nc: true\nd: ~\ne: 2016-05-02\nf: '010'\ng: \"NO\"\n",
                         "data.yaml")
    assert document.data == {"a": 10, "b": 1.5, "c": True, "d": None, "e": "2016-05-02",
                             "f": "010", "g": "NO"}


@pytest.mark.parametrize(("line", "message"), [
    ("language: NO", "'NO' is read as true/false by YAML 1.1: write true or false, or quote "
                     "it as text: \"NO\""),
    ("value: 010", "'010' has a leading zero, which YAML 1.1 reads as an octal number: write "
                   "it without the zero, or quote it as text: \"010\""),
    ("value: 1e3", "'1e3' is text for YAML 1.1 but a number for YAML 1.2: write the number "
                   "out in full (1e3 is 1000), or quote it as text"),
    ("value: 0x1F", "'0x1F' is not a decimal number: write numbers in decimal, or quote it "
                    "as text"),
    ("value: 1:20", "'1:20' is read as a base-60 number by YAML 1.1: quote it as text: "
                    "\"1:20\""),
    ("value: 12_000", "'12_000' uses '_' between digits: write the number without it, or "
                      "quote it as text"),
    ("value: .nan", "'.nan' is not a finite number: write the figure itself"),
])
def test_yaml_1_1_traps_are_errors(line: str, message: str) -> None:
    key = line.split(":")[0]
    assert _error(f"x: 1\n{line}\n") == f"data.yaml:2:{len(key) + 3}: {key}: {message}"


def test_duplicate_key_at_depth() -> None:
    text = "figures:\n  - id: a\n    value: 1\n    value: 2\n"
    assert _error(text) == ("data.yaml:4:5: figures.0.value: duplicate key 'value' (first at "
                            "line 3): YAML would silently keep only the last one")


def test_duplicate_top_level_key() -> None:
    assert _error("sources: []\nsources: []\n") == (
        "data.yaml:2:1: sources: duplicate key 'sources' (first at line 1): YAML would "
        "silently keep only the last one")


def test_alias_is_refused() -> None:
    text = "a: &x {b: 1}\nc: *x\n"
    assert _error(text) == ("data.yaml:1:4: c: anchors and aliases (&name, *name) are not "
                            "allowed: write the value out in full")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    message = _error("\n".join(lines) + "\n")
    assert message.startswith("data.yaml:1:5: a1.0: anchors and aliases")


def test_python_tags_are_refused() -> None:
    assert _error("a: !!python/object/apply:os.system ['true']\n") == (
        "data.yaml:1:4: a: tags such as 'tag:yaml.org,2002:python/object/apply:os.system' "
        "are not allowed")


COLON = ("syntax: a ':' where YAML does not expect one: if the text holds ': ', put it in "
         "quotes (title: \"Rapport: bilan\"); otherwise check this line's indentation against "
         "the line above")
TAB = "syntax: a tab is used for indentation: indent with spaces only"
RUNS_ON = ("syntax: the quote opened at line 2, column 6 is not closed on its line, so it runs "
           "on to this one: close it on line 2 with ")


# One row per explanation of a libyaml problem (its words in the comment): broken YAML, then
# the exact message with its line and column.
@pytest.mark.parametrize(("text", "message"), [
    # mapping values are not allowed in this context
    ("title: Rapport: bilan\n", f"1:15: {COLON}"),
    ("figures:\n  - id: fig\n    value: 1\n      source: src\n", f"4:13: {COLON}"),
    ("a:\n  b: 1\n   c: 2\n", f"3:5: {COLON}"),
    # did not find expected key (while parsing a block mapping)
    ("a:\n  b: 1\n c: 2\n",
     "3:2: syntax: this line is not aligned with the fields of the record that starts at line "
     "1: indent it like them, with spaces"),
    ("a:\n  b: 1\n  - c\n",
     "3:3: syntax: a '- ' list item among the fields of the record that starts at line 2: "
     "write a field as name: value, or indent the item under the name of its list"),
    ("figures:\n  - id: a\n    value: 1\n - id: b\n",
     "4:2: syntax: this '- ' item does not line up with the items above it: start every '- ' "
     "of a list at the same column, with spaces"),
    ("a:\n  b: \"abc\n  c: 2\n  d: \"x\"\n", f"4:7: {RUNS_ON}\""),
    ("a:\n  b: 'abc\n  c: 2\n  d: 'x'\n", f"4:7: {RUNS_ON}'"),
    ("quote: 'l'État a régularisé'\n",
     "1:11: syntax: text after the closing ': to keep a ' inside a text in single quotes, "
     "write it twice ('l''État'), or put the text in double quotes"),
    ("quote: \"il a dit \"oui\" hier\"\n",
     "1:19: syntax: text after the closing \": to keep a \" inside a text, put the whole text "
     "in single quotes ('il a dit \"oui\"')"),
    # did not find expected '-' indicator (while parsing a block collection)
    ("figures:\n  - id: a\n    value: 1\n   - id: b\n",
     "4:4: syntax: this '- ' item does not line up with the list that starts at line 2: start "
     "every '- ' of the list at the same column, with spaces"),
    ("figures:\n  - id: a\n    value: 1\n   source: src\n",
     "4:4: syntax: this line is inside the list that starts at line 2 but does not start with "
     "'- ': add '- ' for a new item, or indent it like the fields of the item above"),
    # found unexpected end of stream (while scanning a quoted scalar)
    ("a:\n  b: \"abc\n  c: 2\n",
     "4:1: syntax: the quote opened at line 2, column 6 is never closed: add the closing \""),
    ("a:\n  b: 'abc\n  c: 2\n",
     "4:1: syntax: the quote opened at line 2, column 6 is never closed: add the closing '"),
    # found a tab character that violates indentation
    ("a:\n  b: 1\n\tc: 2\n", f"3:1: {TAB}"),
    # found character that cannot start any token
    ("a:\n\tb: 1\n", f"2:1: {TAB}"),
    ("a: @user\n", "1:4: syntax: a value cannot start with '@' in YAML: put the text in quotes"),
    ("a: `code`\n", "1:4: syntax: a value cannot start with '`' in YAML: put the text in quotes"),
    # did not find expected ',' or ']' (while parsing a flow sequence)
    ("a: [1, 2\nb: 3\n",
     "2:2: syntax: the list opened with '[' at line 1, column 4 is not closed: add ']' (or "
     "separate its items with ',')"),
    # did not find expected ',' or '}' (while parsing a flow mapping)
    ("a: {fr: x, en: y\nb: 3\n",
     "2:2: syntax: the '{' opened at line 1, column 4 is not closed: add '}' (or separate its "
     "fields with ',')"),
    ("label: {fr: Rapport: bilan, en: Report}\n",
     "1:20: syntax: a ':' inside the '{' opened at line 1, column 8: separate the fields with "
     "', ' and put a text that holds ': ' in quotes (fr: \"Rapport: bilan\")"),
    ("a: {fr: \"x\" y, en: z}\n",
     "1:13: syntax: text after the closing \": to keep a \" inside a text, put the whole text "
     "in single quotes ('il a dit \"oui\"')"),
    # could not find expected ':' (while scanning a simple key)
    ("figures:\n  - id: fig\n    value 1\n    source: src\n",
     "4:5: syntax: line 3 has no ':': write it as name: value; if it continues the text above, "
     "put that whole text in quotes"),
    ("title: Rapport annuel\nsur la migration\nlanguage: fr\n",
     "3:1: syntax: line 2 has no ':': write it as name: value; if it continues the text above, "
     "put that whole text in quotes"),
])
def test_syntax_errors_say_what_to_write(text: str, message: str) -> None:
    assert _error(text) == f"data.yaml:{message}"


@pytest.mark.parametrize(("text", "message"), [
    # Not in the table.
    ("a: 1\n---\nb: 2\n", "2:1: syntax: but found another document (expected a single "
                           "document in the stream at line 1, column 1)"),
    # In the table, but text after a bracket is no indentation mistake.
    ("a: [1] x\n", "1:8: syntax: did not find expected key (while parsing a block mapping at "
                   "line 1, column 1)"),
])
def test_other_syntax_errors_keep_libyaml_words(text: str, message: str) -> None:
    assert _error(text) == f"data.yaml:{message}"


def test_empty_file() -> None:
    assert _error("  \n") == ("data.yaml:1:1: the file is empty: it needs schema_version, "
                              "sources, indicators and figures")


def test_invalid_utf8_points_at_the_byte() -> None:
    assert _error(b"a: 1\nb: caf\xe9\n") == (
        "data.yaml:2:7: byte 0xe9 is not valid UTF-8: save the file as UTF-8")


def test_byte_order_mark_is_accepted() -> None:
    assert read_text("\ufeffa: 1\n".encode(), "data.yaml").data == {"a": 1}


def test_file_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(DatasetError, match=re.escape(
            f"big.yaml:1:1: the file is {MAX_BYTES + 1:,} bytes, over the {MAX_BYTES:,}-byte "
            "limit: split it or trim it")):
        read_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"^.*nope.yaml:1:1: cannot read the file: it does "
                                           r"not exist \(moved, renamed or deleted\?\)$"):
        read_document(tmp_path / "nope.yaml")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(DatasetError, match=r"cannot read the file: it is a named pipe \(FIFO\), "
                                           r"not a regular file$"):
        read_document(tmp_path / "pipe.yaml")


def test_deep_nesting_is_refused() -> None:
    assert "nested deeper than 32 levels" in _error("a: " + "[" * 40 + "]" * 40 + "\n")


def test_errors_come_in_file_order(load: Loader) -> None:
    with pytest.raises(DatasetError) as caught:
        load(("language: fr", "language: NO"), ("value: 23096", "value: 010"))
    assert [line.split(": ")[0] for line in caught.value.lines()] == [
        "data.yaml:5:15", "data.yaml:15:12"]


@pytest.mark.parametrize("text", ["a: " + "[" * 200_000 + "]" * 200_000, "- " * 200_000 + "x",
                                  "{" * 100_000])
def test_very_deep_nesting_is_refused_before_the_c_composer(text: str) -> None:
    # libyaml's composer recursed into this and crashed the whole process.
    assert _error(text).endswith("nested deeper than 32 levels")


def test_unencodable_text_is_an_error() -> None:
    assert _error("a: 'x\ud800'\n") == ("data.yaml:1:6: character U+D800 cannot be stored as "
                                        "UTF-8: remove it")


def test_a_control_character_is_placed_in_characters_not_bytes() -> None:
    # libyaml reports a byte offset; the editor counts characters (é is two bytes).
    assert _error("a: 1\nbé: ééé\x1bx\n") == (
        "data.yaml:2:8: character U+001B is not allowed in YAML: remove it")


@pytest.mark.parametrize(("character", "name"), [
    ("\x85", "next line"), ("\u2028", "line separator"), ("\u2029", "paragraph separator")])
def test_hidden_line_breaks_are_refused(character: str, name: str) -> None:
    assert _error(f"a: 1\nb: x{character}c: 2\n") == (
        f"data.yaml:2:5: character U+{ord(character):04X} ({name}) is a line break for YAML "
        "but invisible in most editors: remove it or write a real line break")


def test_a_hidden_line_break_written_as_an_escape_is_text() -> None:
    assert read_text('a: "x\\Ny"\n', "data.yaml").data == {"a": "x\x85y"}


def test_a_complex_key_is_shown_at_its_mapping() -> None:
    assert _error("figures:\n  - ? [a]\n    : b\n") == (
        "data.yaml:2:7: figures.0: a key must be a plain name")


@pytest.mark.parametrize(("number", "message"), [
    ("1" * 31, "'111111111111…' has 31 digits: a figure is at most 1 000 000 000 000"),
    ("-" + "9" * 5001, "'-99999999999…' has 5001 digits: a figure is at most 1 000 000 000 000"),
    ("9" * 309 + ".0", "'999999999999…' is too large to be a number: a figure is at most "
                       "1 000 000 000 000"),
])
def test_numbers_too_long_to_read(number: str, message: str) -> None:
    assert _error(f"value: {number}\n") == f"data.yaml:1:8: value: {message}"


def test_thirty_digits_are_still_read_for_the_models_to_judge() -> None:
    assert read_text(f"value: {'1' * 30}\n", "data.yaml").data == {"value": int("1" * 30)}


@pytest.mark.parametrize("text", [
    # Each nests a little over 500 levels: closers in comments or quotes cannot lower the bound.
    "# " + "]" * 600 + "\na: " + "[" * 510 + "]" * 510 + "\n",
    "a: '" + "}" * 600 + "'\nb: " + "{a: " * 510 + "}" * 510 + "\n",
    "a: " + "[x: " * 260 + "]" * 260 + "\n",  # `[a: b]` opens two levels per bracket
    "a:\n" + "".join(" " * i + "- x:\n" for i in range(0, 1040, 4)),  # indentation counts too
])
def test_the_depth_bound_cannot_be_lowered(text: str) -> None:
    assert _may_nest_deeper(text, 500)


def test_a_shallow_file_is_not_measured_twice() -> None:
    assert not _may_nest_deeper(MINIMAL, 500)
    assert not _may_nest_deeper(minimal_with("# " + "[" * 100 + "\n"), 500)


# Plain, quoted, `!`-tagged and explicitly tagged scalars, keys and collections: whatever tag
# PyYAML's own resolver gives them, the walker must see the same one or another plain tag.
_TAGGED = """\
a: [<<, =, yes, 12, 1e3, 010, 0x1f, 2014-01-01, ~, '', null, .inf, 1:30, 1_000, text]
b: ["<<", '=', "yes", ! 12, ! <<, ! "<<", ! =, !!str <<, !foo x, ! [1], ! {c: 1}, !!int "1"]
<<: {d: 1}
=: 1
! <<: 2
? [e]
: f
g: |
  =
"""


def test_composer_keeps_every_tag_the_walker_reads() -> None:
    def tags(node: yaml.Node) -> list[str]:
        children = node.value if isinstance(node, yaml.SequenceNode) else (
            [child for pair in node.value for child in pair]
            if isinstance(node, yaml.MappingNode) else [])
        return [node.tag, *(tag for child in children for tag in tags(child))]

    ours = tags(yaml.compose(_TAGGED, Loader=_Composer))
    pyyaml = tags(yaml.compose(_TAGGED, Loader=yaml.CSafeLoader))
    assert len(ours) == len(pyyaml)
    for mine, theirs in zip(ours, pyyaml, strict=True):
        assert mine == theirs or (mine in _PLAIN_TAGS and theirs in _PLAIN_TAGS), (mine, theirs)
    assert sum(mine != theirs for mine, theirs in zip(ours, pyyaml, strict=True)) > 5


def test_tags_the_walker_refuses_are_refused_where_they_stand() -> None:
    assert _error("a: =\nb: ! <<\n<<: {c: 1}\n=: 1\nd: !!python/none x\n").splitlines() == [
        "data.yaml:1:4: a: tags such as 'tag:yaml.org,2002:value' are not allowed",
        "data.yaml:2:4: b: tags such as 'tag:yaml.org,2002:merge' are not allowed",
        "data.yaml:3:1: <<: merge keys (<<) are not allowed: write the fields out in full",
        "data.yaml:4:1: =: a key must be a plain name",
        "data.yaml:5:4: d: tags such as 'tag:yaml.org,2002:python/none' are not allowed",
    ]
