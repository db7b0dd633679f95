//! The example programs, built for the tests that run them as processes.

use std::path::PathBuf;
use std::process::Command;

/// The example program `name`, built (when stale) with cargo beside the running test's
/// binary (`…/deps/test-…`), in the same profile: `cargo test` builds the examples, but not
/// when asked for one test.
pub(crate) fn build(name: &str) -> PathBuf {
    let mut build = Command::new(env!("CARGO"));
    build.args(["build", "--quiet", "--locked", "-p", "newsparse", "--example", name]);
    if !cfg!(debug_assertions) {
        build.arg("--release");
    }
    let status = build.status().expect("cargo runs");
    assert!(status.success(), "cargo build --example {name} failed");
    let exe = std::env::current_exe().expect("the test's own path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("the test sits in deps/");
    let path = dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.is_file(), "{} was not built", path.display());
    path
}
