//! The committed header `include/newsparse.h` must be what cbindgen generates from the
//! sources. Run with `NEWSPARSE_BLESS=1` (`make c-header`) to rewrite it.

use std::path::Path;

#[test]
fn header_is_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut generated);
    let path = dir.join("include/newsparse.h");
    if std::env::var_os("NEWSPARSE_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write header");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/newsparse.h is stale: run `make c-header` and commit the result"
    );
}
