#!/usr/bin/env bash
# Regenerates the example outputs committed in docs/examples/ from the
# bundled fixtures. tests/cli/examples.rs fails when they are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
# NORMDIFF=path/to/normdiff skips the release build (the output does not
# depend on the build profile).
if [ -z "${NORMDIFF:-}" ]; then
  cargo build --quiet --release
fi
nd=${NORMDIFF:-target/release/normdiff}
old=fixtures/drafts/gge/old.txt
new=fixtures/drafts/gge/new.txt
# Exit code 1 means "differences found", which is expected here.
"$nd" diff "$old" "$new" > docs/examples/gge-redline.md || [ $? -eq 1 ]
"$nd" diff --style critic "$old" "$new" > docs/examples/gge-redline-critic.md || [ $? -eq 1 ]
"$nd" diff --format html "$old" "$new" > docs/examples/gge-redline.html || [ $? -eq 1 ]
"$nd" diff --format summary "$old" "$new" > docs/examples/gge-summary.txt || [ $? -eq 1 ]
echo "docs/examples updated"
