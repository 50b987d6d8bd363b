#!/usr/bin/env bash
# Restore guard for the LLM reviewer's packages (Semantic Kernel, OpenAI, Microsoft.Extensions.AI).
# A central pin below what a package asks for can restore without a word under the default
# resolver and then fail at run time with a missing assembly. The legacy resolver reports it as a
# downgrade (NU1605, or NU1109 for central pins), so this restores the one project holding those
# packages with it and fails on either code. Run by install-deps.sh, so CI runs it before the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/PolicyLens.Llm/PolicyLens.Llm.csproj
status=0
out=$(dotnet restore "$project" --force-evaluate -p:RestoreUseLegacyDependencyResolver=true 2>&1) || status=$?
if grep -qE 'NU1605|NU1109' <<<"$out"; then
  echo "check-restore: a central pin in Directory.Packages.props is below what a package needs:" >&2
  grep -E 'NU1605|NU1109' <<<"$out" | sort -u >&2
  echo "check-restore: raise the pinned version to at least the one named above." >&2
  exit 1
fi
if ((status != 0)); then
  echo "$out" >&2
  echo "check-restore: restoring $project failed (see above)." >&2
  exit "$status"
fi
