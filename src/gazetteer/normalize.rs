//! One normal form for names and for article text, so that "Şuşa", "Susa" and "SUSA" meet, and
//! "Nagorno-Karabakh" meets "Nagorno Karabakh".
//!
//! Letters are transliterated to ASCII (deunicode) and case-folded; every other character
//! (spaces, punctuation, hyphens, apostrophes) becomes one separator space, runs collapsed. The
//! normalised text keeps, for every byte, the byte range of the original character it came from,
//! so matches found in normal form map back to exact offsets in the article.

/// Text in normal form with a map back to the original bytes.
#[derive(Debug, Default)]
pub struct Normalized {
    /// ASCII, lower case, single spaces; starts and ends with a space so that every word is
    /// bounded by spaces on both sides.
    pub text: String,
    /// For each byte of `text`, the start of the original character it came from.
    origin_start: Vec<u32>,
    /// For each byte of `text`, the end of the original character it came from.
    origin_end: Vec<u32>,
}

impl Normalized {
    /// Byte range in the original text of the normalised range `start..end` (non-empty).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin_start.get(start).copied().unwrap_or(0) as usize;
        let to = self
            .origin_end
            .get(end.saturating_sub(1))
            .copied()
            .unwrap_or(0) as usize;
        (from, to.max(from))
    }
}

/// Azerbaijani and Turkish letters that deunicode renders in a way writers never use.
fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ə' | 'Ə' | 'ǝ' | 'Ǝ' => "e",
        'ı' => "i",
        'ʻ' | 'ʼ' | '\'' | '’' | '‘' | '`' | '´' => " ",
        _ => return None,
    })
}

fn push_folded(c: char, out: &mut impl FnMut(u8)) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out(c.to_ascii_lowercase() as u8);
        } else {
            out(b' ');
        }
        return;
    }
    let replacement = special_letter(c).unwrap_or_else(|| {
        if c.is_alphanumeric() {
            deunicode::deunicode_char(c).unwrap_or(" ")
        } else {
            " "
        }
    });
    for b in replacement.bytes() {
        if b.is_ascii_alphanumeric() {
            out(b.to_ascii_lowercase());
        } else {
            out(b' ');
        }
    }
}

/// Normalise article text, keeping the map back to original byte offsets.
pub fn normalize_text(text: &str) -> Normalized {
    let mut n = Normalized {
        text: String::with_capacity(text.len() + 2),
        origin_start: Vec::with_capacity(text.len() + 2),
        origin_end: Vec::with_capacity(text.len() + 2),
    };
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len() + 2);
    bytes.push(b' ');
    n.origin_start.push(0);
    n.origin_end.push(0);
    for (offset, c) in text.char_indices() {
        let end = (offset + c.len_utf8()) as u32;
        let start = offset as u32;
        push_folded(c, &mut |b| {
            if b == b' ' && bytes.last() == Some(&b' ') {
                return;
            }
            bytes.push(b);
            n.origin_start.push(start);
            n.origin_end.push(end);
        });
    }
    if bytes.last() != Some(&b' ') {
        bytes.push(b' ');
        let len = text.len() as u32;
        n.origin_start.push(len);
        n.origin_end.push(len);
    }
    // Only ASCII bytes were pushed.
    n.text = String::from_utf8(bytes).unwrap_or_default();
    n
}

/// Normal form of a name: `"  Nagorno-Karabakh "` → `"nagorno karabakh"`.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        push_folded(c, &mut |b| {
            if b == b' ' && (out.is_empty() || out.ends_with(' ')) {
                return;
            }
            out.push(b as char);
        });
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_letters_fold_to_plain_latin() {
        assert_eq!(normalize_name("Şuşa"), "susa");
        assert_eq!(normalize_name("Xankəndi"), "xankendi");
        assert_eq!(normalize_name("Gəncə"), "gence");
        assert_eq!(normalize_name("Ağdam"), "agdam");
        assert_eq!(normalize_name("Qubadlı"), "qubadli");
    }

    #[test]
    fn hyphens_case_and_spaces_do_not_matter() {
        assert_eq!(
            normalize_name("Nagorno-Karabakh"),
            normalize_name(" nagorno  KARABAKH ")
        );
        assert_eq!(normalize_name("Haut-Karabakh"), "haut karabakh");
    }

    #[test]
    fn offsets_map_back_to_the_original_bytes() {
        let text = "Shelling hit Şuşa, and Gəncə.";
        let n = normalize_text(text);
        assert_eq!(n.text, " shelling hit susa and gence ");
        let at = n.text.find("susa").unwrap_or(0);
        let (start, end) = n.original_range(at, at + 4);
        assert_eq!(&text[start..end], "Şuşa");
        let at = n.text.find("gence").unwrap_or(0);
        let (start, end) = n.original_range(at, at + 5);
        assert_eq!(&text[start..end], "Gəncə");
    }

    #[test]
    fn possessive_apostrophe_leaves_the_name_whole() {
        assert_eq!(normalize_text("Moscow's offer").text, " moscow s offer ");
        assert_eq!(normalize_text("Moscow’s offer").text, " moscow s offer ");
    }
}
