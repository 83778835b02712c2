//! The bytes that the sentence splitter and the credit-line rule look at, found in one pass
//! over the article: most of an article is neither, and both rules then visit only these.

/// What a byte is to [`scan`].
const NOTHING: u8 = 0;
const STOP: u8 = 1;
const ANCHOR: u8 = 2;

/// Bytes where a sentence may end, and bytes of which every credit marker holds at least one
/// (`:` "photo:", `(` "(c)", the last byte of "©", `y` "reporting by", "copyright").
const CLASS: [u8; 256] = {
    let mut table = [NOTHING; 256];
    table[b'\n' as usize] = STOP;
    table[b'.' as usize] = STOP;
    table[b'!' as usize] = STOP;
    table[b'?' as usize] = STOP;
    let mut i = 0;
    while i < CREDIT_ANCHOR_BYTES.len() {
        table[CREDIT_ANCHOR_BYTES[i] as usize] = ANCHOR;
        i += 1;
    }
    table[b'Y' as usize] = ANCHOR;
    table
};

/// Lower-case bytes that anchor credit markers; `Y` anchors as `y`.
pub const CREDIT_ANCHOR_BYTES: [u8; 4] = [b':', b'(', 0xA9, b'y'];

/// Byte offsets of an article's possible sentence ends and credit-marker anchors, in order.
#[derive(Debug, Default)]
pub struct Landmarks {
    /// `\n`, `.`, `!`, `?`.
    pub stops: Vec<u32>,
    /// Bytes of [`CREDIT_ANCHOR_BYTES`] (and `Y`).
    pub credit_anchors: Vec<u32>,
}

/// Every landmark of `text`.
pub fn scan(text: &str) -> Landmarks {
    let mut landmarks = Landmarks {
        stops: Vec::with_capacity(text.len() / 64),
        credit_anchors: Vec::with_capacity(text.len() / 32),
    };
    for (at, &b) in text.as_bytes().iter().enumerate() {
        match CLASS[b as usize] {
            NOTHING => {}
            STOP => landmarks.stops.push(at as u32),
            _ => landmarks.credit_anchors.push(at as u32),
        }
    }
    landmarks
}
