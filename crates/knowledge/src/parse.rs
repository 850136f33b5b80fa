//! One article file as written: YAML front matter between two `---` lines, the Dutch body, a
//! line `---en---`, the English body. Nothing here is checked against the rule set yet; that
//! is `validate`'s job. Every problem becomes a Dutch [`KnowledgeError`] with file and line.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::KnowledgeError;

/// The line between the Dutch and the English body.
pub const EN_MARKER: &str = "---en---";

/// A text in both languages, as written in the front matter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSpec {
    #[serde(default)]
    pub nl: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

/// The rule-set items an article explains, by kind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedSpec {
    #[serde(default)]
    pub facts: Vec<Spanned<String>>,
    #[serde(default)]
    pub roles: Vec<Spanned<String>>,
    #[serde(default)]
    pub routes: Vec<Spanned<String>>,
    #[serde(default)]
    pub notices: Vec<Spanned<String>>,
    #[serde(default)]
    pub conditions: Vec<Spanned<String>>,
    #[serde(default)]
    pub grounds: Vec<Spanned<String>>,
    #[serde(default)]
    pub judgments: Vec<Spanned<String>>,
}

/// The front matter. Required fields are `Option` so that a missing one gets a Dutch message
/// (serde's own would be English).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub title: Option<Spanned<TextSpec>>,
    #[serde(default)]
    pub summary: Option<Spanned<TextSpec>>,
    #[serde(default)]
    pub sources: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub related: RelatedSpec,
    #[serde(default)]
    pub see_also: Vec<Spanned<String>>,
    #[serde(default)]
    pub valid_from: Option<Spanned<String>>,
    #[serde(default)]
    pub valid_to: Option<Spanned<String>>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Worked examples (scenario ids) the maintainers chose to show first under the article.
    #[serde(default)]
    pub examples: Vec<Spanned<String>>,
    /// For maintainers only; never shown, never indexed.
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// A link in a body: its target as written and the line it is on.
#[derive(Debug, Clone)]
pub struct Link {
    pub target: String,
    pub line: u64,
}

/// One body (one language): the Markdown with maintainers' comments removed (untrimmed, so
/// offsets map to file lines), its plain
/// text for search and snippets, its links, and where it starts in the file.
#[derive(Debug, Clone)]
pub struct Body {
    pub markdown: String,
    pub plain: String,
    pub links: Vec<Link>,
    /// File line of the body's first line.
    pub first_line: u64,
}

#[derive(Debug)]
pub struct ParsedFile {
    pub front: FrontMatter,
    /// File line of the front matter's first line (the line after the opening `---`).
    pub front_line: u64,
    pub nl: Body,
    pub en: Body,
}

pub fn err(file: &str, line: Option<u64>, message: impl Into<String>) -> KnowledgeError {
    KnowledgeError { file: file.to_string(), line, message: message.into() }
}

/// Splits and parses one article file.
pub fn parse_file(file: &str, content: &str) -> Result<ParsedFile, Vec<KnowledgeError>> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let lines: Vec<&str> = content.split('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(vec![err(file, Some(1), "het artikel moet beginnen met een regel '---' en daarna de kop (YAML)")]);
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|i| i + 1) else {
        return Err(vec![err(file, Some(1), "de kop wordt niet afgesloten met een regel '---'")]);
    };
    let yaml = lines[1..close].join("\n");
    let front: FrontMatter = match serde_saphyr::from_str_with_options(&yaml, grondslag_rules::yaml_options()) {
        Ok(f) => f,
        Err(e) => {
            let line = e.location().map(|l| l.line()).filter(|l| *l > 0).map(|l| l + 1);
            return Err(vec![err(file, line, format!("kan de kop niet lezen: {}", yaml_message(&e.to_string())))]);
        }
    };

    // Bodies: lines after the closing `---`, split at the marker line.
    let body_start = close + 1; // 0-based index of the first body line
    let markers: Vec<usize> = lines.iter().enumerate().skip(body_start).filter(|(_, l)| l.trim() == EN_MARKER).map(|(i, _)| i).collect();
    let mut errors = Vec::new();
    let en_at = match markers.as_slice() {
        [one] => *one,
        [] => {
            return Err(vec![err(
                file,
                None,
                format!("de Engelse tekst ontbreekt: zet een regel '{EN_MARKER}' tussen de Nederlandse en de Engelse tekst"),
            )]);
        }
        [_, second, ..] => {
            return Err(vec![err(file, Some(*second as u64 + 1), format!("de regel '{EN_MARKER}' staat er meer dan één keer"))]);
        }
    };
    let nl_src = lines[body_start..en_at].join("\n");
    let en_src = lines[en_at + 1..].join("\n");
    let nl = body(file, &nl_src, body_start as u64 + 1, "Nederlandse", &mut errors);
    let en = body(file, &en_src, en_at as u64 + 2, "Engelse", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedFile { front, front_line: 2, nl, en })
}

