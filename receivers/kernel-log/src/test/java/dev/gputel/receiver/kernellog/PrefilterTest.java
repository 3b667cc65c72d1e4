package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefilterTest {
  private final Prefilter prefilter = new Prefilter(List.of("NVRM", "nvidia-nvswitch", "SXid"));

  @Test
  void keepsExactlyTheNvidiaLinesOfTheRealCapture() {
    List<String> lines = Captures.xidLines();
    List<String> kept = lines.stream().filter(line -> prefilter.keeps(bytes(line))).toList();

    assertThat(kept).isEqualTo(Captures.nvidiaLines()).isNotEmpty();
    assertThat(lines).filteredOn(line -> line.contains("perf: interrupt took too long")).isNotEmpty()
        .noneMatch(kept::contains);
    // A driver line without the colon after NVRM: a prefilter on "NVRM:" would lose it.
    assertThat(lines).filteredOn(line -> line.contains("NVRM objClInitPcieChipset")).isNotEmpty()
        .allMatch(kept::contains);
  }

  @Test
  void dropsTheRealLinesOfOtherDrivers() {
    assertThat(Captures.background()).isNotEmpty().noneMatch(line -> prefilter.keeps(bytes(line)));
  }

  @Test
  void matchesWithinARangeOnly() {
    byte[] line = bytes("xxNVRM: Xid");
    assertThat(prefilter.keeps(line, 2, line.length)).isTrue();
    assertThat(prefilter.keeps(line, 3, line.length)).as("the match starts before the range").isFalse();
    assertThat(prefilter.keeps(line, 0, 5)).as("the match ends after the range").isFalse();
    assertThat(prefilter.keeps(new byte[0])).isFalse();
  }

  @Test
  void isCaseSensitiveAsTheDriverPrintsIt() {
    assertThat(prefilter.keeps(bytes("nvrm: xid"))).isFalse();
    assertThat(prefilter.keeps(bytes("sxid"))).isFalse();
  }

  @Test
  void regexQuotesEverySpecialCharacter() {
    assertThat(prefilter.asRegex()).isEqualTo("NVRM|nvidia-nvswitch|SXid");
    assertThat(new Prefilter(List.of("a.b", "(x)|[y]", "c\\d")).asRegex())
        .isEqualTo("a\\.b|\\(x\\)\\|\\[y\\]|c\\\\d");
  }

  @Test
  void noStringKeepsEveryLineAndNeedsNoGrep() {
    Prefilter all = new Prefilter(List.of());
    assertThat(all.keeps(bytes("Jan 01 00:00:00 host app: anything at all"))).isTrue();
    assertThat(all.keeps(bytes(""))).isTrue();
    assertThat(all.asRegex()).isNull();
  }

  private static byte[] bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
