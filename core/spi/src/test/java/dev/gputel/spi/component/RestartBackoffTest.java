package dev.gputel.spi.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
    RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      delays.add(backoff.next().toSeconds());
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anInitialDelayAboveTheMaximumIsCapped() {
    RestartBackoff backoff = new RestartBackoff(Duration.ofMinutes(10), Duration.ofMinutes(5));
    assertThat(backoff.next()).isEqualTo(Duration.ofMinutes(5));
  }
}
