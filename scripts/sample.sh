#!/usr/bin/env bash
# The main job on the bundled sample village: start the project-local PostgreSQL (scripts/dev-db.sh), create or
# update the schema, import samples/village.jsonl (generated if missing), run the nightly evaluation once as of
# 2022-06-30 under the 镇巴县 2021 profile and print its Chinese summary; the run's findings are exported to
# samples/village.findings.jsonl. Department rosters matching the sample (samples/rosters, generated if missing) are
# imported with dept import, so the night shows every DEPT-* rule. Running it again imports nothing new and runs an
# incremental night.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/dev-db.sh start
dotnet build src/Worker -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Worker/bin/Release/net10.0/monitoring.dll)
if [ ! -f samples/village.jsonl ]; then
  "${cli[@]}" generate --households 500 --seed 20220630 --as-of 2022-06-30 --output samples/village.jsonl
fi
if [ ! -d samples/rosters ]; then
  # The department rosters matching the sample (same seed; the households written alongside are identical and discarded).
  tmp=$(mktemp -d)
  "${cli[@]}" generate --households 500 --seed 20220630 --as-of 2022-06-30 --output "$tmp/village.jsonl" --rosters samples/rosters
  rm -rf "$tmp"
fi
"${cli[@]}" migrate
"${cli[@]}" import --input samples/village.jsonl --as-of 2022-06-30
for f in samples/rosters/*.jsonl; do
  IFS=. read -r list county snapshot _ <<< "$(basename "$f")"
  "${cli[@]}" dept import --list "$list" --county "$county" --snapshot "$snapshot" --input "$f" --by 部门数据共享
done
"${cli[@]}" dept list --as-of 2022-06-30
"${cli[@]}" run-nightly --as-of 2022-06-30 --profile shaanxi-zhenba-2021
"${cli[@]}" export-findings --run latest --output samples/village.findings.jsonl
echo "发现已导出到 samples/village.findings.jsonl（村级复核：export-findings --village 编码 --format xlsx）"
