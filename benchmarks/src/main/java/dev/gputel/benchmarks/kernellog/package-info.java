/**
 * Latency of the kernel-log receiver: from a line appended to a real journal file to the event
 * reaching an exporter, through the real journalctl and a real agent. Not JMH: a program that
 * prints percentiles ({@link dev.gputel.benchmarks.kernellog.JournalLatency}).
 */
package dev.gputel.benchmarks.kernellog;
