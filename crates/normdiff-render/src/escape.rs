//! Escaping of document text for each output format, so that text from a
//! document can never inject markup or control sequences.

/// Escapes text for HTML element content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // C0/C1 controls are not valid in HTML and could reach a
            // terminal if the page is printed: shown, not passed through.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {
                out.push_str(&format!("⟦U+{:04X}⟧", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a Markdown paragraph or heading so that it renders as
/// exactly these characters and never as markup:
/// - ASCII punctuation with a Markdown meaning (`\\ ` * _ [ ] < > & | # ~ !`)
///   is backslash-escaped;
/// - `{` and `}` become the entities `&#123;` and `&#125;`, so no
///   CriticMarkup delimiter (`{--`, `++}`, `{~~`...) can appear in the
///   source even to a tool that matches them without parsing Markdown;
/// - runs of line breaks become ` ¶ ` (a redline paragraph is one line), other
///   control characters `⟦U+XXXX⟧`;
/// - a line-start that would open a block (`-`, `+`, `=`, `1.`, `1)`) is
///   escaped, and leading spaces are dropped.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let bytes = s.as_bytes();
    // Runs of ordinary characters are copied whole; only the few special
    // characters (all ASCII, or the C1 controls U+0080–U+009F) are looked
    // at one by one.
    let mut copied = 0;
    let mut after_newline = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !MARKDOWN_SPECIAL[usize::from(b)]
            || (b == 0xC2 && !bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)))
        {
            after_newline = false;
            i += 1;
            continue;
        }
        out.push_str(&s[copied..i]);
        let c = s[i..].chars().next().unwrap_or_default();
        let repeat_newline = std::mem::replace(&mut after_newline, c == '\n') && c == '\n';
        match c {
            _ if repeat_newline => {}
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\n' => out.push_str(" ¶ "),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&format!("⟦U+{:04X}⟧", c as u32)),
            c => {
                out.push('\\');
                out.push(c);
            }
        }
        i += c.len_utf8();
        copied = i;
    }
    out.push_str(&s[copied..]);
    out
}

/// The bytes that start a character [`markdown`] rewrites: the ASCII
/// punctuation it escapes, C0 controls and DEL, and `0xC2`, the first byte
/// of the C1 controls (and of other characters, told apart by the next
/// byte).
const MARKDOWN_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    let punct = b"\\`*_[]<>&|#~!{}";
    let mut k = 0;
    while k < punct.len() {
        table[punct[k] as usize] = true;
        k += 1;
    }
    table
};

/// Escapes the start of a Markdown line (the output of [`markdown`]) so it
/// cannot open a block: leading spaces are dropped, and a leading `-`, `+`,
/// `=`, `#` or a number followed by `.` or `)` is backslash-escaped.
pub fn markdown_line_start(s: &str) -> String {
    let t = s.trim_start_matches([' ', '\t']);
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    match t.chars().next() {
        Some('-' | '+' | '=' | '#') => format!("\\{t}"),
        Some(c) if c.is_ascii_digit() && matches!(t[digits..].chars().next(), Some('.' | ')')) => {
            format!("{}\\{}", &t[..digits], &t[digits..])
        }
        _ => t.to_owned(),
    }
}

