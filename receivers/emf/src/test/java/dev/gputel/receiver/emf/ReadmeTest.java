package dev.gputel.receiver.emf;

import dev.gputel.testing.ReadmeCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void readmeQuotesTheDefaults() throws Exception {
    ReadmeCheck.assertReadmeQuotesReferenceConf(Path.of(""));
  }
}
