package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidFieldsTest {
  @Test
  void readsTheFieldFromNvidiaSmisRealMessage() {
    // nvidia-smi's stdout as quoted in CoHDI/composable-resource-operator#37.
    List<String> stdout = Captures.lines(Captures.QUOTED.resolve("invalid-field__device_minor.txt"));

    assertThat(InvalidFields.in(stdout)).containsExactly("device_minor");
  }

  @Test
  void acceptsTheTypographicQuotesOfAMessageCopiedFromAnIssue() {
    // As it reached influxdata/telegraf#6573.
    assertThat(InvalidFields.in(List.of("Field \u201cencoder.stats.sessionCount\u201d is not a valid field to query.")))
        .containsExactly("encoder.stats.sessionCount");
  }

  @Test
  void otherLinesNameNoField() {
    assertThat(InvalidFields.in(List.of("", "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
        "Invalid combination of input arguments. Please run 'nvidia-smi -h' for help."))).isEmpty();
  }
}
