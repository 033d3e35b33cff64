#!/usr/bin/env bash
# Web load benchmark (docs/benchmarks.md, issue 9): 50 signed-in village users browse review lists and household
# pages of the 1,000,000-household store of scripts/bench-store.sh (database "bench") while a full nightly run is in
# progress. Prints p50/p95/p99 latency and errors per kind of request. Loopback only; bounded in time.
#   bash scripts/bench-web.sh [users] [seconds]     (default 50 users, 60 s; run scripts/bench-store.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
seconds=${2:-60}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The project-local cluster (or one already listening on the port, e.g. started from another worktree).
pg_isready -q -h 127.0.0.1 -p 55432 || bash scripts/dev-db.sh start >/dev/null
dotnet build src/Worker -c Release -v quiet -nologo >/dev/null
M=(dotnet src/Worker/bin/Release/net10.0/monitoring.dll)
CS="Host=127.0.0.1;Port=55432;Username=postgres;Database=bench"
P=shaanxi-zhenba-2021
PSQL=(psql -h 127.0.0.1 -p 55432 -U postgres -d bench -tA)
url=http://127.0.0.1:5091
[ "$("${PSQL[@]}" -c "SELECT count(*) FROM evaluation_runs WHERE status = 'completed'")" -gt 0 ] \
  || { echo "bench-web: the bench database has no completed run: run scripts/bench-store.sh first" >&2; exit 1; }
"${M[@]}" migrate --connection "$CS" >/dev/null
work=$(mktemp -d)
service=""; run=""
trap 'kill $service $run 2>/dev/null || true; rm -rf "$work"' EXIT
# One village user per village with the most flagged households (so every user's list is long).
"${PSQL[@]}" -c "SELECT village_code FROM household_outcomes o JOIN evaluation_runs r ON r.id = o.run_id
  WHERE o.village_code IS NOT NULL GROUP BY village_code ORDER BY count(*) DESC, village_code LIMIT $users" > "$work/villages"
mapfile -t villages < "$work/villages"
# Plain http on the loopback interface: cookies without the Secure flag (with it, antiforgery refuses every page over http).
Web__SecureCookies=false "${M[@]}" service --no-scheduler --urls "$url" --connection "$CS" > "$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 120); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$url/health/ready" >/dev/null || { cat "$work/service.log" >&2; exit 1; }
# Users load1..loadN, created once; a user left by an earlier run that cannot sign in (disabled, locked, another
# password) is enabled and given its password again. A sign-in that works costs one request, not a process.
for i in $(seq 1 "$users"); do
  village=${villages[$(( (i - 1) % ${#villages[@]} ))]}
  name="load$i"
  pass="Load-Bench-$i-pass"
  if [ "$("${PSQL[@]}" -c "SELECT count(*) FROM web_users WHERE user_name = '$name'")" = 0 ]; then
    printf '%s\n' "$pass" | "${M[@]}" users add --user "$name" --role village --area "$village" --password-stdin --connection "$CS" >/dev/null
  elif ! curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"user\":\"$name\",\"password\":\"$pass\"}" "$url/api/v1/login"; then
    "${M[@]}" users enable --user "$name" --connection "$CS" >/dev/null
    printf '%s\n' "$pass" | "${M[@]}" users reset-password --user "$name" --password-stdin --connection "$CS" >/dev/null
  fi
  village=$("${PSQL[@]}" -c "SELECT area_code FROM web_users WHERE user_name = '$name'")
  echo "$name $pass $village" >> "$work/users"
done
# A full night of the latest as-of in force (a regular night, not a past one), started before the users arrive.
as_of=$("${PSQL[@]}" -c "SELECT max(as_of) FROM evaluation_runs WHERE status = 'completed' AND NOT point_in_time AND profile = '$P'")
"${M[@]}" run-nightly --as-of "$as_of" --full --profile $P --connection "$CS" > "$work/run.log" 2>&1 &
run=$!
sleep 10  # the run is reading and evaluating by now
echo "load average before the load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "nightly run (full, as of $as_of) in progress (pid $run) while $users users browse for $seconds s"
"${M[@]}" bench-web --url "$url" --users-file "$work/users" --duration "$seconds" || true
echo "load average after the load: $(cut -d' ' -f1-3 /proc/loadavg)"
if kill -0 "$run" 2>/dev/null; then echo "the nightly run was still in progress when the load ended"; else echo "WARNING: the nightly run ended before the load did"; fi
wait "$run" || true
tail -n 3 "$work/run.log"
