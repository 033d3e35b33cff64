#!/usr/bin/env bash
# Store benchmark (docs/benchmarks.md): 1,000,000 generated households in a separate database "bench" on the
# dev cluster; the raw read of the rows a full run reads, a full run, an incremental night with 1% of the
# households changed, and a forced full run, each with wall time and peak RSS. Leaves the database in place.
#   bash scripts/bench-store.sh [households]   (default 1000000; needs ~8 GB free disk)
#   BENCH_DB=name keeps another database (default bench, which scripts/bench-web.sh reads); SKIP_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
changed=$((n / 100))
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/dev-db.sh start >/dev/null
[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Worker -c Release -v quiet -nologo >/dev/null
M=(dotnet src/Worker/bin/Release/net10.0/monitoring.dll)
db=${BENCH_DB:-bench}
CS="Host=127.0.0.1;Port=55432;Username=postgres;Database=$db"
P=shaanxi-zhenba-2021
PSQL=(psql -h 127.0.0.1 -p 55432 -U postgres)
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@"; }
mkdir -p bench-data
"${PSQL[@]}" -qc "DROP DATABASE IF EXISTS $db" && "${PSQL[@]}" -qc "CREATE DATABASE $db"
"${M[@]}" migrate --connection "$CS" >/dev/null
[ -f "bench-data/$n.jsonl" ] || "${M[@]}" generate --households "$n" --seed 42 --as-of 2022-07-05 --output "bench-data/$n.jsonl"
"${M[@]}" generate --households "$changed" --seed 43 --as-of 2022-07-06 --output "bench-data/$n-changed.jsonl" >/dev/null
timed "import $n" "${M[@]}" import --input "bench-data/$n.jsonl" --as-of 2022-07-05 --connection "$CS"
"${PSQL[@]}" -d "$db" -qc "VACUUM ANALYZE"
raw="COPY (SELECT h.id, h.current_hash, v.record::text, s.outcome_hash, s.outcome_run_id, s.rule_ids, s.candidate_type, s.risk_since_run_id, s.household_hash, s.next_change_on
  FROM households h JOIN household_versions v ON v.hash = h.current_hash
  LEFT JOIN household_evaluation_states s ON s.household_id = h.id AND s.profile = '$P') TO STDOUT (FORMAT BINARY)"
timed "raw read (before the first run)" "${PSQL[@]}" -d "$db" -c "$raw" >/dev/null
timed "full run, first night (every outcome new)" "${M[@]}" run-nightly --as-of 2022-07-05 --profile $P --connection "$CS"
timed "raw read" "${PSQL[@]}" -d "$db" -c "$raw" >/dev/null
timed "full run, next night (--full)" "${M[@]}" run-nightly --as-of 2022-07-06 --full --profile $P --connection "$CS"
# Other data under the same ids: stored members, cycles and visits are replaced, which the import refuses unless allowed.
"${M[@]}" import --input "bench-data/$n-changed.jsonl" --as-of 2022-07-07 --allow-removals --connection "$CS" >/dev/null
timed "incremental run, 1 %% changed" "${M[@]}" run-nightly --as-of 2022-07-07 --profile $P --connection "$CS" | grep -E "本次评估|确定评估范围" || true
timed "raw read" "${PSQL[@]}" -d "$db" -c "$raw" >/dev/null
timed "full run, same night (--full)" "${M[@]}" run-nightly --as-of 2022-07-07 --full --profile $P --connection "$CS"
