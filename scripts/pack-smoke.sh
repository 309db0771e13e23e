#!/usr/bin/env bash
# Packaging smoke: what `npm install -g incidentops` and `npx incidentops` give a user.
#
# Packs the package as it would be published (`npm pack`, from the current dist/), checks the
# tarball holds what the installed CLI needs and nothing of the sources, installs it into an empty
# prefix with an empty npm cache and --offline (so it proves the package needs nothing from the
# registry: the bundle carries its dependencies), then runs the installed `incidentops` through
# npm's bin link, from an empty directory, with the repository's node_modules out of reach:
# --help, --version, validate on a good and a broken file, a usage error, `npx` from the tarball,
# `demo --quick` (the installed action bundle on the installed emulator; its page, Mermaid inlined)
# and `emulator --seed demo` driven with curl and `report --api-url`, then stopped with SIGTERM.
# Exits non-zero with a message on the first thing that is wrong. Run: bash scripts/pack-smoke.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
TMP="$(mktemp -d)"
EMU_PID=""
trap 'if [[ -n "$EMU_PID" ]]; then kill "$EMU_PID" 2>/dev/null || true; fi; rm -rf "$TMP"' EXIT

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
for need in package/package.json package/dist/cli/index.js package/dist/cli/package.json package/dist/cli/mermaid.min.js \
  package/dist/index.js package/dist/package.json package/LICENSE package/README.md package/CHANGELOG.md; do
  grep -qx "$need" <<<"$CONTENTS" || die "the tarball lacks $need (package.json \"files\")"
done
grep -Eq '^package/dist/cli/[^/]+\.graphql$' <<<"$CONTENTS" || die "the tarball lacks GitHub's GraphQL schema next to the CLI bundle (the emulator reads it)"
SOURCES='^package/(src|test|scripts|bench|node_modules|\.ci|\.github|docs|examples)/'
if grep -Eq "$SOURCES" <<<"$CONTENTS"; then
  die "the tarball carries files the installed CLI does not need: $(grep -E "$SOURCES" <<<"$CONTENTS" | head -n 5 | tr '\n' ' ')"
fi
echo "tarball: $(wc -l <<<"$CONTENTS") files, $(gzip -dc "$TARBALL" | tar -tv | awk '{s += $3} END {print int(s / 1024)}') kB unpacked: dist/cli + the action bundle dist/index.js + LICENSE + README + CHANGELOG, no sources"

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

# --- The demo from the installed package (quick: one incident, then the weekly report) ---------
expect 0 'Done in [0-9.]+ s\. What a person would see on GitHub is in ' incidentops demo --quick --out demo
DEMO="$WORK/demo"
for f in index.html issue-1.md board.md report.md; do [[ -s "$DEMO/$f" ]] || die "demo --quick wrote no $f"; done
grep -q '`priority/P1`' "$DEMO/issue-1.md" || die "the demo's incident is not labelled priority/P1: $(head -n 5 "$DEMO/issue-1.md")"
grep -q 'Stage .*\*\*Resolved\*\*\|stage/postmortem' "$DEMO/issue-1.md" || die "the demo's incident was not resolved"
[[ "$(grep -c '```mermaid' "$DEMO/report.md")" -ge 1 ]] || die "the demo's report has no Mermaid chart"
grep -q '<pre class="mermaid">' "$DEMO/index.html" || die "the demo page has no Mermaid block"
grep -Eq '<script[^>]*\ssrc=' "$DEMO/index.html" && die "the demo page loads a script from elsewhere (it must work offline)"
[[ $(wc -c <"$DEMO/index.html") -gt 1000000 ]] || die "the demo page does not inline Mermaid's bundle ($(wc -c <"$DEMO/index.html") bytes)"
echo "ok: the installed demo wrote $(ls "$DEMO" | tr '\n' ' ')(index.html $(($(wc -c <"$DEMO/index.html") / 1024)) kB, Mermaid inlined)"

# --- The installed emulator: started, driven with curl and report --api-url, stopped by SIGTERM --
EMU_LOG="$TMP/emulator.log"
(cd "$WORK" && exec env -i PATH="$PREFIX/bin:$NODE_DIR:/usr/bin:/bin" HOME="$TMP" LANG=C.UTF-8 incidentops emulator --seed demo >"$EMU_LOG" 2>&1) &
EMU_PID=$!
for _ in $(seq 1 300); do
  grep -q '^Stop with Ctrl-C' "$EMU_LOG" 2>/dev/null && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$EMU_LOG" >&2; die "incidentops emulator exited before it was up"; }
  sleep 0.1
done
grep -q '^Stop with Ctrl-C' "$EMU_LOG" || { cat "$EMU_LOG" >&2; die "incidentops emulator did not say it was up within 30 s"; }
EMU_URL="$(sed -n 's/^IncidentOps GitHub emulator at \(http:[^ ]*\) .*/\1/p' "$EMU_LOG")"
EMU_TOKEN="$(sed -n 's/^Token: \([^ ]*\) .*/\1/p' "$EMU_LOG")"
[[ -n "$EMU_URL" && -n "$EMU_TOKEN" ]] || { cat "$EMU_LOG" >&2; die "incidentops emulator printed no URL or token"; }
curl -fsS -H "Authorization: Bearer $EMU_TOKEN" "$EMU_URL/repos/acme/shop/issues?state=all&per_page=100" >"$TMP/issues.json" || die "curl $EMU_URL/repos/acme/shop/issues failed"
COUNT="$(node -e 'console.log(JSON.parse(require("node:fs").readFileSync(0, "utf8")).length)' <"$TMP/issues.json")"
[[ "$COUNT" == 60 ]] || die "the seeded emulator lists $COUNT issues for acme/shop (expected the 60 seeded)"
echo "ok: curl $EMU_URL/repos/acme/shop/issues -> $COUNT issues"
expect 0 '^## Reliability report: acme/shop, ' env GITHUB_TOKEN="$EMU_TOKEN" incidentops report --repo acme/shop --api-url "$EMU_URL"
kill -TERM "$EMU_PID"
EMU_RC=0
wait "$EMU_PID" || EMU_RC=$?
EMU_PID=""
[[ $EMU_RC -eq 0 ]] || { cat "$EMU_LOG" >&2; die "incidentops emulator exited $EMU_RC on SIGTERM (expected 0)"; }
grep -q '^Emulator stopped\.$' "$EMU_LOG" || die "incidentops emulator did not say it stopped"
echo "ok: incidentops emulator --seed demo -> up, curl + report --api-url, SIGTERM -> exit 0"

echo "pack-smoke: the packed incidentops $VERSION installs and runs (npm install -g, npx, demo --quick, emulator)"
