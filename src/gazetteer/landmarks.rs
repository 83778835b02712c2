//! The bytes that the sentence splitter and the credit-line rule look at. Normalising the
//! article ([`super::normalize::normalize_text`]) visits every byte anyway and notes them on the
//! way: most of an article is neither, and both rules then visit only these.

/// Bytes of which every credit marker holds at least one: `:` "photo:", `(` "(c)", the last byte
/// of "©", `y` "reporting by", "copyright". `Y` anchors as `y`.
pub const CREDIT_ANCHOR_BYTES: [u8; 4] = [b':', b'(', 0xA9, b'y'];

/// Byte offsets of an article's possible sentence ends and credit-marker anchors, in order.
#[derive(Debug, Default)]
pub struct Landmarks {
    /// Every `\n`, `.`, `!` and `?`.
    pub stops: Vec<u32>,
    /// Every `:`, `(`, `y` and `Y`, and the last byte of every `©`.
    pub credit_anchors: Vec<u32>,
}

/// A letter or digit, copied lower-cased into the normal form.
pub const WORD: u8 = 1;
/// A possible sentence end.
pub const STOP: u8 = 2;
/// A credit-marker anchor.
pub const ANCHOR: u8 = 4;
/// Part of a non-ASCII character.
pub const NON_ASCII: u8 = 8;

/// What each byte is, as flags.
pub const BYTE_FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if !c.is_ascii() {
            table[b] = NON_ASCII;
        } else if c.is_ascii_alphanumeric() {
            table[b] = WORD;
        }
        b += 1;
    }
    table[b'\n' as usize] |= STOP;
    table[b'.' as usize] |= STOP;
    table[b'!' as usize] |= STOP;
    table[b'?' as usize] |= STOP;
    table[b':' as usize] |= ANCHOR;
    table[b'(' as usize] |= ANCHOR;
    table[b'y' as usize] |= ANCHOR;
    table[b'Y' as usize] |= ANCHOR;
    table
};
