//! ingest::html: a saved web page → the article's text (headline and paragraphs).
//!
//! Input: the page's HTML as read. Output: a [`Document`] whose text is the extracted article,
//! one block (headline, paragraph, list item, quotation) per paragraph, blocks separated by a
//! blank line, white space collapsed; `converted` is true, so spans count in this text and the
//! JSON carries it. Invariants: no script, style, navigation, aside, footer, form, ad or
//! related-article list contributes text; the same page always gives the same text.
//!
//! Parsing is done by `scraper` (html5ever, the HTML5 parsing algorithm of browsers, so broken
//! markup and entities are handled as a browser would). Extraction is a small set of rules
//! rather than readability-style scoring, so that what is left out can be explained: the
//! article root is the `<article>`, `<main>`, `[role=main]` or `[itemprop=articleBody]` element
//! holding the most paragraph text (else `<body>`); inside it, elements named in
//! [`SKIP_TAGS`], with a role in [`SKIP_ROLES`], hidden, or with a class or id word in
//! [`SKIP_WORDS`] are left out with everything inside them; the text blocks are the
//! [`BLOCK_TAGS`] elements. The headline is the first `<h1>` (in the root, else anywhere
//! outside left-out parts), else `og:title`, else `<title>`. Two or more `<br>` in a row split
//! a block into paragraphs (pages that use them instead of `<p>`).
//!
//! Why rules rather than a Readability port: `readability` 0.3 (an arc90 port, not released
//! for years, on html5ever 0.26 with `reqwest` as a default feature) and `dom_smoothie` 0.19
//! (an active Readability.js port) decide by score thresholds that a journalist cannot be told
//! about when a paragraph goes missing, while each rule here is listed and tested on its own.
//! Neither was measured on pages; `dom_smoothie` is the one to try if real saved pages show the
//! rules missing too much. Known gap: text in bare `<div>`s beside paragraphs is left out
//! (only a page with no paragraph at all falls back to its whole text); figure captions are
//! left out on purpose.

use scraper::{ElementRef, Html, Node, Selector};

use super::{Document, Published};
use crate::error::{Error, Result};

/// Elements left out with all they contain: code, styling, navigation and page chrome, forms,
/// embedded media and figures (whose captions and credits are not the story's text).
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "select", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "figure", "picture",
    "img", "input", "textarea", "dialog", "menu", "head",
];

/// ARIA landmark roles of page chrome (WAI-ARIA 1.2 landmark roles, less `main` and `region`).
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "form",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Words in `class` or `id` values (split at spaces, `-` and `_`) that mark ads, related-article
/// lists, sharing and sign-up boxes and other chrome. Chosen by the storydiff team from the
/// class names common on news sites (e.g. `related-articles`, `ad-slot`, `share-tools`,
/// `newsletter-signup`, `breadcrumb`, `most-read`), and kept to whole words so that
/// `header`, `leading` or `shadow` do not match.
const SKIP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popular",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
];

/// Elements whose text is one block of the article.
const BLOCK_TAGS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "dt",
    "dd",
];

/// Inline elements: text inside them runs on without a space.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font",
];

/// Whether an input should be read as a web page: by its file ending (`.html`, `.htm`,
/// `.xhtml`), or by a leading `<!DOCTYPE html` or `<html` (after a byte-order mark, white space
/// and comments).
pub fn looks_like_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let mut t = text.trim_start_matches('\u{feff}').trim_start();
    // Skip leading comments (`<!-- saved from url=... -->`).
    while let Some(rest) = t.strip_prefix("<!--") {
        match rest.find("-->") {
            Some(end) => t = rest[end + 3..].trim_start(),
            None => return false,
        }
    }
    let head: String = t.chars().take(14).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Converts a read web page into the document of its article text.
pub fn convert(doc: &Document) -> Result<Document> {
    let page = parse(&doc.text);
    let text = extract_page(&page);
    if text.trim().is_empty() {
        return Err(Error::NoArticle {
            path: doc.path.clone().into(),
        });
    }
    Ok(Document {
        path: doc.path.clone(),
        text,
        converted: true,
        published: published(&page),
    })
}