/// Makes text safe for a terminal: control characters (including ESC, so
/// no ANSI sequence from a document can reach the terminal) become
/// visible `⟦U+XXXX⟧` markers. Tabs are kept.
pub fn terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_control() && c != '\t' && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Makes text safe for a Markdown table cell or a one-line quote: ASCII
/// punctuation that could start emphasis, strikethrough, code, links, raw
/// HTML, entities or math is backslash-escaped, `|` too (it would end the
/// cell), and line ends become spaces. A line that starts with it also
/// needs [`markdown_line_start`] (a heading, a list item).
pub fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push_str(&format!("⟦U+{:04X}⟧", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Is `c` a bidi control: an embedding, override or isolate, or a
/// directional mark? Raw, they reorder what a reader sees (Trojan Source).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every bidi control ([`is_bidi_control`]) written as a
/// `⟦U+XXXX⟧` marker; for document text shown by `align` and `locate`,
/// before the format's own escaping.
pub fn bidi(s: &str) -> String {
    if !s.chars().any(is_bidi_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if is_bidi_control(c) {
                format!("⟦U+{:04X}⟧", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Serialized JSON with every bidi control written as a `\uXXXX` escape:
/// the same JSON value, but inert in a terminal or a log. (Outside strings
/// JSON holds only ASCII, so every such character is inside a string.)
pub fn json_bidi(json: String) -> String {
    if !json.chars().any(is_bidi_control) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text shown in a one-line preview (`normdiff parse`): as [`terminal`],
/// and invisible characters (zero-width, tag, variation selectors...) as
/// `⟦U+XXXX⟧` markers too.
pub fn preview(s: &str) -> String {
    terminal(&normdiff_core::report::show_invisible(s))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bidi_controls_are_neutralised() {
        let s = "a\u{202E}b\u{2067}c\u{2069}";
        assert_eq!(super::bidi(s), "a⟦U+202E⟧b⟦U+2067⟧c⟦U+2069⟧");
        let j = super::json_bidi(serde_json::to_string(s).unwrap());
        assert_eq!(j, "\"a\\u202eb\\u2067c\\u2069\"");
        assert_eq!(serde_json::from_str::<String>(&j).unwrap(), s);
        assert_eq!(super::preview("x\u{200B}y\u{E0041}"), "x⟦U+200B⟧y⟦U+E0041⟧");
    }

    use super::*;

    /// The character-by-character definition [`markdown`] must agree with.
    fn markdown_reference(s: &str) -> String {
        let mut out = String::new();
        let mut prev = ' ';
        for c in s.chars() {
            let was = std::mem::replace(&mut prev, c);
            match c {
                '\n' if was == '\n' => {}
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '{' => out.push_str("&#123;"),
                '}' => out.push_str("&#125;"),
                '\n' => out.push_str(" ¶ "),
                c if c.is_control() && c != '\t' => out.push_str(&format!("⟦U+{:04X}⟧", c as u32)),
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn markdown_escaping_matches_its_definition(
            s in "([a-zé’«»\\\\`*_\\[\\]<>&|#~!{}\n\t \u{0}-\u{1f}\u{7f}-\u{a0}]|\\PC){0,40}"
        ) {
            proptest::prop_assert_eq!(markdown(&s), markdown_reference(&s));
        }
    }

    /// The text comrak renders for `md` (GFM tables, strikethrough and
    /// dollar math on), failing on any node other than `allowed` and text.
    fn rendered_text(md: &str, allowed: fn(&comrak::nodes::NodeValue) -> bool) -> String {
        use comrak::nodes::NodeValue;
        let mut o = comrak::Options::default();
        o.extension.table = true;
        o.extension.strikethrough = true;
        o.extension.math_dollars = true;
        let arena = comrak::Arena::new();
        let root = comrak::parse_document(&arena, md, &o);
        let mut text = String::new();
        for node in root.descendants() {
            match &node.data().value {
                NodeValue::Text(t) => text.push_str(t),
                v if allowed(v) => {}
                other => panic!("stray markup {other:?} in {md:?}"),
            }
        }
        text
    }

    proptest::proptest! {
        #[test]
        fn markdown_cells_render_exactly_their_text(
            s in "[a-z0-9 \\\\`*_\\[\\]<>|~$&#!(){}:=+.\\-]{0,24}"
        ) {
            use comrak::nodes::NodeValue as N;
            let want = s.trim().to_owned();
            let cell = format!("| h |\n|---|\n| {} |\n", markdown_cell(&s));
            let got = rendered_text(&cell, |v| {
                matches!(v, N::Document | N::Table(_) | N::TableRow(_) | N::TableCell)
            });
            proptest::prop_assert_eq!(got, format!("h{want}"));
            let quote = format!("> {}\n", markdown_line_start(&markdown_cell(&s)));
            let got = rendered_text(&quote, |v| {
                matches!(v, N::Document | N::BlockQuote | N::Paragraph)
            });
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn markdown_cells_show_control_characters() {
        assert_eq!(markdown_cell("a\u{1b}[31mb"), "a⟦U+001B⟧\\[31mb");
    }

    #[test]
    fn markdown_cells_are_inert() {
        assert_eq!(
            markdown_cell("a|b <i>*x*</i>\nc"),
            "a\\|b \\<i\\>\\*x\\*\\</i\\> c"
        );
    }

    #[test]
    fn html_is_inert() {
        assert_eq!(html("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn markdown_is_inert() {
        assert_eq!(markdown("**a** {++b++}"), "\\*\\*a\\*\\* &#123;++b++&#125;");
        assert_eq!(markdown("</del>"), "\\</del\\>");
        assert_eq!(markdown_line_start("18. Le"), "18\\. Le");
        assert_eq!(markdown_line_start("  - a"), "\\- a");
        assert_eq!(markdown_line_start("Le 18."), "Le 18.");
    }

    #[test]
    fn ansi_escapes_are_shown_not_sent() {
        assert_eq!(terminal("a\u{1b}[31mb"), "a⟦U+001B⟧[31mb");
    }
}
