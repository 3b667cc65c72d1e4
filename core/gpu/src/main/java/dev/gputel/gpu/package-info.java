/**
 * The GPU metric catalog ({@link dev.gputel.gpu.GpuMetric}), the identity fields that name a GPU
 * ({@link dev.gputel.gpu.GpuIdentityField}), and the nvidia-smi CSV reading that the nvidia-smi and
 * replay receivers and the {@code gputel nvidia-smi parse} command share.
 */
package dev.gputel.gpu;
