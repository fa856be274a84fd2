#!/usr/bin/env bash
# Bootstraps, builds, runs every test project, and ends with one line "N passed, N failed, N skipped" counted from the
# TRX result files (dotnet test's own summary is not parsed). Exit code 0 only when nothing failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

scripts/bootstrap.sh || exit 1

echo "test.sh: building (Release)"
if ! dotnet build PhysML.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: the build failed; no tests ran" >&2
  exit 1
fi

# Window tests need an X server: start a private Xvfb unless a display is already set.
xvfb_pid=""
if [ -z "${DISPLAY:-}" ]; then
  # A display whose server does not come up (taken meanwhile, or slow on a loaded machine) is dropped for the next
  # number rather than handed to the window tests.
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 300); do
      { [ -e "/tmp/.X11-unix/X$n" ] || ! kill -0 "$xvfb_pid" 2>/dev/null; } && break
      sleep 0.1
    done
    if [ -e "/tmp/.X11-unix/X$n" ] && kill -0 "$xvfb_pid" 2>/dev/null; then
      export DISPLAY=":$n"
      break
    fi
    kill "$xvfb_pid" 2>/dev/null
    xvfb_pid=""
  done
fi
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null' EXIT

results="$root/TestResults"
rm -rf "$results"
projects=$(find tests -name '*.Tests.csproj' | sort)
# One dotnet test per project, each with its own TRX name: solution-wide runs name TRX files by the second and
# two projects finishing together would overwrite each other's results.
test_exit=0
for project in $projects; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || test_exit=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

# A test project whose host crashed writes no TRX: count it as a failure rather than report fewer tests.
expected=$(echo "$projects" | grep -c . || true)
found=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$found" -lt "$expected" ]; then
  echo "test.sh: only $found of $expected test projects wrote results" >&2
  failed=$((failed + expected - found))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$test_exit" -eq 0 ]
