#!/usr/bin/env bash
# Builds the release a user downloads: per platform one folder (and archive) with the
# self-contained, single-file programs `policylens` (CLI) and `policylens-web` (web app), and
# beside them appsettings.json, rules/, seeds/ (the demo plans, top-level files only), wwwroot/
# and LEESMIJ.txt. No .NET needs to be installed where they run.
#
#   bash scripts/publish.sh [--out DIR] [RID ...]
#
# RIDs default to linux-x64 win-x64 osx-arm64; DIR defaults to dist/. Intermediate files go to
# DIR/.build, never to the checkout's bin/ and obj/. A platform whose runtime pack cannot be
# restored is reported and skipped; the others are still built (exit 1 if any was skipped).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/dist"
rids=()
while (($#)); do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) rids+=("$1"); shift ;;
  esac
done
((${#rids[@]})) || rids=(linux-x64 win-x64 osx-arm64)

# The embedded PDF engine's worker, where the checkout has it, is a program of its own beside the
# others (the readers look for it in the program's folder); published last, so its single-file
# executable replaces whatever the other projects copied of it.
projects=(PolicyLens.Cli PolicyLens.Web)
[[ -d "$root/src/PolicyLens.PdfPig" ]] && projects+=(PolicyLens.PdfPig)

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -1)"
build="$out/.build"
skipped=()

publish() { # project rid folder
  # Single file with the native SQLite library beside it (not extracted to the user's home at
  # start-up); no symbols; the same Release build as the tests use.
  dotnet publish "$root/src/$1" -c Release -r "$2" --self-contained \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=false -p:DebugType=none -p:GenerateDocumentationFile=false \
    --artifacts-path "$build" -o "$3" -nologo -v quiet
}

for rid in "${rids[@]}"; do
  name="policylens-$version-$rid"
  dir="$out/$name"
  rm -rf "$dir" "$out/$name.tar.gz" "$out/$name.zip"
  mkdir -p "$dir"
  echo "publish: $rid …" >&2
  failed=""
  for project in "${projects[@]}"; do
    publish "$project" "$rid" "$dir" || { failed="$project"; break; }
  done
  if [[ -n "$failed" ]]; then
    echo "publish: $rid skipped: $failed could not be restored or built (is its runtime pack served by the package source?)" >&2
    rm -rf "$dir"
    skipped+=("$rid")
    continue
  fi
  exe=""; [[ "$rid" == win-* ]] && exe=".exe"
  mv "$dir/PolicyLens.Web$exe" "$dir/policylens-web$exe"
  # Both projects bring the shared files; only what a user needs stays.
  rm -f "$dir"/*.pdb "$dir"/*.staticwebassets.*.json "$dir/web.config" "$dir"/*.deps.json "$dir"/*.runtimeconfig.json
  cp "$root/scripts/LEESMIJ.txt" "$dir/LEESMIJ.txt"
  if [[ "$rid" == win-* ]]; then
    (cd "$out" && zip -qr "$name.zip" "$name")
    echo "publish: $out/$name.zip" >&2
  else
    tar -C "$out" -czf "$out/$name.tar.gz" "$name"
    echo "publish: $out/$name.tar.gz" >&2
  fi
done

if ((${#skipped[@]})); then
  echo "publish: not built: ${skipped[*]}" >&2
  exit 1
fi
