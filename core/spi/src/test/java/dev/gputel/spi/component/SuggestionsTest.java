package dev.gputel.spi.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("interval", "metrics-files", "log-files", "mode");

  @Test
  void suggestsTheKeyATypoWasMeantToBe() {
    assertThat(Suggestions.closest("intervall", KEYS)).contains("interval");
    assertThat(Suggestions.closest("metrics-flies", KEYS)).contains("metrics-files");
    assertThat(Suggestions.closest("mdoe", KEYS)).contains("mode");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(Suggestions.closest("endpoint", KEYS)).isEmpty();
    assertThat(Suggestions.hint("endpoint", KEYS)).isEmpty();
  }
}
