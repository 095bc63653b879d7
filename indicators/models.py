"""The shape of `data/indicators.yaml`: sources, indicators, figures and dated milestones."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)

from indicators.fields import Number, PartialDateText, PeriodText, SchemaVersion, WebLink
from indicators.periods import parse_partial, parse_period
from indicators.vocabulary import MilestoneKind, Qualifier, Rank, SourceType, Status, Unit

# Bumped whenever the file's shape changes, so caches keyed on it never serve an old shape.
SCHEMA_VERSION = 1

Language = Literal["fr", "ar", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "ar", "en")
# Babel's locale for each language. Moroccan Arabic writes Latin digits grouped with a dot
# ("23.096"), as ar_MA in CLDR does; French keeps the narrow no-break space the sources use
# ("23 096"). Here, not in formatting, so that the checking child needs no catalogs.
LOCALES = {"fr": "fr", "ar": "ar_MA", "en": "en"}

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        max_length=80,
        description="Lower-case letters, digits, '_' and '-'; unique within its list.",
    ),
]
Text = Annotated[str, Field(min_length=1)]


def optional(description: str) -> Any:
    """A field a figure may leave out (nothing is guessed), with its text for the schema."""
    return Field(default=None, description=description)


class _Record(BaseModel):
    # Unknown fields are errors: a typo such as `vaule:` must never pass silently.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Record):
    """A text in each language of the dashboard."""

    fr: Text
    ar: Text
    en: Text

    def __getitem__(self, language: str) -> str:
        return str(getattr(self, language))


class Note(_Record):
    """A curator's note, written in one or more of the dashboard's languages."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"minProperties": 1})

    fr: Text | None = None
    ar: Text | None = None
    en: Text | None = None

    @model_validator(mode="after")
    def _one_language(self) -> Note:
        if self.fr is None and self.ar is None and self.en is None:
            raise ValueError("a note needs a text in at least one language: fr, ar or en")
        return self


# The two shapes a note takes, as pydantic names them in an error's location.
NOTE_TAGS = ("text", "languages")


def _note_kind(value: Any) -> str:
    # A mapping is a note per language; anything else is checked as a text, so an editor
    # sees one message about what they wrote, not one per shape a note may take.
    return "languages" if isinstance(value, dict | Note) else "text"


# A plain string is a note in the language of the source it is about; a mapping gives it in
# the languages it was written in, and the page shows the reader's when there is one.
NoteText = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Note, Tag("languages")],
    Discriminator(_note_kind, custom_error_type="note",
                  custom_error_message="a note is a text or {fr: …, ar: …, en: …}"),
    Field(description="A plain string, in the source's language, or one text per language: "
                      "{fr: …, ar: …, en: …} (at least one)."),
]


def note_in(note: str | Note | None, language: str,
            source_language: str) -> tuple[str, str] | None:
    """The note to show on a page in `language`, and the language it is written in.

    The reader's language first, then the source's, then French, Arabic, English.
    """
    if note is None:
        return None
    if isinstance(note, str):
        return note, source_language
    for candidate in dict.fromkeys((language, source_language, *LANGUAGES)):
        written = getattr(note, candidate, None)
        if written is not None:
            return written, candidate
    return None


class Source(_Record):
    """A document figures are quoted from; unknown fields stay empty, never guessed."""

    id: Identifier
    title: Text | None = optional(
        "The page's own title, as shown; left out when the page "
                                  "shows none (nothing is made up).")
    publisher: Text | None = None
    republished_by: Text | None = optional(
        "Who carries the copy the address points to, if not the publisher.",
    )
    url: WebLink | None = None
    published: PartialDateText | None = None
    accessed: PartialDateText | None = None
    language: Language
    type: SourceType | None = None
    license: Text | None = None
    note: NoteText | None = None


class Theme(_Record):
    """A subject of the dashboard (regularisation, asylum…): a view of its own, in file order."""

    id: Identifier
    label: Localized
    description: Localized = Field(description="One line under the view's title: what the "
                                               "theme's figures are about.")
    page: bool = Field(default=True,
                       description="false for a theme whose figures are drawn on another page "
                                   "(the policy figures under the timeline's milestones).")


class Indicator(_Record):
    """What is measured, named and defined in every language."""

    id: Identifier
    theme: Identifier = Field(description="The id of one of the file's themes.")
    unit: Unit
    label: Localized
    definition: Localized
    headline: int | None = Field(
        default=None, ge=1,
        description="This indicator's card on the overview, by place: 1 first. Left out: "
                    "no card (the figures stay in their theme's view).")
    required_breakdown: list[Identifier] = Field(
        default_factory=list,
        description="Dimensions every figure of this indicator must give in its breakdown "
                    "([campaign]: a regularisation count means nothing without its campaign).")


def _member_id(value: Any) -> Any:
    # `campaign: 2014` is an integer in YAML; the member's id is what the editor meant.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


MemberId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80),
                     BeforeValidator(_member_id),
                     WithJsonSchema({"type": ["string", "integer"],
                                     "description": "A member id of the dimension; for "
                                                    "country, an ISO 3166-1 alpha-2 code."})]
# The dimension every file has without declaring it: members are ISO 3166-1 alpha-2 codes,
# named in each language by Babel (checks.COUNTRY_CODES).
COUNTRY = "country"


class Member(_Record):
    """One value a dimension takes: a campaign, a region."""

    id: MemberId
    label: Localized


