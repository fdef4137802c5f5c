#!/bin/sh
# Checks one template before it is deployed, in any CI system or on a laptop:
#   OWL_JAR=path/to/outboundwishlist.jar examples/ci/pipeline.sh TEMPLATE [OUTPUT_DIR]
# OWL_REGION and OWL_ACCOUNT, when set, name the stack's Region and account, as CloudFormation
# passes them to the macro (some checks need the account: another account's resources, OWL220).
# Writes OUTPUT_DIR (default owl-out)/owl.sarif, expanded.yaml and plan.md. Fails on template
# errors, on cfn-lint or sam errors in the expanded template; warnings are reported, not fatal.
# Needs java (17+), cfn-lint and the sam CLI on PATH.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: OWL_JAR=outboundwishlist.jar $0 TEMPLATE [OUTPUT_DIR]" >&2
  exit 64
fi
template=$1
out=${2:-owl-out}
: "${OWL_JAR:?set OWL_JAR to the built outboundwishlist.jar}"
owl() { java -jar "$OWL_JAR" "$@"; }
mkdir -p "$out"
set -- "$template"
if [ -n "${OWL_REGION:-}" ]; then set -- "$@" --region "$OWL_REGION"; fi
if [ -n "${OWL_ACCOUNT:-}" ]; then set -- "$@" --account "$OWL_ACCOUNT"; fi

# 1. Findings: as text for the log, as SARIF for code scanning. Exit 4 is warnings only.
status=0
owl validate "$@" || status=$?
owl validate --format sarif "$@" > "$out/owl.sarif" || true
case $status in
  0|4) ;;
  *) echo "the template has errors; stopping before expansion" >&2; exit "$status" ;;
esac

# 2. The template CloudFormation will really see, linted by the tools that know it.
owl expand "$@" -o "$out/expanded.yaml"
cfn-lint "$out/expanded.yaml"
sam validate --lint --template-file "$out/expanded.yaml"

# 3. What the expansion adds and costs, for a pull-request comment.
owl plan --format markdown "$@" > "$out/plan.md"
echo "wrote $out/owl.sarif, $out/expanded.yaml and $out/plan.md"
