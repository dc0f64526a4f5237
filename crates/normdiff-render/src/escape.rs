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
            c => out.push(c),
        }
    }
    out
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

/// Makes text safe for a Markdown table cell: Markdown punctuation that
/// could start emphasis, code, links or raw HTML is backslash-escaped,
/// `|` too (it would end the cell), and line ends become spaces.
pub fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ansi_escapes_are_shown_not_sent() {
        assert_eq!(terminal("a\u{1b}[31mb"), "a⟦U+001B⟧[31mb");
    }
}
