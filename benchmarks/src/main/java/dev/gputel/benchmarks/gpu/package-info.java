/** Benchmarks of GPU metric collection: nvidia-smi CSV parsing. */
package dev.gputel.benchmarks.gpu;
