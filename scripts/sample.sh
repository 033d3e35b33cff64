#!/usr/bin/env bash
# The main job on the bundled sample village: start the project-local PostgreSQL (scripts/dev-db.sh), create or
# update the schema, import samples/village.jsonl (generated if missing), run the nightly evaluation once as of
# 2022-06-30 under the 镇巴县 2021 profile and print its Chinese summary; the run's findings are exported to
# samples/village.findings.jsonl. Department rosters matching the sample (samples/rosters, generated if missing) are
# imported with dept import, so the night shows every DEPT-* rule. Running it again imports nothing new and runs an
# incremental night.
# It ends with one demo web user per role for the sample's areas (passwords printed once, when the user is created) and
# starts `monitoring service` in the background on http://127.0.0.1:5080 (SAMPLE_NO_SERVICE=1: not). The schema is created as the owner role (postgres); everything else connects as the
# application role monitoring_app that the migrations create (docs/deployment.md).
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

# Demo users, one per role, for the sample's areas (镇巴县 610728, 泾洋街道 610728001, 东风村 610728001001).
existing=$("${cli[@]}" users list | cut -f1)
add_user() {
  if grep -qx "$1" <<<"$existing"; then
    echo "演示用户 $1 已存在（密码在首次创建时已显示；可用 users reset-password --user $1 重置）"
  else
    "${cli[@]}" users add --user "$1" --role "$2" --area "$3" --display-name "$4"
  fi
}
add_user demo-village village 610728001001 "村级演示"
add_user demo-town town 610728001 "镇级演示"
add_user demo-county county 610728 "县级演示"
add_user demo-auditor auditor 610728 "审计演示"
add_user demo-admin admin 610728 "管理员演示"
# The web service, left running for the demo (plain http on this machine: the cookies go without the Secure flag, which
# the antiforgery check of every form otherwise requires over https). SAMPLE_NO_SERVICE=1 leaves it out.
mkdir -p .sample-service
pidfile=.sample-service/pid
url=http://127.0.0.1:5080
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "网页服务已在运行（进程 $(cat "$pidfile")）：$url"
elif [ -z "${SAMPLE_NO_SERVICE:-}" ]; then
  Web__SecureCookies=false nohup "${cli[@]}" service --urls "$url" > .sample-service/service.log 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 90); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { echo "网页服务未能启动，日志：.sample-service/service.log" >&2; tail -n 20 .sample-service/service.log >&2; exit 1; }
    sleep 1
  done
  echo "网页服务已启动（进程 $(cat "$pidfile")，日志 .sample-service/service.log，同时运行夜间评估计划）"
fi
cat <<TEXT
在浏览器打开 $url ，用上面的演示用户登录（API 文档：$url/api-docs/index.html，OpenAPI：/openapi/v1.json；
农户自主申报：$url/declare）。停止网页服务：kill \$(cat .sample-service/pid)
自行启动：Web__SecureCookies=false dotnet src/Worker/bin/Release/net10.0/monitoring.dll service [--no-scheduler] [--urls http://0.0.0.0:8080]
TEXT
