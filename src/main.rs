//! The `opora` binary: see `opora --help`.

fn main() -> std::process::ExitCode {
    opora::cmd::main()
}
