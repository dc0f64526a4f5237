//! normdiff patch: a content-stream parser that gives exactly what
//! `lopdf::content::Content::decode` gives, several times faster.
//!
//! lopdf's parser is written with `nom` combinators and builds a `String`
//! and a `Vec` for every operation; on a 100-page LibreOffice PDF it was
//! 40 % of the reading time. This scanner follows the same grammar (the
//! order of the alternatives, what each accepts, where whitespace and
//! comments may stand, where parsing stops silently on an error) byte by
//! byte, and stores the operations flat: operator names in one string,
//! operands in one vector.
//!
//! Where lopdf's grammar gets unusual (an inline image `BI … ID … EI`, or
//! arrays, dictionaries or strings nested more than [`MAX_NEST`] deep, where
//! lopdf may fail the whole stream) the scanner gives up and the stream is
//! parsed by lopdf itself, so the result is lopdf's in every case.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Object, StringFormat};

/// Nesting depth (arrays, dictionaries, strings in parentheses) beyond
/// which the stream is handed to lopdf.
const MAX_NEST: usize = 16;

/// One operation: its operator (a range of `Ops::names`) and its operands
/// (a range of `Ops::operands`).
#[derive(Debug, Clone, Copy)]
struct Op {
    name: (u32, u32),
    args: (u32, u32),
}

/// The operations of a content stream.
#[derive(Debug, Clone, Default)]
pub struct Ops {
    ops: Vec<Op>,
    names: String,
    operands: Vec<Object>,
}

impl Ops {
    /// Parses a content stream; `None` where lopdf's `Content::decode`
    /// fails.
    pub fn decode(data: &[u8]) -> Option<Ops> {
        let mut s = Scanner {
            s: data,
            pos: 0,
            bail: false,
            stack: Vec::new(),
        };
        match s.content() {
            Some(ops) => Some(ops),
            None => Content::decode(data)
                .ok()
                .map(|c| Ops::from_operations(c.operations)),
        }
    }

    /// The operations lopdf parsed.
    pub fn from_operations(operations: Vec<Operation>) -> Ops {
        let mut out = Ops::default();
        for op in operations {
            let args = out.operands.len() as u32;
            out.operands.extend(op.operands);
            out.push(&op.operator, args);
        }
        out
    }

    /// The operations as lopdf represents them.
    pub fn to_operations(&self) -> Vec<Operation> {
        self.iter()
            .map(|(name, args)| Operation::new(name, args.to_vec()))
            .collect()
    }

    /// Operator and operands of each operation, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Object])> + '_ {
        self.ops.iter().map(move |op| {
            (
                &self.names[op.name.0 as usize..op.name.1 as usize],
                &self.operands[op.args.0 as usize..op.args.1 as usize],
            )
        })
    }

    /// Number of operations.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// No operations.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    fn push(&mut self, name: &str, args_start: u32) {
        let n0 = self.names.len() as u32;
        self.names.push_str(name);
        self.ops.push(Op {
            name: (n0, self.names.len() as u32),
            args: (args_start, self.operands.len() as u32),
        });
    }
}

/// PDF whitespace (lopdf's `is_whitespace`).
fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0C)
}

