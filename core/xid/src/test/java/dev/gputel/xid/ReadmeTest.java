package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README states the catalog versions and each preset's codes as the code has them. */
class ReadmeTest {

  @Test
  void readmeMatchesTheCatalogsAndPresets() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme).contains("version line `" + XidCatalog.builtIn().version() + "`")
        .contains("codes 1-" + XidCatalog.builtIn().entries().getLast().code())
        .contains("the " + SxidCatalog.builtIn().entries().size() + " SXid codes");
    for (SeverityPreset preset : SeverityPreset.values()) {
      assertThat(readme).contains("| `" + preset.id() + "`");
      if (!preset.listedCodes().isEmpty()) {
        String codes = preset.listedCodes().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        assertThat(readme).as(preset.id()).contains(codes);
      }
    }
  }
}
