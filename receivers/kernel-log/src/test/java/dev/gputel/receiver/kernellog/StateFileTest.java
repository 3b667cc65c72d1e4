package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir Path directory;

  @Test
  void replacesTheContentAndLeavesNoTemporaryFile() throws Exception {
    StateFile state = new StateFile(directory.resolve("sub/journald.state"));
    assertThat(state.read()).isEmpty();

    state.write(List.of("cursor=s=abc;i=1;b=x", "boot-id=aa"));
    state.write(List.of("cursor=s=abc;i=2;b=x", "boot-id=aa"));

    assertThat(state.read()).containsExactly("cursor=s=abc;i=2;b=x", "boot-id=aa");
    assertThat(StateFile.keyValues(state.read())).containsEntry("cursor", "s=abc;i=2;b=x").containsEntry("boot-id", "aa");
    try (var files = Files.list(directory.resolve("sub"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("journald.state");
    }
  }

  @Test
  void keyValuesSplitAtTheFirstEqualsAndSkipOtherLines() {
    assertThat(StateFile.keyValues(List.of("a=b=c", "garbage", "=x", "k=")))
        .containsExactly(java.util.Map.entry("a", "b=c"), java.util.Map.entry("k", ""));
  }
}
