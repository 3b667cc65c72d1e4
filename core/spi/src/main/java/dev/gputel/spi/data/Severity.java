package dev.gputel.spi.data;

/** The severity of an event, in the order of the OpenTelemetry log severity ranges. */
public enum Severity {
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL
}
