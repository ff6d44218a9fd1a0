#!/usr/bin/env bash
# Byte-identical check of `bedflow run` on the Oxfordshire example: results.json byte for byte and
# every CSV by SHA-256, against files saved from an earlier build.
#
#   bench/golden/results-identical.sh save DIR    # run with the current code, keep results.json + csv.sha256 in DIR
#   bench/golden/results-identical.sh check DIR   # run with the current code, compare against DIR (exit 1 if different)
#
# REPLICATIONS (default 20, the scenario's own) and SCENARIO (default the Oxfordshire example)
# choose the run; the seed is the file's. The test GoldenRunTests keeps a 6-replication copy
# (tests/Bedflow.Cli.Tests/Golden/oxfordshire-6), made with
#   REPLICATIONS=6 bench/golden/results-identical.sh save tests/Bedflow.Cli.Tests/Golden/oxfordshire-6
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-}; dir=${2:-}
if [ -z "$dir" ] || { [ "$mode" != save ] && [ "$mode" != check ]; }; then
  echo "usage: $0 save|check DIR" >&2; exit 2
fi
scenario=${SCENARIO:-examples/oxfordshire/scenario.yaml}
replications=${REPLICATIONS:-20}
out=$(mktemp -d /tmp/bedflow-identical.XXXXXX)
trap 'rm -rf "$out"' EXIT

dotnet build src/Bedflow.Cli -c Release -nologo -v quiet >/dev/null
dotnet src/Bedflow.Cli/bin/Release/net10.0/bedflow.dll run "$scenario" --replications "$replications" --out "$out/run" >/dev/null
(cd "$out/run" && sha256sum -- *.csv) > "$out/csv.sha256"

if [ "$mode" = save ]; then
  mkdir -p "$dir"
  cp "$out/run/results.json" "$dir/results.json"
  cp "$out/csv.sha256" "$dir/csv.sha256"
  echo "saved $replications replications of $scenario to $dir"
  exit 0
fi

status=0
if cmp -s "$dir/results.json" "$out/run/results.json"; then
  echo "results.json: identical ($(wc -c < "$out/run/results.json") bytes)"
else
  echo "results.json: DIFFERENT"; cmp "$dir/results.json" "$out/run/results.json" || true
  diff "$dir/results.json" "$out/run/results.json" | head -n 20 || true
  status=1
fi
if diff -q "$dir/csv.sha256" "$out/csv.sha256" >/dev/null; then
  echo "CSV files: identical ($(wc -l < "$out/csv.sha256") files)"
else
  echo "CSV files: DIFFERENT"; diff "$dir/csv.sha256" "$out/csv.sha256" || true
  status=1
fi
exit $status
