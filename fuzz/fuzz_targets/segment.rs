//! fuzz target `segment`: arbitrary bytes → lossy UTF-8 text → segment::segment; checks that
//! every span lies on char boundaries, in order, inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for s in storydiff::segment::segment(&text) {
        assert!(s.start <= s.end && s.end <= text.len(), "span out of range");
        assert!(s.start >= last, "spans overlap or go backwards");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        last = s.end;
    }
    let _ = storydiff::sentences(&text);
});
