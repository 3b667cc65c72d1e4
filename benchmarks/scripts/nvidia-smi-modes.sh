#!/usr/bin/env bash
# CPU per sample of the nvidia-smi receiver, loop mode against one-shot mode, with the fake
# nvidia-smi of receivers/nvidia-smi replaying a real H100 capture (one GPU, only the metrics
# asked for). Measures this JVM only (getProcessCpuTime), not nvidia-smi's own CPU.
#
#   benchmarks/scripts/nvidia-smi-modes.sh [interval] [warmup samples] [samples] [capture]
#
# Needs benchmarks/target/benchmarks.jar (mvn -B -ntp -pl benchmarks -am package -DskipTests)
# and JAVA_HOME set to a JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
interval=${1:-200ms}
warmup=${2:-50}
samples=${3:-300}
capture=$(realpath "${4:-config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv}")
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
cp receivers/nvidia-smi/src/test/resources/fake-nvidia-smi/nvidia-smi "$fake/nvidia-smi"
chmod +x "$fake/nvidia-smi"
printf "CAPTURE='%s'\n" "$capture" > "$fake/fake-nvidia-smi.conf"

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
for mode in loop one-shot; do
  "$java" -cp benchmarks/target/benchmarks.jar dev.gputel.benchmarks.nvidiasmi.NvidiaSmiModeCpu \
    "$fake/nvidia-smi" "$mode" "$interval" "$warmup" "$samples"
done
