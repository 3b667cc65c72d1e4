package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NvidiaSmiConfigTest {
  @Test
  void theDefaultsRunALoopEveryTenSeconds() {
    NvidiaSmiConfig config = config("");

    assertThat(config.binary()).isEqualTo("nvidia-smi");
    assertThat(config.mode()).isEqualTo(CollectionMode.LOOP);
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.watchdogTimeout()).isGreaterThan(config.interval());
    assertThat(config.remappedRowsInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.remappedRowsEnabled()).isTrue();
  }

  @Test
  void aWatchdogNoLongerThanTheIntervalIsRefusedWithTheReason() {
    ConfigException.BadValue error = catchThrowableOfType(ConfigException.BadValue.class,
        () -> config("interval = 30s\nwatchdog-timeout = 30s"));

    assertThat(error.getMessage()).contains("watchdog-timeout").contains("must be longer than interval (PT30S)");
  }

  @Test
  void anUnknownModeNamesTheChoices() {
    assertThat(catchThrowableOfType(ConfigException.BadValue.class, () -> config("mode = stream")).getMessage())
        .contains("mode").contains("'stream' is not one of loop, one-shot");
  }

  @Test
  void zeroTurnsTheRemappedRowsQueryOffButNegativeIsAnError() {
    assertThat(config("remapped-rows-interval = 0s").remappedRowsEnabled()).isFalse();
    assertThat(catchThrowableOfType(ConfigException.BadValue.class, () -> config("remapped-rows-interval = -1s"))
        .getMessage()).contains("remapped-rows-interval");
  }

  @Test
  void durationsMustBePositiveAndBackoffOrdered() {
    assertThat(catchThrowableOfType(ConfigException.BadValue.class, () -> config("timeout = 0s")).getMessage())
        .contains("timeout").contains("must be positive");
    assertThat(catchThrowableOfType(ConfigException.BadValue.class,
        () -> config("restart-backoff-min = 10s\nrestart-backoff-max = 1s")).getMessage())
        .contains("restart-backoff-max");
    assertThat(catchThrowableOfType(ConfigException.BadValue.class, () -> config("binary = \"  \"")).getMessage())
        .contains("binary");
  }

  private static NvidiaSmiConfig config(String body) {
    return NvidiaSmiConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.nvidia-smi"))
        .resolve());
  }
}
