package dev.gputel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void readmeQuotesTheRuntimeDefaults() throws Exception {
    String reference = Files.readString(Path.of("src/main/resources/reference.conf"));
    assertThat(Files.readString(Path.of("README.md"))).contains("```hocon\n" + reference + "```");
  }
}