/// serde-saphyr's message, first line only, with the usual serde phrases in Dutch.
fn yaml_message(s: &str) -> String {
    let mut first = s.lines().find(|l| !l.trim().is_empty()).unwrap_or(s).trim();
    // "error: line 2 column 1: <message>": the line is reported separately.
    if let Some(rest) = first.strip_prefix("error: ") {
        first = rest;
    }
    if first.starts_with("line ")
        && let Some((_, rest)) = first.split_once(": ")
    {
        first = rest;
    }
    if let Some(at) = first.find("unknown field `") {
        let rest = &first[at + "unknown field `".len()..];
        let name = rest.split('`').next().unwrap_or(rest);
        return format!(
            "onbekend veld '{name}'; toegestaan zijn id, title, summary, sources, related, see_also, valid_from, valid_to, keywords, examples en note (in related: facts, roles, routes, notices, conditions, grounds, judgments; in title en summary: nl en en)"
        );
    }
    if let Some(rest) = first.strip_prefix("invalid type: ") {
        return format!("verkeerd soort waarde ({rest})");
    }
    if first.contains("duplicate") {
        return format!("een veld staat er twee keer ({first})");
    }
    first.to_string()
}

/// Removes `<!-- … -->` comments (maintainers' notes), keeping every newline so lines stay put.
fn strip_comments(src: &str) -> Result<String, usize> {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    let mut consumed = 0;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let Some(end) = after.find("-->") else {
            return Err(consumed + start);
        };
        let comment = &rest[start..start + 4 + end + 3];
        out.extend(comment.chars().filter(|c| *c == '\n'));
        consumed += start + 4 + end + 3;
        rest = &after[end + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

fn line_at(src: &str, offset: usize) -> u64 {
    src.as_bytes().iter().take(offset).filter(|b| **b == b'\n').count() as u64
}

fn body(file: &str, src: &str, first_line: u64, which: &str, errors: &mut Vec<KnowledgeError>) -> Body {
    let markdown = match strip_comments(src) {
        Ok(m) => m,
        Err(at) => {
            errors.push(err(file, Some(first_line + line_at(src, at)), "een opmerking '<!--' wordt niet afgesloten met '-->'"));
            String::new()
        }
    };
    let (plain, links) = plain_and_links(file, &markdown, first_line, errors);
    if plain.trim().is_empty() {
        errors.push(err(file, Some(first_line), format!("de {which} tekst is leeg")));
    }
    Body { markdown, plain, links, first_line }
}

/// The text a reader reads (for search and snippets) and every link, from the Markdown.
fn plain_and_links(file: &str, md: &str, first_line: u64, errors: &mut Vec<KnowledgeError>) -> (String, Vec<Link>) {
    let mut plain = String::new();
    let mut links = Vec::new();
    let mut link_text: Option<(String, u64, String)> = None; // (target, line, text so far)
    for (event, range) in Parser::new_ext(md, Options::empty()).into_offset_iter() {
        let line = first_line + line_at(md, range.start);
        match event {
            Event::Text(t) | Event::Code(t) => {
                plain.push_str(&t);
                if let Some((_, _, text)) = link_text.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak => plain.push(' '),
            Event::HardBreak => plain.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link_text = Some((dest_url.to_string(), line, String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((target, line, text)) = link_text.take() {
                    if text.trim().is_empty() {
                        errors.push(err(file, Some(line), format!("de link naar '{target}' heeft geen tekst")));
                    }
                    links.push(Link { target, line });
                }
            }
            Event::Start(Tag::Image { .. }) => {
                errors.push(err(file, Some(line), "afbeeldingen worden in artikelen niet ondersteund"));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                errors.push(err(file, Some(line), "HTML is in artikelen niet toegestaan (alleen Markdown en opmerkingen <!-- … -->)"));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                plain.push('\n')
            }
            _ => {}
        }
    }
    (plain.trim().to_string(), links)
}

/// Byte range of `needle` as a whole word in `hay` (bounded by characters that cannot be part of
/// an identifier), for the check that no internal name shows in a text.
pub fn find_word(hay: &str, needle: &str) -> Option<Range<usize>> {
    let is_id_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        // A trailing full stop ends a sentence; it is not part of the name.
        let after = hay[end..].chars().next();
        let after_ok = match after {
            None => true,
            Some('.') => !hay[end + 1..].chars().next().is_some_and(|c| c.is_alphanumeric()),
            Some(c) => !is_id_char(c),
        };
        if !before.is_some_and(is_id_char) && after_ok {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// The file line of a byte offset in a body's Markdown.
pub fn body_line(body: &Body, offset: usize) -> u64 {
    body.first_line + line_at(&body.markdown, offset)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn comments_keep_lines() {
        let s = "a <!-- x\ny --> b\nc";
        assert_eq!(strip_comments(s).unwrap(), "a \n b\nc");
        assert!(strip_comments("a <!-- b").is_err());
    }

    #[test]
    fn words() {
        assert!(find_word("zie wgbo-7-457.", "wgbo-7-457").is_some());
        assert!(find_word("zie xwgbo-7-457", "wgbo-7-457").is_none());
        assert!(find_word("zie wgbo-7-457a", "wgbo-7-457").is_none());
        assert!(find_word("route meldrecht.raad, zo", "meldrecht.raad").is_some());
    }
}
