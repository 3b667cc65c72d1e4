package dev.gputel.processor.resourcedetection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The GPUs ECS gave this container, from {@code NVIDIA_VISIBLE_DEVICES}. The task metadata
 * endpoint v4 does not list a container's GPUs; the ECS agent passes them to the container in this
 * variable, comma-separated, as the GPU UUIDs it read with NVML ({@code NvidiaVisibleDevicesEnvVar}
 * and {@code populateGPUEnvironmentVariables} in the agent's {@code agent/api/task/task.go}).
 *
 * <p>{@code all}, {@code none}, {@code void} or indices name no GPU by identity, so they attribute no
 * GPU to the task; {@link #note} says why for the log.
 */
record VisibleDevices(String value) {

  static VisibleDevices of(String value) {
    return new VisibleDevices(value == null ? "" : value.strip());
  }

  /** Returns the GPU UUIDs listed, in order. */
  List<String> gpuUuids() {
    List<String> uuids = new ArrayList<>();
    for (String entry : value.split(",")) {
      String id = entry.strip();
      if (id.regionMatches(true, 0, "GPU-", 0, 4)) {
        uuids.add(id);
      }
    }
    return uuids;
  }

  /** Returns why no GPU could be attributed to the task, when none could. */
  Optional<String> note() {
    if (!gpuUuids().isEmpty()) {
      return Optional.empty();
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("all")) {
      return Optional.of("NVIDIA_VISIBLE_DEVICES=all: this container sees every GPU of the host, so no GPU"
          + " is attributed to this task (run the agent in the GPU task, with the GPUs ECS assigned, to attribute them)");
    }
    if (!lower.isEmpty() && !lower.equals("none") && !lower.equals("void")) {
      return Optional.of("NVIDIA_VISIBLE_DEVICES=" + value + " names no GPU UUID (GPU-...), so no GPU is"
          + " attributed to this task; ECS itself passes UUIDs");
    }
    return Optional.empty();
  }
}
