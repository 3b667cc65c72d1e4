package dev.gputel.spi.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPathsTest {
  @TempDir Path directory;

  @Test
  void relativePathsAreRelativeToTheFileThatSetsThem() throws Exception {
    Path file = Files.writeString(directory.resolve("gputel.conf"),
        "path = \"captures/a.csv\"\nabsolute = \"/var/log/kern.log\"\nlist = [\"x.log\", \"/y.log\"]\n");
    Config config = ConfigFactory.parseFile(file.toFile());

    assertThat(ConfigPaths.path(config, "path")).isEqualTo(directory.resolve("captures/a.csv"));
    assertThat(ConfigPaths.path(config, "absolute")).isEqualTo(Path.of("/var/log/kern.log"));
    assertThat(ConfigPaths.paths(config, "list")).containsExactly(directory.resolve("x.log"), Path.of("/y.log"));
  }

  @Test
  void pathsFromTextWithoutAFileStayAsWritten() {
    Config config = ConfigFactory.parseString("path = \"relative/file\"");

    assertThat(ConfigPaths.path(config, "path")).isEqualTo(Path.of("relative/file"));
  }
}
