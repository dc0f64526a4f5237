# Sourced by scripts/bench-*.sh: installs the peer tools a benchmark needs
# (never done by the tests) and builds the release binary.

# need COMMAND PACKAGE: installs the Debian PACKAGE when COMMAND is missing
# (a name on PATH or an absolute path), refreshing the package index once if
# the first attempt fails.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get install -y -qq "$2" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null; }
}

# hyperfine from Debian, else from crates.io.
need_hyperfine() {
  need hyperfine hyperfine || cargo install --locked hyperfine >/dev/null
}

# Builds normdiff in release mode and sets BIN to the binary.
build_normdiff() {
  cargo build --release -q -p normdiff
  BIN=$PWD/target/release/normdiff
}

# diff_ok A B [ARGS...]: runs `normdiff diff` once and fails unless it exits
# 0 or 1 (same / different), so that hyperfine's -i (needed because exit 1
# means "differences") can never hide an exit 2.
diff_ok() {
  local rc=0
  "$BIN" diff "$@" -o /dev/null || rc=$?
  [ "$rc" -le 1 ] || { echo "normdiff diff $* exited $rc" >&2; exit 2; }
}
