#!/usr/bin/env bash
# Runs every test project (dotnet test KieBot.sln) and prints the totals last ("N passed, N failed").
# The storage and bot tests start throw-away PostgreSQL servers of their own: this script installs the server binaries
# first when the machine has none (Debian/Ubuntu: apt-get install postgresql, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  echo "installing postgresql (server binaries for the test fixtures)"
  if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "PostgreSQL server binaries are missing and this user cannot install them: run 'apt-get install -y postgresql' as root" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq postgresql >/dev/null
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    # Marked installed but its files are gone: put the server package back.
    server=$(apt-cache depends postgresql | sed -n 's/.*Depends: \(postgresql-[0-9][0-9]*\)$/\1/p' | head -n 1)
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --reinstall "$server" >/dev/null
  fi
fi

# Headless Chromium for the gallery's browser tests: installed when missing and this user can (root or sudo); without
# it those tests fail, naming the packages to install (a skipped test would prove nothing).
if ! { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  if [ "${as_root[*]}" != "false" ]; then
    echo "installing chromium and chromium-driver (the gallery's browser tests)"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null || echo "chromium could not be installed: the browser tests will say so"
  else
    echo "chromium is missing and this user cannot install it: the gallery's browser tests will fail (apt-get install -y chromium chromium-driver)"
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test KieBot.sln "$@" 2>&1 | tee "$log" || status=$?

# Totals over every test project ("Passed!  - Failed: 0, Passed: 27, Skipped: 0, Total: 27, ...").
read -r passed failed skipped projects < <(grep -E '^(Passed|Failed)! +- ' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')
if [ "$projects" -eq 0 ]; then
  echo "no test project reported results"
  status=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
