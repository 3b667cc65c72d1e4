/** The {@code prometheus} exporter: GPU metrics, Xid counts and self-telemetry on an HTTP /metrics endpoint. */
package dev.gputel.exporter.prometheus;