class Dimension(_Record):
    """A way figures are broken down (campaign, region); `country` is built in."""

    id: Identifier
    label: Localized
    parts: bool = Field(
        default=True,
        description="Whether the members are parts of one total (countries, regions: true) or "
                    "separate occurrences of it (campaigns: false). A figure broken down only "
                    "by occurrences counts as a total of its own.")
    members: list[Member] = Field(min_length=1)


# The fields of a figure whose changes its history shows a reader, in the order shown.
TRACKED_FIELDS = ("value", "qualifier", "period", "as_of", "breakdown", "restates", "indicator",
                  "source", "quote", "as_written", "locator", "value_in_words", "status",
                  "rank", "rounded")


class Figure(_Record):
    """One value of one indicator, as one source writes it."""

    id: Identifier
    indicator: Identifier
    value: Number
    qualifier: Qualifier
    period: PeriodText | None = optional(
        "The span the figure covers, as far as the source says."
    )
    as_of: PartialDateText | None = optional(
        "The date a running count was taken ('18 281 demandes au 8 mars 2017').",
    )
    breakdown: dict[Identifier, MemberId] | None = optional(
        "Which part of the total the figure is: dimension -> member, as "
        "{campaign: '2016'} or {country: SN}. Without it the figure is the total.",
    )
    restates: Identifier | None = optional(
        "The id of a figure of the same indicator that this one writes again "
        "(a headline, a subtitle): shown once, with both quotes.",
    )
    source: Identifier
    quote: Text | None = optional(
        "Copied verbatim from the source; it must write the value. The evidence "
        "of choice; as_written with locator stands in for it.",
    )
    as_written: Text | None = optional(
        "The value exactly as the source prints it ('18.281'), when only the "
        "numeral is kept; needs a locator.",
    )
    locator: Text | None = optional(
        "Where in the source as_written stands ('3e paragraphe')."
    )
    value_in_words: Text | None = optional(
        "How the quote spells the value when it uses words: 'dix'."
    )
    note: NoteText | None = None
    rounded: bool | None = optional(
        "true when the source gives a round number ('28 000') for a count it "
        "does not give exactly: it then allows one unit of its last non-zero "
        "digit either way (27 000 to 29 000), and does not contradict 27 649.")
    status: Status | None = optional(
        "final, provisional (before appeals, 'quasi-définitif') or running (taken "
        "while the count was open). Left out: running when as_of falls inside "
        "the period, final otherwise.")
    rank: Rank | None = optional(
        "preferred, normal (left out) or deprecated (a known error); preferred "
        "and deprecated need rank_reason.")
    rank_reason: NoteText | None = optional(
        "Why the figure is preferred or deprecated, in the curator's words: a "
        "text or {fr: …, ar: …, en: …}, like note.")

    @model_validator(mode="after")
    def _standing(self) -> Figure:
        if self.rank in (Rank.preferred, Rank.deprecated) and self.rank_reason is None:
            raise ValueError(f"rank: {self.rank.value} needs rank_reason: say in a sentence "
                             "why a reader should take this figure first or not at all")
        if self.rank_reason is not None and self.rank in (None, Rank.normal):
            raise ValueError("rank_reason explains a rank: set rank: preferred or "
                             "deprecated, or remove rank_reason")
        if self.rounded and self.qualifier != Qualifier.exact:
            raise ValueError(f"rounded: true is for a value written as exact; with qualifier: "
                             f"{self.qualifier.value} the value is already a bound or an "
                             "estimate: remove rounded")
        if self.rounded and last_place(self.value) < 10:
            raise ValueError(f"rounded: true needs a round value (ending in 0): "
                             f"{self.value} is written to the unit: remove rounded")
        return self

    @property
    def standing(self) -> Status:
        """The status the file gives, else running when as_of falls before the period's
        end, else final."""
        if self.status is not None:
            return self.status
        if self.as_of and self.period and _before_end(self.as_of, self.period):
            return Status.running
        return Status.final

    @property
    def evidence(self) -> str:
        """The text that writes the value: the quote, or the numeral as printed."""
        return self.quote if self.quote is not None else self.as_written or ""

    def breakdown_key(self) -> tuple[tuple[str, str], ...]:
        """The breakdown as a sorted tuple, for grouping; empty for a total."""
        return tuple(sorted(self.breakdown.items())) if self.breakdown else ()


def last_place(value: float) -> int:
    """The place of a whole number's last non-zero digit: 28000 → 1000, 27649 → 1; 1 for
    a fraction or zero."""
    if not float(value).is_integer() or value == 0:
        return 1
    number, place = abs(int(value)), 1
    while number % 10 == 0:
        number, place = number // 10, place * 10
    return place


def _before_end(as_of: str, period: str) -> bool:
    """Whether the day a count was taken falls before the last day of its period."""
    _, end = parse_period(period)
    return end is not None and parse_partial(as_of).first_day() < end.last_day()


class Milestone(_Record):
    """A dated event a source reports, for the timeline."""

    id: Identifier
    date: PeriodText
    kind: MilestoneKind
    label: Localized
    source: Identifier
    quote: Text
    note: NoteText | None = None


class Dataset(_Record):
    """The whole curated file."""

    schema_version: SchemaVersion = Field(
        description="The shape of this file; see SCHEMA_VERSION.")
    themes: list[Theme] = Field(min_length=1, description="The dashboard's subjects, in the "
                                                          "order of its views.")
    sources: list[Source]
    dimensions: list[Dimension] = Field(default_factory=list)
    indicators: list[Indicator]
    figures: list[Figure]
    milestones: list[Milestone] = Field(default_factory=list)
