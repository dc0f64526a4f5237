//! Links the `normdiff` executable at a fixed address (not as a
//! position-independent executable) on Linux.
//!
//! A PIE must have its tens of thousands of absolute addresses (string
//! tables, vtables, panic locations) patched by the dynamic loader at every
//! start, which copies the pages that hold them: about 0.4 ms of a
//! 6 ms `diff` on a small machine. A fixed-address executable starts
//! without that work.
//!
//! The trade-off: the executable's own code and data are no longer at a
//! random address (the heap, the stack and the shared libraries still
//! are). normdiff is memory-safe Rust with no `unsafe` code of its own, so
//! this hardening buys little here; see docs/DECISIONS.md.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
