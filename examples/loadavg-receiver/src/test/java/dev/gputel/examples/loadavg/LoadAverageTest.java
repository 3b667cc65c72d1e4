package dev.gputel.examples.loadavg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadAverageTest {

  /** A real /proc/loadavg; see testdata/README.md for where it was captured. */
  @Test
  void parsesARealCapture() throws IOException {
    String capture = resource("testdata/proc-loadavg.txt");

    LoadAverage load = LoadAverage.parse("proc-loadavg.txt", capture);

    assertThat(load).isEqualTo(new LoadAverage(0.83, 0.37, 0.15, 1, 85));
  }

  @Test
  void acceptsTheFourFieldsItUsesWithoutTheLastPid() {
    assertThat(LoadAverage.parse("f", "12.50 3.00 0.00 17/2048"))
        .isEqualTo(new LoadAverage(12.5, 3.0, 0.0, 17, 2048));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        argumentSet("empty", "", "it is empty"),
        argumentSet("only a newline", "\n", "it is empty"),
        argumentSet("three fields", "0.83 0.37 0.15\n", "expected at least 4 fields"),
        argumentSet("a word for the 1m load", "high 0.37 0.15 1/85 8303\n", "field 1 'high' is not a load average"),
        argumentSet("a comma decimal", "0.83 0,37 0.15 1/85 8303\n", "field 2 '0,37' is not a load average"),
        argumentSet("a negative load", "0.83 0.37 -0.15 1/85 8303\n", "field 3 '-0.15' is not a load average"),
        argumentSet("NaN", "NaN 0.37 0.15 1/85 8303\n", "field 1 'NaN' is not a load average"),
        argumentSet("processes without a slash", "0.83 0.37 0.15 85 8303\n", "field 4 '85' is not running/total"),
        argumentSet("a word for the total", "0.83 0.37 0.15 1/many 8303\n", "field 4 '1/many' is not running/total"));
  }

  @ParameterizedTest
  @MethodSource
  void malformed(String content, String reason) {
    assertThatThrownBy(() -> LoadAverage.parse("/host/proc/loadavg", content))
        .isInstanceOf(MalformedLoadavgException.class)
        .hasMessageStartingWith("/host/proc/loadavg is not in /proc/loadavg format (")
        .hasMessageContaining(reason)
        .hasMessageEndingWith(": \"" + content.replace("\n", "\\n") + "\"");
  }

  @Test
  void longContentIsCutInTheMessage() {
    String content = "x".repeat(10_000);

    assertThatThrownBy(() -> LoadAverage.parse("f", content))
        .hasMessageEndingWith("x...\"")
        .message().hasSizeLessThan(400);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LoadAverageTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
