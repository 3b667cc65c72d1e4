package dev.gputel.spi.component;

import java.util.Locale;

/** The three places a component can take in a pipeline. */
public enum ComponentKind {
  RECEIVER,
  PROCESSOR,
  EXPORTER;

  /** Returns the singular id, as in metric labels: {@code receiver}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the configuration section that declares this kind: {@code receivers}. */
  public String section() {
    return id() + "s";
  }
}
