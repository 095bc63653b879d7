"""Words of the product in French, Arabic and English: themes, units, qualifiers, interface."""

from __future__ import annotations

from indicators.models import MilestoneKind, Qualifier, SourceType, Theme, Unit

THEMES: dict[Theme, dict[str, str]] = {
    Theme.regularisation: {"fr": "Régularisation", "ar": "التسوية", "en": "Regularisation"},
    Theme.voluntary_return: {"fr": "Retour volontaire", "ar": "العودة الطوعية",
                             "en": "Voluntary return"},
    Theme.civil_society: {"fr": "Société civile", "ar": "المجتمع المدني", "en": "Civil society"},
    Theme.international_cooperation: {"fr": "Coopération internationale",
                                      "ar": "التعاون الدولي",
                                      "en": "International cooperation"},
    Theme.local_integration: {"fr": "Intégration locale", "ar": "الإدماج المحلي",
                              "en": "Local integration"},
    Theme.policy: {"fr": "Politique migratoire", "ar": "السياسة الهجروية",
                   "en": "Migration policy"},
}

UNITS: dict[Unit, dict[str, str]] = {
    Unit.count: {"fr": "nombre", "ar": "عدد", "en": "count"},
    Unit.percent: {"fr": "pourcentage", "ar": "نسبة مئوية", "en": "percent"},
    Unit.year: {"fr": "année", "ar": "سنة", "en": "year"},
    Unit.months: {"fr": "mois", "ar": "أشهر", "en": "months"},
    Unit.years: {"fr": "années", "ar": "سنوات", "en": "years"},
}

QUALIFIERS: dict[Qualifier, dict[str, str]] = {
    Qualifier.exact: {"fr": "valeur exacte", "ar": "قيمة دقيقة", "en": "exact value"},
    Qualifier.more_than: {"fr": "plus de", "ar": "أكثر من", "en": "more than"},
    Qualifier.at_least: {"fr": "au moins", "ar": "على الأقل", "en": "at least"},
    Qualifier.approximately: {"fr": "environ", "ar": "حوالي", "en": "approximately"},
    Qualifier.less_than: {"fr": "moins de", "ar": "أقل من", "en": "less than"},
    Qualifier.at_most: {"fr": "au plus", "ar": "على الأكثر", "en": "at most"},
}

SOURCE_TYPES: dict[SourceType, dict[str, str]] = {
    SourceType.government: {"fr": "gouvernement", "ar": "حكومة", "en": "government"},
    SourceType.intergovernmental_organisation: {
        "fr": "organisation intergouvernementale", "ar": "منظمة حكومية دولية",
        "en": "intergovernmental organisation"},
    SourceType.press: {"fr": "presse", "ar": "صحافة", "en": "press"},
    SourceType.civil_society: {"fr": "société civile", "ar": "مجتمع مدني",
                               "en": "civil society"},
    SourceType.research: {"fr": "recherche", "ar": "بحث", "en": "research"},
    SourceType.other: {"fr": "autre", "ar": "أخرى", "en": "other"},
}

MILESTONE_KINDS: dict[MilestoneKind, dict[str, str]] = {
    MilestoneKind.report: {"fr": "rapport", "ar": "تقرير", "en": "report"},
    MilestoneKind.conference: {"fr": "conférence", "ar": "مؤتمر", "en": "conference"},
    MilestoneKind.agreement: {"fr": "accord", "ar": "اتفاقية", "en": "agreement"},
    MilestoneKind.policy: {"fr": "politique", "ar": "سياسة", "en": "policy"},
    MilestoneKind.project: {"fr": "projet", "ar": "مشروع", "en": "project"},
}

UI: dict[str, dict[str, str]] = {
    "title": {"fr": "Indicateurs de la migration au Maroc", "ar": "مؤشرات الهجرة في المغرب",
              "en": "Morocco migration indicators"},
    "tagline": {
        "fr": "Chaque chiffre avec sa source et la citation exacte qui le donne.",
        "ar": "كل رقم مع مصدره والاقتباس الحرفي الذي يورده.",
        "en": "Every figure with its source and the exact quote that gives it."},
    "language": {"fr": "Langue", "ar": "اللغة", "en": "Language"},
    "unknown": {"fr": "non indiqué", "ar": "غير مذكور", "en": "not stated"},
    "download_csv": {"fr": "Télécharger (CSV)", "ar": "تنزيل (CSV)", "en": "Download (CSV)"},
    "figures": {"fr": "Chiffres", "ar": "الأرقام", "en": "Figures"},
}


def ui(key: str, language: str) -> str:
    """An interface text in `language`."""
    return UI[key][language]
