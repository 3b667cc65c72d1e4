package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuRow;
import java.util.List;

/** The rows of one nvidia-smi iteration: one per GPU, all GPUs of the host. */
record Sample(List<GpuRow> rows) {
  Sample {
    rows = List.copyOf(rows);
  }
}
