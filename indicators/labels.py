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
    "publisher": {"fr": "éditeur", "ar": "الناشر", "en": "publisher"},
    "republished_by": {"fr": "republié par", "ar": "أعاد نشره", "en": "republished by"},
    "address": {"fr": "adresse", "ar": "العنوان", "en": "address"},
    "accessed": {"fr": "Consulté le", "ar": "تاريخ الاطلاع", "en": "Accessed"},
    "published": {"fr": "date de publication", "ar": "تاريخ النشر", "en": "date published"},
    "quote": {"fr": "Citation", "ar": "الاقتباس", "en": "Quote"},
    "qualifier": {"fr": "Qualificatif", "ar": "الوصف", "en": "Qualifier"},
    "bound": {"fr": "borne", "ar": "حد أدنى أو أعلى", "en": "bound"},
    "period": {"fr": "Période", "ar": "الفترة", "en": "Period"},
    "source": {"fr": "Source", "ar": "المصدر", "en": "Source"},
    "year_figure": {"fr": "année de début", "ar": "سنة البداية", "en": "start year"},
    "open_source": {"fr": "Ouvrir la source", "ar": "فتح المصدر", "en": "Open the source"},
    "cite_this": {"fr": "Citer ce chiffre", "ar": "الاستشهاد بهذا الرقم", "en": "Cite this figure"},
    "citation": {"fr": "Source et citation", "ar": "المصدر والاقتباس", "en": "Source and quote"},
    "other_values": {"fr": "{n} autre(s) valeur(s) dans les sources",
                     "ar": "{n} قيمة أخرى في المصادر", "en": "{n} other value(s) in the sources"},
    "overview": {"fr": "Vue d'ensemble", "ar": "نظرة عامة", "en": "Overview"},
    "timeline": {"fr": "Chronologie et politique", "ar": "التسلسل الزمني والسياسة",
                 "en": "Timeline and policy"},
    "explorer": {"fr": "Explorer et télécharger", "ar": "استكشاف وتنزيل",
                 "en": "Explore and download"},
    "view": {"fr": "Vue", "ar": "العرض", "en": "View"},
    "figures_and_citations": {"fr": "Chiffres et citations", "ar": "الأرقام والاقتباسات",
                              "en": "Figures and citations"},
    "table_caption": {"fr": "Les mêmes chiffres en tableau :", "ar": "الأرقام نفسها في جدول:",
                      "en": "The same figures as a table:"},
    "sources": {"fr": "Sources", "ar": "المصادر", "en": "Sources"},
    "conflict": {
        "fr": "Les sources donnent des valeurs différentes pour « {indicator} » ({period}) : "
              "les deux sont montrées, aucune n'est choisie.",
        "ar": "تعطي المصادر قيما مختلفة لـ «{indicator}» ({period}): نعرض القيمتين دون ترجيح.",
        "en": "The sources give different values for “{indicator}” ({period}): both are "
              "shown, neither is picked."},
    "date": {"fr": "Date", "ar": "التاريخ", "en": "Date"},
    "event": {"fr": "Événement", "ar": "الحدث", "en": "Event"},
    "kind": {"fr": "Type", "ar": "النوع", "en": "Kind"},
    "theme": {"fr": "Thème", "ar": "المحور", "en": "Theme"},
    "source_type": {"fr": "Type de source", "ar": "نوع المصدر", "en": "Source type"},
    "rows_shown": {"fr": "{shown} chiffres affichés sur {total}",
                   "ar": "{shown} من أصل {total} رقما معروضة",
                   "en": "{shown} of {total} figures shown"},
    "rows_capped": {"fr": "Le tableau montre les {n} premiers ; les téléchargements les "
                          "contiennent tous.",
                    "ar": "يعرض الجدول أول {n} فقط؛ التنزيلات تتضمنها كلها.",
                    "en": "The table shows the first {n}; the downloads hold them all."},
    "download_shown": {"fr": "CSV (sélection)", "ar": "CSV (المعروض)", "en": "CSV (shown rows)"},
    "download_all": {"fr": "CSV (tout)", "ar": "CSV (الكل)", "en": "CSV (all rows)"},
    "download_excel_fr": {"fr": "CSV Excel français (;), sélection",
                          "ar": "CSV لإكسل الفرنسي (;)، المعروض",
                          "en": "CSV for French Excel (;), shown rows"},
    "download_package": {"fr": "Data package (zip)", "ar": "حزمة بيانات (zip)",
                         "en": "Data package (zip)"},
    "indicator": {"fr": "Indicateur", "ar": "المؤشر", "en": "Indicator"},
    "value": {"fr": "Valeur", "ar": "القيمة", "en": "Value"},
    "data_error": {"fr": "Le fichier de données contient des erreurs",
                   "ar": "يحتوي ملف البيانات على أخطاء", "en": "The data file has errors"},
    "last_good": {
        "fr": "Pour les éditeurs : le fichier modifié n'est pas valide. Les chiffres affichés "
              "sont ceux de la dernière version valide, chargée le {when}.",
        "ar": "للمحررين: الملف المعدل غير صالح. الأرقام المعروضة هي أرقام آخر نسخة صالحة، "
              "المحملة في {when}.",
        "en": "For editors: the edited file is not valid. The figures shown are from the last "
              "valid version, loaded on {when}."},
    "no_data": {
        "fr": "Aucune donnée valide n'a encore pu être chargée. Corrigez les erreurs ci-dessous.",
        "ar": "لم يتم بعد تحميل أي بيانات صالحة. يرجى تصحيح الأخطاء أدناه.",
        "en": "No valid data could be loaded yet. Fix the errors below."},
    "warnings": {"fr": "Avertissements", "ar": "تنبيهات", "en": "Warnings"},
    "draft": {"fr": "Vérifier un brouillon", "ar": "التحقق من مسودة", "en": "Check a draft"},
    "draft_help": {
        "fr": "Collez ou déposez un brouillon de data/indicators.yaml pour voir ses erreurs et "
              "un aperçu, avant de l'enregistrer. Rien n'est conservé sur le serveur.",
        "ar": "الصق أو ارفع مسودة من data/indicators.yaml لرؤية أخطائها ومعاينتها قبل حفظها. "
              "لا يحتفظ الخادم بأي شيء.",
        "en": "Paste or upload a draft of data/indicators.yaml to see its errors and a preview "
              "before you commit it. Nothing is kept on the server."},
    "draft_upload": {"fr": "Déposer un fichier YAML (1 Mo au plus)",
                     "ar": "رفع ملف YAML (1 ميغابايت على الأكثر)",
                     "en": "Upload a YAML file (1 MB at most)"},
    "draft_paste": {"fr": "… ou coller le texte", "ar": "… أو لصق النص",
                    "en": "… or paste the text"},
    "draft_invalid": {"fr": "Le brouillon contient {n} erreur(s) :",
                      "ar": "تحتوي المسودة على {n} خطأ:",
                      "en": "The draft has {n} error(s):"},
    "draft_valid": {
        "fr": "Brouillon valide : {figures} chiffres, {indicators} indicateurs, {sources} "
              "sources, {warnings} avertissement(s).",
        "ar": "المسودة صالحة: {figures} رقما، {indicators} مؤشرا، {sources} مصادر، "
              "{warnings} تنبيه.",
        "en": "Valid draft: {figures} figures, {indicators} indicators, {sources} sources, "
              "{warnings} warning(s)."},
    "pick_figure": {"fr": "Choisir un chiffre", "ar": "اختر رقما", "en": "Pick a figure"},
    "all": {"fr": "Tous", "ar": "الكل", "en": "All"},
    "since": {"fr": "depuis", "ar": "منذ", "en": "since"},
    "until": {"fr": "jusqu'à", "ar": "حتى", "en": "until"},
    "download_csv": {"fr": "Télécharger (CSV)", "ar": "تنزيل (CSV)", "en": "Download (CSV)"},
    "figures": {"fr": "Chiffres", "ar": "الأرقام", "en": "Figures"},
    "download_milestones": {"fr": "Chronologie (CSV)", "ar": "التسلسل الزمني (CSV)",
                            "en": "Timeline (CSV)"},
    "addresses": {"fr": "Adresses stables des données (mises à jour à chaque version) :",
                  "ar": "العناوين الثابتة للبيانات (تُحدَّث مع كل نسخة):",
                  "en": "Stable addresses of the data (updated with every version):"},
    "and_more": {"fr": "et {n} autre(s)", "ar": "و{n} أخرى", "en": "and {n} more"},
    "history": {"fr": "Historique dans le dépôt", "ar": "السجل في المستودع",
                "en": "History in the repository"},
    "history_unavailable": {
        "fr": "Historique non disponible : le fichier de données n'est pas dans un dépôt git.",
        "ar": "السجل غير متاح: ملف البيانات ليس في مستودع git.",
        "en": "History not available: the data file is not in a git repository."},
    "license_line": {
        "fr": "Compilation sous licence CC BY 4.0 ; chaque citation reste à son éditeur.",
        "ar": "التجميع مرخص بموجب CC BY 4.0؛ تبقى كل إحالة ملكا لناشرها.",
        "en": "Compilation licensed CC BY 4.0; each quote remains its publisher's."},
    "source_title": {"fr": "titre", "ar": "العنوان", "en": "title"},
    "as_of": {"fr": "au", "ar": "في", "en": "as of"},
    "other_values_title": {"fr": "Les autres valeurs, avec leur source",
                           "ar": "القيم الأخرى مع مصادرها",
                           "en": "The other values, with their sources"},
    "locator": {"fr": "emplacement", "ar": "الموضع", "en": "where"},
    "as_written": {"fr": "Tel qu'imprimé", "ar": "كما ورد", "en": "As printed"},
    "restated": {"fr": "Le même chiffre, écrit ailleurs", "ar": "الرقم نفسه في موضع آخر",
                 "en": "The same figure, written again"},
    "dropped": {
        "fr": "Pour les éditeurs : cette version du fichier compte {now} chiffres, contre "
              "{before} dans la version précédente ({n} en moins). Si ce n'est pas voulu, le "
              "fichier a peut-être été tronqué.",
        "ar": "للمحررين: تضم هذه النسخة من الملف {now} رقما مقابل {before} في النسخة السابقة "
              "({n} أقل). إن لم يكن ذلك مقصودا، فربما تم اقتطاع الملف.",
        "en": "For editors: this version of the file has {now} figures, against {before} in "
              "the previous one ({n} fewer). If that was not intended, the file may have been "
              "cut short."},
    "draft_checking": {"fr": "Vérification du brouillon…", "ar": "جار التحقق من المسودة…",
                       "en": "Checking the draft…"},
    "preview_capped": {
        "fr": "L'aperçu montre les {n} premiers indicateurs de ce thème sur {total}.",
        "ar": "تعرض المعاينة أول {n} مؤشرا من أصل {total} في هذا المحور.",
        "en": "The preview shows the first {n} of this theme's {total} indicators."},
    "chart_series": {"fr": "{indicator} : évolution dans le temps",
                     "ar": "{indicator}: التطور عبر الزمن",
                     "en": "{indicator} over time"},
    "chart_sources": {"fr": "{indicator}{context} : ce que dit chaque source",
                      "ar": "{indicator}{context}: ما يقوله كل مصدر",
                      "en": "{indicator}{context}: what each source says"},
    "chart_breakdown": {"fr": "{indicator} par {dimension}{context}",
                        "ar": "{indicator} حسب {dimension}{context}",
                        "en": "{indicator} by {dimension}{context}"},
    "chart_part": {"fr": "{part}, sur le total des {whole}",
                   "ar": "{part} من مجموع {whole}",
                   "en": "{part}, out of all {whole}"},
    "series_axis": {
        "fr": "Chaque chiffre à la fin de sa période (trait : la période couverte) ; "
              "un décompte en cours à sa date",
        "ar": "كل رقم في نهاية فترته (الخط: الفترة المشمولة)؛ والعد الجاري في تاريخه",
        "en": "Each figure at the end of its period (bar: the period covered); "
              "a running count at its date"},
    "period_covered": {"fr": "période couverte", "ar": "الفترة المشمولة",
                       "en": "period covered"},
    "running_count": {"fr": "décompte en cours jusqu'au total final",
                      "ar": "العد الجاري حتى المجموع النهائي",
                      "en": "running count up to the final total"},
    "undated": {"fr": "Sans date précise, donc hors de la courbe :",
                "ar": "دون تاريخ محدد، لذا خارج المنحنى:",
                "en": "Without a precise date, so not on the curve:"},
    "conflicts": {
        "fr": "Les sources donnent des valeurs différentes pour {n} chiffre(s) : toutes sont "
              "montrées avec leur source (graphiques « ce que dit chaque source » ci-dessous), "
              "aucune n'est choisie.",
        "ar": "تعطي المصادر قيما مختلفة لـ {n} رقما: نعرضها كلها مع مصادرها (رسوم «ما يقوله كل "
              "مصدر» أدناه) دون ترجيح أي منها.",
        "en": "The sources give different values for {n} figure(s): every value is shown with "
              "its source (the “what each source says” charts below), none is picked."},
    "conflict_line": {"fr": "{what} : de {low} à {high} selon {n} sources",
                      "ar": "{what}: من {low} إلى {high} حسب {n} مصادر",
                      "en": "{what}: {low} to {high} in {n} sources"},
    "total": {"fr": "Total", "ar": "المجموع", "en": "Total"},
    "total_range": {"fr": "de {low} à {high} selon {n} sources",
                    "ar": "من {low} إلى {high} حسب {n} مصادر",
                    "en": "{low} to {high} in {n} sources"},
    "country": {"fr": "pays", "ar": "البلد", "en": "country"},
    "share_of": {"fr": "{share} des {whole}", "ar": "{share} من {whole}",
                 "en": "{share} of {whole}"},
    "rows_more": {"fr": "Le graphique montre les {n} premiers chiffres sur {total} ; le "
                        "tableau les contient tous.",
                  "ar": "يعرض الرسم أول {n} رقما من أصل {total}؛ والجدول يتضمنها كلها.",
                  "en": "The chart shows the first {n} of {total} figures; the table holds "
                        "them all."},
    "charts_more": {"fr": "{n} autre(s) comparaison(s) non dessinée(s) ici : tous les chiffres "
                          "sont dans le tableau.",
                    "ar": "{n} مقارنة أخرى غير مرسومة هنا: كل الأرقام في الجدول.",
                    "en": "{n} more comparison(s) not drawn here: every figure is in the "
                          "table."},
    "lone_figures": {"fr": "Chiffres sans point de comparaison",
                     "ar": "أرقام دون ما يقارن بها",
                     "en": "Figures with nothing to compare them with"},
    "cards_more": {"fr": "{n} autre(s) chiffre(s) dans le tableau.",
                   "ar": "{n} رقما آخر في الجدول.",
                   "en": "{n} more figure(s) in the table."},
    "page_error": {
        "fr": "Cette vue n'a pas pu être affichée. Les autres vues restent disponibles ; "
              "l'incident est consigné pour l'équipe.",
        "ar": "تعذر عرض هذه الصفحة. تبقى الصفحات الأخرى متاحة، وقد سُجل الخلل للفريق.",
        "en": "This view could not be shown. The other views remain available; the incident "
              "is logged for the team."},
}


def ui(key: str, language: str) -> str:
    """An interface text in `language`."""
    return UI[key][language]
