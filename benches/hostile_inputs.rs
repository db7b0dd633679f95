//! Hostile inputs: text that is not news, or news mangled, built deterministically at any size.
//! Shared by the hostile-input tests (`crates/newsparse/tests/hostile.rs`) and the bench group
//! (`benches/hostile.rs`) through `#[path]`.

/// The reference article, the raw material of several inputs.
pub(crate) const ARTICLE: &str = include_str!("../examples/ukraine-guarantees.txt");

/// A small deterministic generator (xorshift64*), so every run sees the same bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Appends pieces from `next` to a string until it holds at least `size` bytes.
fn fill(size: usize, mut next: impl FnMut(&mut String)) -> String {
    let mut s = String::with_capacity(size + 64);
    while s.len() < size {
        next(&mut s);
    }
    s
}

/// Every hostile input at about `size` bytes, each with its name.
pub(crate) fn inputs(size: usize) -> Vec<(&'static str, String)> {
    vec![
        ("double_quotes", "\"".repeat(size)),
        ("quote_mix", quote_mix(size)),
        ("one_line", fill(size, |s| s.push_str(&ARTICLE.replace('\n', " ")))),
        ("capitalised_words", capitalised_words(size)),
        ("capitalised_lines", capitalised_lines(size)),
        ("nested_quotes", nested_quotes(size)),
        ("controls", controls(size)),
        ("crlf", fill(size, |s| s.push_str(&ARTICLE.replace('\n', "\r\n")))),
        ("only_boilerplate", only_boilerplate(size)),
        ("back_references", fill(size, |s| s.push_str("The same official said it failed. "))),
        ("glued_cues", fill(size, |s| s.push_str("\"said"))),
        ("cue_sentence", cue_sentence(size)),
    ]
}

/// One sentence, never ended, of cue words and sources: every cue's rules read the words
/// around it, none of which ends the sentence.
fn cue_sentence(size: usize) -> String {
    let mut rng = Rng(11);
    let pieces = ["according to x ", "said ", "officials told ", "people familiar ", "stressing "];
    fill(size, |s| s.push_str(rng.pick(&pieces)))
}

/// Random runs of every quotation mark and apostrophe between short words.
fn quote_mix(size: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let pieces = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "said", "Kyiv's", " ", " ", "\n"];
    fill(size, |s| s.push_str(rng.pick(&pieces)))
}

/// Capitalised words, as in a list of names with no sentence around them.
fn capitalised_words(size: usize) -> String {
    let mut rng = Rng(42);
    let words = ["Abe", "Van", "De", "Kyiv", "Trump", "President", "Said", "Reuters", "Al-Zor"];
    fill(size, |s| {
        s.push_str(rng.pick(&words));
        s.push(' ');
    })
}

/// Lines of a dozen capitalised words: many paragraphs of names, the same few surnames
/// recurring throughout.
fn capitalised_lines(size: usize) -> String {
    let mut rng = Rng(43);
    let words = ["Abe", "Van", "De", "Kyiv", "Trump", "Said", "Reuters", "John", "Smith", "NATO"];
    let mut n = 0;
    fill(size, |s| {
        s.push_str(rng.pick(&words));
        n += 1;
        s.push(if n % 12 == 0 { '\n' } else { ' ' });
    })
}

/// Quotation marks nested ever deeper, closed at the end.
fn nested_quotes(size: usize) -> String {
    let depth = size / 8;
    let mut s = String::with_capacity(size);
    for i in 0..depth {
        s.push_str(if i % 2 == 0 { "“a " } else { "‘b " });
    }
    for i in (0..depth).rev() {
        s.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    s
}

/// NULs, zero-width characters and right-to-left text mixed into news.
fn controls(size: usize) -> String {
    let mut rng = Rng(7);
    let pieces = [
        "\0",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "\u{202E}",
        "שלום ",
        "مرحبا ",
        "He said ",
        "\"Q,\" ",
    ];
    fill(size, |s| s.push_str(rng.pick(&pieces)))
}

/// Related-link teasers and prompts, and nothing else.
fn only_boilerplate(size: usize) -> String {
    let lines = [
        "Zelensky: US must be part of Ukraine peacekeeping forces23.01.25, 08:26 • 117907 views\n",
        "Read more: Trump wants to meet with Putin\n",
        "Share this article\n",
        "Photo: Reuters\n",
        "Sign up for our newsletter\n",
    ];
    let mut i = 0;
    fill(size, |s| {
        s.push_str(lines[i % lines.len()]);
        i += 1;
    })
}
