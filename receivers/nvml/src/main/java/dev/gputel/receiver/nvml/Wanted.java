package dev.gputel.receiver.nvml;

import dev.gputel.gpu.GpuMetric;

/** A catalog metric some pipeline keeps, and how NVML reads it. */
record Wanted(GpuMetric metric, NvmlReader reader) {}
