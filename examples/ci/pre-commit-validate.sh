#!/bin/sh
# The pre-commit hook (see .pre-commit-hooks.yaml): builds the CLI once in the hook's own clone,
# then validates the staged templates. Exit codes are validate's: 2 errors, 4 warnings, 6 both.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/src/cli/target/outboundwishlist.jar"
if [ ! -f "$jar" ]; then
  mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
fi
exec java -jar "$jar" validate "$@"
