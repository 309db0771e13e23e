#!/usr/bin/env bash
# Packaging smoke: what `npm install -g incidentops` and `npx incidentops` give a user.
#
# Packs the package as it would be published (`npm pack`, from the current dist/cli), checks the
# tarball holds what the installed CLI needs and nothing of the sources, installs it into an empty
# prefix with an empty npm cache and --offline (so it proves the package needs nothing from the
# registry: the bundle carries its dependencies), then runs the installed `incidentops` through
# npm's bin link, from an empty directory, with the repository's node_modules out of reach:
# --help, --version, validate on a good and a broken file, a usage error, and `npx` from the tarball.
# Exits non-zero with a message on the first thing that is wrong. Run: bash scripts/pack-smoke.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

die() {
  echo "pack-smoke: $*" >&2
  exit 1
}

[[ -f dist/cli/index.js ]] || die "dist/cli/index.js is missing: run npm run bundle"
VERSION="$(node -p 'require("./package.json").version')"

# --- Pack ---------------------------------------------------------------------------------------
TARBALL="$TMP/$(npm pack --silent --pack-destination "$TMP" | tail -n 1)"
[[ -f "$TARBALL" ]] || die "npm pack produced no tarball"
echo "packed $(basename "$TARBALL") ($(du -k "$TARBALL" | cut -f1) kB)"
CONTENTS="$(tar -tzf "$TARBALL")"
for need in package/package.json package/dist/cli/index.js package/dist/cli/package.json package/LICENSE package/README.md package/CHANGELOG.md; do
  grep -qx "$need" <<<"$CONTENTS" || die "the tarball lacks $need (package.json \"files\")"
done
if grep -Eq '^package/(src|test|scripts|bench|node_modules|\.ci|\.github)/|^package/dist/index\.js$' <<<"$CONTENTS"; then
  die "the tarball carries files the installed CLI does not need: $(grep -E '^package/(src|test|scripts|bench|node_modules|\.ci|\.github)/|^package/dist/index\.js$' <<<"$CONTENTS" | head -n 5 | tr '\n' ' ')"
fi
echo "tarball: $(wc -l <<<"$CONTENTS") files, dist/cli + LICENSE + README + CHANGELOG, no sources"

# --- Install into an empty prefix, offline, with an empty cache --------------------------------
PREFIX="$TMP/prefix"
export npm_config_cache="$TMP/npm-cache" npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --global --offline --prefix "$PREFIX" "$TARBALL" >"$TMP/install.log" 2>&1 || {
  cat "$TMP/install.log" >&2
  die "npm install -g of the tarball failed offline: the package must need nothing from the registry (the CLI is bundled by ncc, so runtime packages belong in devDependencies)"
}
BIN="$PREFIX/bin/incidentops"
[[ -L "$BIN" || -f "$BIN" ]] || die "no $BIN after the install (package.json \"bin\")"
echo "installed: $BIN -> $(readlink "$BIN" || echo '(not a link)')"

# Runs the installed command from an empty directory, with only node's own directory on PATH
# next to the prefix: no repository node_modules, no tsx.
WORK="$TMP/work"
mkdir -p "$WORK"
NODE_DIR="$(dirname "$(command -v node)")"
run() {
  (cd "$WORK" && env -i PATH="$PREFIX/bin:$NODE_DIR:/usr/bin:/bin" HOME="$TMP" LANG=C.UTF-8 \
    npm_config_cache="$npm_config_cache" "$@")
}

# expect CODE PATTERN CMD...: runs CMD, requires exit CODE and PATTERN (grep -E) in stdout+stderr.
expect() {
  local want="$1" pattern="$2" rc=0 out
  shift 2
  out="$(run "$@" 2>&1)" || rc=$?
  if [[ $rc -ne $want ]] || ! grep -Eq -- "$pattern" <<<"$out"; then
    printf '%s\n' "$out" | head -n 20 >&2
    die "\`$*\` exited $rc (expected $want) and printed the above (expected /$pattern/)"
  fi
  echo "ok: $* -> exit $rc"
}

cat >"$WORK/good.yml" <<'YAML'
priorities:
  P1: { ack: 10m }
  P3: { ack: 4h }
YAML
cat >"$WORK/broken.yml" <<'YAML'
priorities:
  P1: { ack: soon }
YAML

expect 0 'incidentops validate' incidentops --help
expect 0 "^incidentops $VERSION\$" incidentops --version
expect 0 'good.yml: valid\. Priorities: P1 ack 10m,.*P3 ack 4h' incidentops validate good.yml
expect 1 'broken.yml:2:14: `priorities.P1.ack` is not a duration' incidentops validate broken.yml
expect 1 'no such file' incidentops validate
expect 2 'Unknown option "--bogus"' incidentops validate --bogus good.yml
expect 2 'Unknown command "frobnicate"' incidentops frobnicate
expect 0 'incidentops report --repo owner/name' incidentops report --help

# --- npx from the tarball (a fresh npx install into the empty cache, offline) ------------------
expect 0 "^incidentops $VERSION\$" npx --yes --offline --package "$TARBALL" -- incidentops --version
expect 1 'broken.yml:2:14' npx --yes --offline --package "$TARBALL" -- incidentops validate broken.yml

echo "pack-smoke: the packed incidentops $VERSION installs and runs (npm install -g and npx)"
