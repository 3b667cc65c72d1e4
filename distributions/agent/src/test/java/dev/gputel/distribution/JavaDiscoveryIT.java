package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bin/gputel refuses to start, and says why, when it finds no Java 25 runtime. */
class JavaDiscoveryIT {
  @TempDir static Path unpacked;
  static Distribution distribution;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    distribution = Distribution.unpack(unpacked);
  }

  @Test
  void noJavaAnywhere() throws Exception {
    // An empty PATH folder: /usr/bin often has a java, so PATH=/usr/bin:/bin would not test this
    // case. The launcher, not called through a symlink, needs nothing but shell builtins.
    Path bin = Files.createDirectories(work.resolve("bin"));
    Map<String, String> environment =
        Map.of("JAVA_HOME", work.resolve("no-such-jdk").toString(), "PATH", bin.toString());

    AgentProcess.Result result = launch(environment);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).as(result.toString())
        .contains("no Java runtime found", "JAVA_HOME", work.resolve("no-such-jdk").toString(),
            "Java 25");
  }

  @ParameterizedTest
  @ValueSource(strings = {"17", "1.8"})
  void tooOldJavaOnPath(String version) throws Exception {
    // A stand-in java that answers -XshowSettings:properties as an old JDK does (on stderr).
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path java = Files.writeString(bin.resolve("java"),
        "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    AgentProcess.Result result = launch(Map.of("PATH", bin.toString()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr()).as(result.toString())
        .contains("found Java " + version + " at " + java, "JAVA_HOME", "Java 25");
  }

  private AgentProcess.Result launch(Map<String, String> environment) throws Exception {
    return Distribution.start(distribution.launcher(), work, environment, "--version")
        .finish(Distribution.COMMAND_TIMEOUT);
  }
}
