/** Benchmarks of the durable spool: append throughput with group commit, and recovery and replay. */
package dev.gputel.benchmarks.spool;
