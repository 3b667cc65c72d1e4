#!/usr/bin/env bash
# Whole-process footprint of the agent: time to a healthy /healthz, resident memory, and CPU used
# while it runs the demo pipeline (replay -> debug) for a while.
#
#   benchmarks/scripts/agent-footprint.sh [seconds] [config]
#
# Needs the unpacked distribution (mvn -B -ntp package -DskipTests) and JAVA_HOME set to a JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
config=${2:-config/demo.conf}
home=distributions/agent/target/gputel-0.1.0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

start=$(date +%s%N)
GPUTEL_ADMIN_PORT=$port GPUTEL_DATA_DIR=$data "$home/bin/gputel" run --config "$config" >/dev/null 2>"$data/stderr" &
pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/stderr"; exit 1; }
  sleep 0.05
done
healthy=$(date +%s%N)
# The JVM's own process is the launcher's child after exec, so $pid is the JVM.
cpu_start=$(cpu_ticks "$pid")
sleep "$seconds"
cpu_end=$(cpu_ticks "$pid")
sent=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^gputel_exporter_sent_items_total\{exporter="debug",signal="metrics"\}/ {print $2}')

echo "config:             $config"
echo "time to healthy:    $(( (healthy - start) / 1000000 )) ms"
echo "CPU over ${seconds} s:    $(awk -v t="$(( cpu_end - cpu_start ))" -v hz="$ticks" -v s="$seconds" 'BEGIN {printf "%.2f%% of one core (%.2f s)", 100 * t / hz / s, t / hz}')"
echo "RSS now / peak:     $(( $(rss_kib "$pid") / 1024 )) MiB / $(( $(hwm_kib "$pid") / 1024 )) MiB"
echo "points sent:        $sent"
