package dev.gputel.spi.component;

import java.util.Locale;

/** How settled a component is; users see it in {@code gputel components}. */
public enum Stability {
  /** Being built; configuration and output may change at any time. */
  DEVELOPMENT,
  /** Usable; configuration may still change between minor versions. */
  ALPHA,
  /** Configuration is settled; output details may still change. */
  BETA,
  /** Configuration and output change only in a major version. */
  STABLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
