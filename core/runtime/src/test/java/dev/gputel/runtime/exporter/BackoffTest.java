package dev.gputel.runtime.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final RetrySettings SETTINGS =
      new RetrySettings(true, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5, Duration.ofMinutes(5));

  @Test
  void growsExponentiallyUpToTheCap() {
    Backoff middle = new Backoff(SETTINGS, () -> 0.5); // no jitter at the middle of the range
    assertThat(middle.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(middle.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(middle.delay(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(middle.delay(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(middle.delay(40)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterSpreadsByTheRandomizationFactor() {
    assertThat(new Backoff(SETTINGS, () -> 0.0).delay(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(new Backoff(SETTINGS, () -> 0.999999).delay(3)).isBetween(Duration.ofMillis(5999), Duration.ofSeconds(6));
  }
}