/// Whitespace between content operands and operators (lopdf's
/// `content_space`: no NUL, no form feed).
fn is_content_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// A cursor over the stream. Each parser returns `None` on a recoverable
/// mismatch (nom's `Error`) and leaves `pos` where it was; `bail` is set
/// where the scanner hands the stream to lopdf.
struct Scanner<'a> {
    s: &'a [u8],
    pos: usize,
    bail: bool,
    /// Elements of the arrays being read.
    stack: Vec<Object>,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn at(&self, tag: &[u8]) -> bool {
        self.s[self.pos..].starts_with(tag)
    }

    fn eat(&mut self, tag: &[u8]) -> bool {
        let ok = self.at(tag);
        if ok {
            self.pos += tag.len();
        }
        ok
    }

    fn skip_while(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Runs `f`, putting `pos` back when it fails.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let save = self.pos;
        let r = f(self);
        if r.is_none() {
            self.pos = save;
        }
        r
    }

    /// The whole stream: operations until the first one that does not
    /// parse (lopdf ignores the rest). `None`: hand it to lopdf.
    fn content(&mut self) -> Option<Ops> {
        self.skip_while(is_content_space);
        let mut out = Ops::default();
        loop {
            let (save, args) = (self.pos, out.operands.len());
            let ok = self.operation(&mut out);
            if self.bail {
                return None;
            }
            if ok.is_none() {
                self.pos = save;
                out.operands.truncate(args);
                return Some(out);
            }
        }
    }

    fn eol(&mut self) -> bool {
        self.eat(b"\r\n") || self.eat(b"\n") || self.eat(b"\r")
    }

    /// `%` to the end of the line, the line end included (a comment at the
    /// very end of the stream, with no line end, is no comment for lopdf).
    fn comment(&mut self) -> bool {
        self.attempt(|s| {
            if !s.eat(b"%") {
                return None;
            }
            s.skip_while(|c| c != b'\r' && c != b'\n');
            s.eol().then_some(())
        })
        .is_some()
    }

    /// Whitespace and comments (between the objects of an array or a
    /// dictionary).
    fn space(&mut self) {
        while self.skip_while(is_white) > 0 || self.comment() {}
    }

    fn operation(&mut self, out: &mut Ops) -> Option<()> {
        while self.comment() {}
        if self.at(b"BI") {
            self.bail = true;
            return None;
        }
        let args = out.operands.len() as u32;
        while let Some(o) = self.attempt(Self::operand) {
            out.operands.push(o);
        }
        if self.bail {
            return None;
        }
        let start = self.pos;
        self.skip_while(|c| c.is_ascii_alphabetic() || b"*'\"".contains(&c));
        if self.pos == start {
            return None;
        }
        let name = std::str::from_utf8(&self.s[start..self.pos]).ok()?;
        out.push(name, args);
        self.skip_while(is_content_space);
        Some(())
    }

    fn operand(&mut self) -> Option<Object> {
        let o = self.object(false, 0)?;
        self.skip_while(is_content_space);
        Some(o)
    }

    /// One object, `depth` levels inside an array or a dictionary;
    /// references only where `refs`. Each of lopdf's alternatives (null,
    /// booleans, reference, real, integer, name, strings, array,
    /// dictionary, tried in that order) starts with its own bytes, so the
    /// first byte picks the ones to try.
    fn object(&mut self, refs: bool, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'n' | b't' | b'f' => self.keyword(),
            b'0'..=b'9' if refs => self.attempt(Self::reference).or_else(|| self.number()),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => self.attempt(Self::name).map(Object::Name),
            b'(' => self.attempt(|s| s.literal(0)).map(Object::string_literal),
            b'<' => self
                .attempt(Self::hex_string)
                .or_else(|| self.compound(depth, |s, d| s.dictionary(d).map(Object::Dictionary))),
            b'[' => self.compound(depth, |s, d| s.array(d).map(Object::Array)),
            _ => None,
        }
    }

    fn keyword(&mut self) -> Option<Object> {
        if self.eat(b"null") {
            Some(Object::Null)
        } else if self.eat(b"true") {
            Some(Object::Boolean(true))
        } else if self.eat(b"false") {
            Some(Object::Boolean(false))
        } else {
            None
        }
    }

    fn number(&mut self) -> Option<Object> {
        self.attempt(Self::real)
            .map(Object::Real)
            .or_else(|| self.attempt(Self::integer).map(Object::Integer))
    }

    /// An array or a dictionary (`parse`), `depth` levels inside another.
    fn compound(
        &mut self,
        depth: usize,
        parse: impl FnOnce(&mut Self, usize) -> Option<Object>,
    ) -> Option<Object> {
        if depth >= MAX_NEST {
            self.bail = true;
            return None;
        }
        self.attempt(|s| parse(s, depth))
    }

    fn sign(&mut self) {
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
    }

    fn text(&self, start: usize) -> &str {
        // Only ASCII digits, signs and points were taken.
        std::str::from_utf8(&self.s[start..self.pos]).unwrap_or("")
    }

    /// `[+-]` then `digits . digits*` or `. digits`.
    fn real(&mut self) -> Option<f32> {
        let start = self.pos;
        self.sign();
        if self.skip_while(|c| c.is_ascii_digit()) > 0 {
            if !self.eat(b".") {
                return None;
            }
            self.skip_while(|c| c.is_ascii_digit());
        } else if !(self.eat(b".") && self.skip_while(|c| c.is_ascii_digit()) > 0) {
            return None;
        }
        self.text(start).parse().ok()
    }

    fn integer(&mut self) -> Option<i64> {
        let start = self.pos;
        self.sign();
        if self.skip_while(|c| c.is_ascii_digit()) == 0 {
            return None;
        }
        self.text(start).parse().ok()
    }

    fn unsigned<T: std::str::FromStr>(&mut self) -> Option<T> {
        let start = self.pos;
        if self.skip_while(|c| c.is_ascii_digit()) == 0 {
            return None;
        }
        self.text(start).parse().ok()
    }

    /// `/` then regular characters and `#xx` escapes.
    fn name(&mut self) -> Option<Vec<u8>> {
        if !self.eat(b"/") {
            return None;
        }
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let hex = self.s.get(self.pos + 1..self.pos + 3);
                match hex.and_then(|h| Some(hex_value(h[0])? << 4 | hex_value(h[1])?)) {
                    Some(b) => {
                        out.push(b);
                        self.pos += 3;
                    }
                    None => break,
                }
            } else if is_regular(c) {
                out.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(out)
    }

    /// A string in parentheses, `depth` levels inside another.
    fn literal(&mut self, depth: usize) -> Option<Vec<u8>> {
        if !self.eat(b"(") {
            return None;
        }
        let mut out = Vec::new();
        self.literal_body(&mut out, depth);
        self.eat(b")").then_some(out)
    }

    /// The inside of a string in parentheses, up to (not including) the
    /// closing parenthesis or the first thing that does not parse.
    fn literal_body(&mut self, out: &mut Vec<u8>, depth: usize) {
        while let Some(c) = self.peek() {
            match c {
                b'(' => {
                    if depth + 1 >= MAX_NEST {
                        self.bail = true;
                        return;
                    }
                    let save = self.pos;
                    match self.literal(depth + 1) {
                        Some(inner) => {
                            out.push(b'(');
                            out.extend_from_slice(&inner);
                            out.push(b')');
                        }
                        None => {
                            self.pos = save;
                            return;
                        }
                    }
                }
                b')' => return,
                b'\\' => {
                    if !self.escape(out) {
                        return;
                    }
                }
                b'\r' | b'\n' => {
                    let start = self.pos;
                    self.eol();
                    out.extend_from_slice(&self.s[start..self.pos]);
                }
                _ => {
                    let start = self.pos;
                    self.skip_while(|c| !b"()\\\r\n".contains(&c));
                    out.extend_from_slice(&self.s[start..self.pos]);
                }
            }
        }
    }

    /// A backslash escape; false (nothing taken) for a backslash at the
    /// end of the stream.
    fn escape(&mut self, out: &mut Vec<u8>) -> bool {
        let Some(&c) = self.s.get(self.pos + 1) else {
            return false;
        };
        self.pos += 1;
        if matches!(c, b'0'..=b'7') {
            let start = self.pos;
            while self.pos - start < 3 && matches!(self.peek(), Some(b'0'..=b'7')) {
                self.pos += 1;
            }
            let v = self.s[start..self.pos]
                .iter()
                .fold(0u16, |v, &d| v * 8 + u16::from(d - b'0'));
            out.push(v as u8);
        } else if self.eol() {
        } else {
            self.pos += 1;
            out.push(match c {
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'b' => 0x08,
                b'f' => 0x0C,
                other => other,
            });
        }
        true
    }

    /// `<` hex digits, whitespace between them, `>`.
    fn hex_string(&mut self) -> Option<Object> {
        if !self.eat(b"<") {
            return None;
        }
        let mut out = Vec::new();
        let mut high = true;
        loop {
            let save = self.pos;
            self.skip_while(is_white);
            match self.peek().and_then(hex_value) {
                Some(d) => {
                    self.pos += 1;
                    if high {
                        out.push(d << 4);
                    } else if let Some(last) = out.last_mut() {
                        *last |= d;
                    }
                    high = !high;
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.skip_while(is_white);
        self.eat(b">")
            .then_some(Object::String(out, StringFormat::Hexadecimal))
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        if !self.eat(b"[") {
            return None;
        }
        self.space();
        // Elements gather on a stack shared by all arrays, so that each
        // array is allocated once, at its size.
        let start = self.stack.len();
        while let Some(o) = self.attempt(|s| s.direct_object(depth + 1)) {
            self.stack.push(o);
        }
        let items: Vec<Object> = self.stack.drain(start..).collect();
        if self.bail {
            return None;
        }
        self.eat(b"]").then_some(items)
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        if !self.eat(b"<<") {
            return None;
        }
        self.space();
        let mut dict = Dictionary::new();
        while let Some((k, v)) = self.attempt(|s| {
            let k = s.name()?;
            s.space();
            Some((k, s.direct_object(depth + 1)?))
        }) {
            dict.set(k, v);
        }
        if self.bail {
            return None;
        }
        self.eat(b">>").then_some(dict)
    }

    /// An object inside an array or a dictionary (references allowed),
    /// then whitespace and comments.
    fn direct_object(&mut self, depth: usize) -> Option<Object> {
        if self.bail {
            return None;
        }
        let o = self.object(true, depth)?;
        self.space();
        Some(o)
    }

    /// `n g R` (whitespace and comments between).
    fn reference(&mut self) -> Option<Object> {
        let n: u32 = self.unsigned()?;
        self.space();
        let g: u16 = self.unsigned()?;
        self.space();
        self.eat(b"R").then_some(Object::Reference((n, g)))
    }
}
