//! The report's own words in English and French (`--lang`).

use normdiff_core::history::EventKind;

/// The language of a trace report's own words (the document's text is
/// never translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

/// Fixed words of a report.
pub(crate) struct Words {
    pub code: &'static str,
    pub trace_of: &'static str,
    pub status: &'static str,
    pub timeline: &'static str,
    pub events: &'static str,
    pub warnings: &'static str,
    pub skipped: &'static str,
    pub columns: [&'static str; 8],
    pub never: &'static str,
    pub occurrences: &'static str,
    pub variant: &'static str,
    pub in_: &'static str,
    pub absent_from: &'static str,
    pub present_in: &'static str,
    pub replaced_by: &'static str,
    pub bracketed: &'static str,
    pub unbracketed: &'static str,
    pub more: &'static str,
    pub event: &'static str,
    /// A colon with the language's spacing.
    pub colon: &'static str,
}

const EN: Words = Words {
    code: "en",
    trace_of: "Trace of",
    status: "Status",
    timeline: "Timeline",
    events: "Events",
    warnings: "Warnings",
    skipped: "Skipped file versions",
    columns: [
        "#",
        "Date",
        "Version",
        "File",
        "Author",
        "Message",
        "¶ before → after",
        "Event",
    ],
    never: "The phrase never occurs in the versions walked.",
    occurrences: "Occurrences in the paragraph",
    variant: "variant",
    in_: "in",
    absent_from: "absent from",
    present_in: "present in",
    replaced_by: "replaced by",
    bracketed: "bracketed",
    unbracketed: "brackets removed",
    more: "more events",
    event: "event",
    colon: ": ",
};

const FR: Words = Words {
    code: "fr",
    trace_of: "Historique de",
    status: "État",
    timeline: "Chronologie",
    events: "Événements",
    warnings: "Avertissements",
    skipped: "Versions de fichiers ignorées",
    columns: [
        "n°",
        "Date",
        "Version",
        "Fichier",
        "Auteur",
        "Message",
        "¶ avant → après",
        "Événement",
    ],
    never: "L'expression n'apparaît dans aucune des versions parcourues.",
    occurrences: "Occurrences dans le paragraphe",
    variant: "variante",
    in_: "dans",
    absent_from: "absente de",
    present_in: "présente dans",
    replaced_by: "remplacée par",
    bracketed: "mise entre crochets",
    unbracketed: "crochets levés",
    more: "autres événements",
    event: "événement",
    colon: " : ",
};

impl Lang {
    pub(crate) fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }

    /// An event kind as the report names it.
    pub(crate) fn kind(self, k: EventKind) -> &'static str {
        match self {
            Lang::En => k.name(),
            Lang::Fr => match k {
                EventKind::Introduced => "introduite",
                EventKind::Removed => "supprimée",
                EventKind::Changed => "modifiée",
                EventKind::Moved => "déplacée",
                EventKind::Renumbered => "renumérotée",
                EventKind::Renamed => "fichier renommé",
                EventKind::Reintroduced => "réintroduite",
            },
        }
    }

    /// A quoted text: “…” in English, « … » in French.
    pub(crate) fn quote(self, s: &str) -> String {
        match self {
            Lang::En => format!("“{s}”"),
            Lang::Fr => format!("« {s} »"),
        }
    }
}
