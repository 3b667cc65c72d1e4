package dev.gputel.spi.data;

import java.util.Locale;

/** The two kinds of telemetry a pipeline can carry; a pipeline carries exactly one. */
public enum Signal {
  METRICS,
  EVENTS;

  /** Returns the name used in configuration: {@code metrics} or {@code events}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
