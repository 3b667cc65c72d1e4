package dev.gputel.examples.loadavg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadavgConfigTest {
  private static final Config DEFAULTS =
      ConfigFactory.parseResources("reference.conf").resolve().getConfig("gputel.receivers.loadavg");

  @Test
  void defaultsReadTheKernelFileEveryTenSeconds() {
    assertThat(LoadavgConfig.from(DEFAULTS))
        .isEqualTo(new LoadavgConfig(Path.of("/proc/loadavg"), Duration.ofSeconds(10)));
  }

  @Test
  void aRelativePathIsRelativeToTheFileThatSetsIt(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("agent.conf"), "path = host/loadavg\n");

    LoadavgConfig config = LoadavgConfig.from(ConfigFactory.parseFile(file.toFile()).withFallback(DEFAULTS));

    assertThat(config.path()).isEqualTo(directory.resolve("host/loadavg"));
  }

  @Test
  void aZeroIntervalIsRejected() {
    Config zero = ConfigFactory.parseString("interval = 0s").withFallback(DEFAULTS);

    assertThatThrownBy(() -> LoadavgConfig.from(zero))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("interval")
        .hasMessageContaining("must be positive");
  }

  @Test
  void formatsDurationsAsConfigurationWritesThem() {
    assertThat(LoadavgConfig.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(LoadavgConfig.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(LoadavgConfig.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
  }
}
