package dev.gputel.runtime.spool;

/**
 * What opening a spool found on disk.
 *
 * @param tornRecords records cut short by a crash and discarded (0 or 1: only the tail can tear)
 * @param tornBytes bytes discarded with them
 * @param segments segment files kept
 * @param pendingBytes bytes on disk not yet acknowledged by the exporter
 */
public record RecoveryReport(long tornRecords, long tornBytes, int segments, long pendingBytes) {}
