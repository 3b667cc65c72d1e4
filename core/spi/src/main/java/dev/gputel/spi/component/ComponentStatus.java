package dev.gputel.spi.component;

import java.util.Objects;

/**
 * Whether a component can reach its source or destination, and why not. A receiver whose GPU
 * driver is not loaded is {@code down("NVML: Driver Not Loaded")}: it keeps running and retrying.
 */
public record ComponentStatus(boolean up, String reason) {
  private static final ComponentStatus UP = new ComponentStatus(true, "");

  public ComponentStatus {
    Objects.requireNonNull(reason, "reason");
  }

  public static ComponentStatus ok() {
    return UP;
  }

  public static ComponentStatus down(String reason) {
    return new ComponentStatus(false, reason);
  }
}
