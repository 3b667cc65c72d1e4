/** Spool growth while an exporter's destination is down, and the drain when it comes back. */
package dev.gputel.benchmarks.outage;
