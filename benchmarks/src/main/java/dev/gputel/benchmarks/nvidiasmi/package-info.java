/** What the nvidia-smi receiver costs the agent per sample, in loop and in one-shot mode. */
package dev.gputel.benchmarks.nvidiasmi;