/// The page's own publication date: `<meta property="article:published_time">` (Open Graph),
/// else JSON-LD `datePublished`, else the first `<time datetime>` (one marked `pubdate` or
/// `itemprop="datePublished"` first). Only the calendar date (the first ten characters of an
/// ISO 8601 value) is kept.
pub fn published(page: &Html) -> Option<Published> {
    let date = |v: &str| {
        v.trim()
            .get(..10)
            .and_then(|d| d.parse::<crate::CalendarDate>().ok())
    };
    let from = |css: &str, attr: &str| -> Option<crate::CalendarDate> {
        page.select(&sel(css)?)
            .find_map(|el| el.value().attr(attr).and_then(date))
    };
    if let Some(d) = from(
        "meta[property=\"article:published_time\"], meta[name=\"article:published_time\"], \
         meta[itemprop=\"datePublished\"]",
        "content",
    ) {
        return Some(Published {
            date: d,
            source: "its article:published_time",
        });
    }
    for script in page.select(&sel("script[type=\"application/ld+json\"]")?) {
        let json: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
            if let Some(d) = json_ld_date(&v, 0) {
                return Some(Published {
                    date: d,
                    source: "its JSON-LD datePublished",
                });
            }
        }
    }
    from(
        "time[pubdate][datetime], time[itemprop=\"datePublished\"][datetime]",
        "datetime",
    )
    .or_else(|| from("time[datetime]", "datetime"))
    .map(|d| Published {
        date: d,
        source: "its <time datetime>",
    })
}

/// The first `datePublished` in a JSON-LD value (objects, arrays, `@graph`), looking a few
/// levels deep at most.
fn json_ld_date(v: &serde_json::Value, depth: usize) -> Option<crate::CalendarDate> {
    if depth > 4 {
        return None;
    }
    match v {
        serde_json::Value::Object(m) => m
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(|d| d.trim().get(..10)?.parse().ok())
            .or_else(|| m.values().find_map(|x| json_ld_date(x, depth + 1))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| json_ld_date(x, depth + 1)),
        _ => None,
    }
}

/// The article text of an HTML page: blocks separated by blank lines, ending in a newline
/// (empty when the page holds no text).
pub fn extract(html: &str) -> String {
    extract_page(&parse(html))
}

/// Parses a page with its nesting and size capped first, as browsers cap them (see `bounds`):
/// the tree builder's work grows with the depth of every element.
fn parse(html: &str) -> Html {
    let html = super::bounds::limit(html);
    Html::parse_document(&html)
}

fn extract_page(page: &Html) -> String {
    let root = article_root(page);
    let mut blocks = collect_blocks(root);
    if blocks.is_empty() {
        // A page of bare text in <div>s: take the root's text as one block.
        blocks.extend(block_paragraphs(root));
    }
    if let Some(h) = headline(page, root) {
        if !blocks.contains(&h) {
            blocks.insert(0, h);
        }
    }
    if blocks.is_empty() {
        return String::new();
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The element holding the article: the candidate with the most paragraph text, else `<body>`,
/// else the whole document.
///
/// Linear in the page: candidates are scored from the last to the first, and a candidate
/// nested in another counts in the outer one's score by its own score, looked up rather than
/// walked again (20,000 nested `<article>` would otherwise be walked 20,000 times).
fn article_root(page: &Html) -> ElementRef<'_> {
    let candidates: Vec<ElementRef> =
        match sel("article, main, [role=main], [itemprop=articleBody]") {
            Some(s) => page.select(&s).collect(),
            None => Vec::new(),
        };
    let mut scores: std::collections::HashMap<ego_tree::NodeId, usize> =
        std::collections::HashMap::with_capacity(candidates.len());
    for el in candidates.iter().rev() {
        let score = blocks_score(*el, &scores);
        scores.insert(el.id(), score);
    }
    let mut best: Option<(usize, ElementRef)> = None;
    for el in candidates {
        if skipped_here_or_above(el) {
            continue;
        }
        let score = scores.get(&el.id()).copied().unwrap_or(0);
        // Strictly greater: on a tie the outer (earlier) element wins, so a <main> that
        // wraps the <article> keeps the headline standing just outside it.
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, el));
        }
    }
    if let Some((score, el)) = best {
        if score > 0 {
            return el;
        }
    }
    sel("body")
        .and_then(|s| page.select(&s).next())
        .unwrap_or_else(|| page.root_element())
}

