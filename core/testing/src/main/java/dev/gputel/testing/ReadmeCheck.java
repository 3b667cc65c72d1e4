package dev.gputel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a component's README and its defaults from drifting apart: the README must quote the
 * module's {@code reference.conf} whole, in a {@code hocon} code block.
 */
public final class ReadmeCheck {
  private ReadmeCheck() {}

  /** Asserts that {@code module}/README.md quotes {@code module}/src/main/resources/reference.conf. */
  public static void assertReadmeQuotesReferenceConf(Path module) throws IOException {
    String reference = Files.readString(module.resolve("src/main/resources/reference.conf"));
    String readme = Files.readString(module.resolve("README.md"));
    assertThat(readme).as("README.md quotes reference.conf in a ```hocon block")
        .contains("```hocon\n" + reference + "```");
  }
}
