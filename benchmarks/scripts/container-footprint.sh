#!/usr/bin/env bash
# The container image's footprint: its size (the OCI tarball, unpacked, and the Java runtime's
# share), then for each run the time from `runc run` to a healthy /healthz, and the resident memory
# and CPU of the agent in the container after it has run the Prometheus example (replayed captures
# -> prometheus exporter, scraped once a second) for a while. Each run ends with SIGTERM.
#
#   benchmarks/scripts/container-footprint.sh [runs] [seconds]
#
# Needs the image (mvn -B -ntp package -DskipTests), root, runc, umoci, jq and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
seconds=${2:-30}
image=distributions/image/target/gputel-image.tar
version=$(sed -n 's/.*"org.opencontainers.image.ref.name":"\([^"]*\)".*/\1/p' <(tar -xOf "$image" index.json))
work=$(mktemp -d)
id=
cleanup() {
  [ -z "$id" ] || runc delete --force "$id" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mib() { awk -v b="$1" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }

mkdir "$work/oci"
tar -xf "$image" -C "$work/oci"
umoci unpack --image "$work/oci:$version" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs
echo "image:              $version"
echo "OCI tarball:        $(mib "$(stat -c %s "$image")") (layers gzip-compressed)"
echo "unpacked rootfs:    $(mib "$(du -sb "$rootfs" | cut -f1)")"
echo "  Java runtime:     $(mib "$(du -sb "$rootfs/opt/jre" | cut -f1)") (/opt/jre, jlink)"
echo "  glibc:            $(mib "$(du -scb "$rootfs/lib" "$rootfs/lib64" | tail -n 1 | cut -f1)") (/lib, /lib64)"
echo "  agent jars:       $(mib "$(du -sb "$rootfs/opt/gputel/lib" | cut -f1)") (/opt/gputel/lib)"
echo "  config, captures: $(mib "$(du -sb "$rootfs/opt/gputel/config" | cut -f1)") (/opt/gputel/config)"

ticks=$(getconf CLK_TCK)
for run in $(seq 1 "$runs"); do
  admin=$(free_port)
  prometheus=$(free_port)
  # No terminal, the host's network namespace, the Prometheus example instead of the default file.
  jq --arg admin "$admin" --arg prometheus "$prometheus" '
      .process.terminal = false
    | .process.env += ["GPUTEL_ADMIN_PORT=" + $admin, "GPUTEL_PROMETHEUS_PORT=" + $prometheus,
                       "GPUTEL_DATA_DIR=/var/lib/gputel"]
    | .process.args = (.process.args[0:-1] + ["/opt/gputel/config/examples/prometheus.conf"])
    | .linux.namespaces |= map(select(.type != "network"))' \
    "$work/bundle/config.json" > "$work/config.json.new"
  cp "$work/config.json.new" "$work/bundle/config.json"
  id=gputel-footprint-$$-$run

  start=$(date +%s%N)
  runc run --bundle "$work/bundle" "$id" >"$work/out.$run" 2>&1 &
  runc_pid=$!
  until curl -sf "http://127.0.0.1:$admin/healthz" >/dev/null; do
    kill -0 "$runc_pid" 2>/dev/null || { cat "$work/out.$run"; exit 1; }
    sleep 0.02
  done
  healthy=$(date +%s%N)
  pid=$(runc state "$id" | jq .pid)
  cpu_start=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  end=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -sf "http://127.0.0.1:$prometheus/metrics" >/dev/null
    sleep 1
  done
  cpu_end=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  uid=$(awk '/^Uid/ {print $2}' "/proc/$pid/status")

  # The health check ECS runs (deploy/ecs/task-definition.json): a second, short-lived JVM.
  check=$(jq -r '.containerDefinitions[0].healthCheck.command[1:] | @sh' deploy/ecs/task-definition.json)
  check_start=$(date +%s%N)
  eval "runc exec $id $check" >/dev/null
  check_ms=$(( ($(date +%s%N) - check_start) / 1000000 ))

  stop=$(date +%s%N)
  runc kill "$id" TERM
  status=0
  wait "$runc_pid" || status=$?
  stopped=$(date +%s%N)
  runc delete --force "$id" >/dev/null 2>&1 || true
  id=
  printf 'run %d: healthy after %d ms; after %d s: RSS %d MiB (peak %d MiB), CPU %s; uid %s; health check %d ms; SIGTERM -> exit %d in %d ms\n' \
    "$run" $(( (healthy - start) / 1000000 )) "$seconds" $(( rss / 1024 )) $(( hwm / 1024 )) \
    "$(awk -v t="$(( cpu_end - cpu_start ))" -v hz="$ticks" -v s="$seconds" 'BEGIN {printf "%.1f%% of one core", 100 * t / hz / s}')" \
    "$uid" "$check_ms" "$status" $(( (stopped - stop) / 1000000 ))
done