/// The length of the text blocks under `root`, as [`collect_blocks`] finds them, with the
/// candidates already in `known` counted by their score instead of walked.
fn blocks_score(
    root: ElementRef,
    known: &std::collections::HashMap<ego_tree::NodeId, usize>,
) -> usize {
    let mut score = 0;
    let mut stack: Vec<ElementRef> = vec![root];
    while let Some(el) = stack.pop() {
        if el != root {
            if skip(el) {
                continue;
            }
            if let Some(s) = known.get(&el.id()) {
                score += s;
                continue;
            }
        }
        if BLOCK_TAGS.contains(&el.value().name()) {
            score += block_paragraphs(el).iter().map(String::len).sum::<usize>();
            continue;
        }
        stack.extend(el.children().filter_map(ElementRef::wrap));
    }
    score
}

/// Whether `el` or an ancestor is left out.
fn skipped_here_or_above(el: ElementRef) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(skip)
}

/// Whether an element is left out with everything in it.
fn skip(el: ElementRef) -> bool {
    let e = el.value();
    let name = e.name();
    if matches!(name, "html" | "body") {
        return false;
    }
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = e.attr("role") {
        if SKIP_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    // A <header> is chrome unless it holds the headline (an article's own header does).
    if name == "header" && !has_descendant(el, "h1") {
        return true;
    }
    let words = [e.attr("class"), e.attr("id")];
    words.iter().flatten().any(|v| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| SKIP_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    })
}

fn has_descendant(el: ElementRef, name: &str) -> bool {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .any(|d| d.value().name() == name)
}

/// The text blocks under `root`, in document order. Iterative, so deeply nested markup cannot
/// overflow the stack.
fn collect_blocks(root: ElementRef) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut stack: Vec<ElementRef> = vec![root];
    while let Some(el) = stack.pop() {
        if el != root && skip(el) {
            continue;
        }
        if BLOCK_TAGS.contains(&el.value().name()) {
            blocks.extend(block_paragraphs(el));
            continue;
        }
        let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
        stack.extend(children.into_iter().rev());
    }
    blocks
}

/// The text of one block, with left-out elements removed and white space collapsed.
fn block_text(el: ElementRef) -> String {
    collapse(&raw_text(el))
}

/// The paragraphs of one block: its text split at runs of two or more `<br>` (pages that
/// set paragraphs apart with `<br><br>` instead of `<p>`), each collapsed; empty ones dropped.
fn block_paragraphs(el: ElementRef) -> Vec<String> {
    raw_text(el)
        .split(BREAK_BREAK)
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Stands for `<br><br>` in raw text: a character no page text contains (a noncharacter).
const BREAK_BREAK: char = '\u{fdd0}';

/// The raw text under `el`: text nodes in order, a space at each element that is not inline,
/// [`BREAK_BREAK`] where a `<br>` follows another with only white space between.
fn raw_text(el: ElementRef) -> String {
    let mut raw = String::new();
    let mut last_br_at: Option<usize> = None;
    let mut stack = vec![*el];
    let mut first = true;
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => raw.push_str(&t.replace(BREAK_BREAK, " ")),
            Node::Element(e) => {
                if e.name() == "br" {
                    let after_br = last_br_at.is_some_and(|at| raw[at..].trim().is_empty());
                    if after_br {
                        raw.push(BREAK_BREAK);
                    }
                    raw.push(' ');
                    last_br_at = Some(raw.len());
                    first = false;
                    continue;
                }
                if !first {
                    if let Some(er) = ElementRef::wrap(node) {
                        if skip(er) {
                            continue;
                        }
                    }
                }
                if !INLINE_TAGS.contains(&e.name()) {
                    // Block boundaries and <br> separate words.
                    raw.push(' ');
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev());
            }
            _ => {}
        }
        first = false;
    }
    raw
}

/// The headline: the first `<h1>` in the root, else the first outside left-out parts, else
/// `og:title`, else `<title>`.
fn headline(page: &Html, root: ElementRef) -> Option<String> {
    let h1 = sel("h1")?;
    let usable = |h: &ElementRef| !skipped_here_or_above(*h);
    if let Some(h) = root.select(&h1).find(usable) {
        let t = block_text(h);
        if !t.is_empty() {
            return Some(t);
        }
    }
    if let Some(h) = page.select(&h1).find(usable) {
        let t = block_text(h);
        if !t.is_empty() {
            return Some(t);
        }
    }
    let og = sel("meta[property=\"og:title\"]")?;
    if let Some(m) = page.select(&og).next() {
        let t = collapse(m.value().attr("content").unwrap_or(""));
        if !t.is_empty() {
            return Some(t);
        }
    }
    let title = sel("title")?;
    page.select(&title)
        .next()
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Site | Talks end</title><style>p{color:red}</style>
<script>var x = "<p>not text</p>";</script></head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="ad-slot">Buy now!</div>
<main>
<article>
<header><h1>Talks end   without a deal</h1><p class="byline">By A. Writer</p></header>
<p>The talks ended on Friday after <b>five</b> hours.</p>
<div class="share-tools"><p>Share this story</p></div>
<p>&ldquo;We are partners,&rdquo; he said.<script>track()</script></p>
<figure><img src="x.jpg"><figcaption>Photo: agency</figcaption></figure>
<ul><li>First point.</li><li>Second<br>point.</li></ul>
<aside><p>Read more: another story</p></aside>
<section class="related-articles"><h2>Related Articles</h2><p>Other news.</p></section>
</article>
</main>
<footer><p>Copyright 2024</p></footer>
</body></html>"#;

    #[test]
    fn extracts_headline_and_paragraphs_only() {
        let t = extract(PAGE);
        assert_eq!(
            t,
            "Talks end without a deal\n\nBy A. Writer\n\nThe talks ended on Friday after five hours.\n\n\
             \u{201c}We are partners,\u{201d} he said.\n\nFirst point.\n\nSecond point.\n"
        );
    }

    #[test]
    fn headline_outside_the_article_is_found() {
        let page = "<html><body><h1>Big news</h1><div class=\"menu\"><h1>Menu</h1></div>\
                    <article><p>Body text here.</p></article></body></html>";
        assert_eq!(extract(page), "Big news\n\nBody text here.\n");
    }

    #[test]
    fn title_when_no_h1() {
        let page = "<html><head><title> A  title </title></head><body><p>Text.</p></body></html>";
        assert_eq!(extract(page), "A title\n\nText.\n");
    }

    #[test]
    fn biggest_article_wins_over_related_cards() {
        let page = "<body><article><p>Short card.</p></article>\
                    <article><p>The real story is much longer than the card.</p>\
                    <p>And goes on.</p></article></body>";
        assert_eq!(
            extract(page),
            "The real story is much longer than the card.\n\nAnd goes on.\n"
        );
    }

    #[test]
    fn hidden_and_roles_are_left_out() {
        let page = "<body><div role=\"navigation\"><p>Nav</p></div><p hidden>Hidden</p>\
                    <p style=\"display: none\">None</p><p aria-hidden=\"true\">Aria</p>\
                    <p>Kept.</p></body>";
        assert_eq!(extract(page), "Kept.\n");
    }

    #[test]
    fn bare_div_text_is_kept() {
        assert_eq!(
            extract("<html><body><div>Only <i>div</i> text.</div></body></html>"),
            "Only div text.\n"
        );
    }

    #[test]
    fn double_breaks_separate_paragraphs() {
        let page = "<body><div>First para.<br><br>Second <b>para</b>.<br>\n <br/>Third.</div>\
                    </body>";
        assert_eq!(extract(page), "First para.\n\nSecond para.\n\nThird.\n");
        // One <br> is a line break inside a paragraph.
        assert_eq!(
            extract("<body><p>Line one<br>line two.</p></body>"),
            "Line one line two.\n"
        );
    }

    #[test]
    fn empty_page_is_an_error_not_a_panic() {
        let d = Document::from_text("x.html", "<html><body><script>x</script></body></html>");
        assert!(convert(&d).is_err());
        for junk in ["", "<", "<<<>>>", "<p", "</p></p>", "<!DOCTYPE html"] {
            let _ = extract(junk);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(3000),
            "</div>".repeat(3000)
        );
        assert!(extract(&page).contains("deep"));
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("a.HTML", "plain"));
        assert!(looks_like_html("a.htm", ""));
        assert!(looks_like_html("-", "\u{feff}  <!doctype html><p>x"));
        assert!(looks_like_html("x", "<!-- saved from -->\n<HTML lang=en>"));
        assert!(!looks_like_html("a.txt", "The <html> tag is old."));
        assert!(!looks_like_html("a.txt", "<!-- unterminated"));
        assert!(!looks_like_html("é.txt", "é"));
    }

    #[test]
    fn converted_flag_and_path() {
        let d = convert(&Document::from_text("p.html", PAGE)).unwrap();
        assert!(d.converted);
        assert_eq!(d.path, "p.html");
    }
}
