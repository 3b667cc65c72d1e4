package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, mutated, mis-decoded and very long lines: the parser never throws, agrees with the
 * prefilter, and never reports an Xid or SXid whose code and device are not in the line. Seeds are
 * fixed, so a failure replays.
 */
class ParserFuzzTest {
  private static final String[] TOKENS = {
      "NVRM: ", "NVRM", "Xid (", "SXid (", "PCI:", "0000:", "3b:00", ".0", "...", "): ", ")", "(", ", ", ",", " ",
      "pid=", "'<unknown>'", "name=", "<unknown>", "GPU-I:", "GPU-CI:", "Ch ", "channel 0x", "Channel ID ", "GPU at ",
      "GPU ", "The NVIDIA GPU ", "fallen off the bus", "GPU-8a47641b-dff6", "nvidia-nvswitch", "Fatal, ", "Non-fatal, ",
      "Link ", "-1", "caused by previous Xid ", "GPU recovery action changed from 0x0 (None) to 0x1 (", "[", "]",
      "12345.678901", "2025-01-25T10:34:54,859532+00:00", "\n", "\t", "\u0000", "\uFFFD", "٧", "é", "\uD83D\uDE00",
      "\uD800", "0", "1", "7", "9", "13", "79", "154", "20034", "99999999999999999999", "x", "Nonfatal ", "Fatal "};

  @Test
  void randomTokenSoupNeverBreaksTheInvariants() {
    Random random = new Random(20260415L);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder line = new StringBuilder();
      int tokens = random.nextInt(24);
      for (int t = 0; t < tokens; t++) {
        line.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      check(line.toString());
    }
  }

  @Test
  void mutatedRealLinesNeverBreakTheInvariants() {
    List<String> real = Captures.lines(Captures.XID_LINES);
    Random random = new Random(79L);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder line = new StringBuilder(real.get(random.nextInt(real.size())));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits && !line.isEmpty(); e++) {
        int at = random.nextInt(line.length());
        switch (random.nextInt(5)) {
          case 0 -> line.deleteCharAt(at);
          case 1 -> line.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
          case 2 -> line.setCharAt(at, (char) random.nextInt(0x3000));
          case 3 -> line.setLength(at);
          default -> line.insert(at, line.substring(at, Math.min(line.length(), at + random.nextInt(40))));
        }
      }
      check(line.toString());
    }
  }

  @Test
  void bytesThatAreNoValidUtf8NeverBreakTheInvariants() {
    List<String> real = Captures.lines(Captures.XID_LINES);
    Random random = new Random(48L);
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = real.get(random.nextInt(real.size())).getBytes(StandardCharsets.UTF_8);
      for (int e = 0; e < 3; e++) {
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x80));
      }
      check(new String(bytes, StandardCharsets.UTF_8));
      check(new String(bytes, StandardCharsets.ISO_8859_1));
      assertThat(XidPrefilter.mightMatter(bytes, 0, bytes.length))
          .isEqualTo(XidPrefilter.mightMatter(new String(bytes, StandardCharsets.ISO_8859_1)));
    }
  }

  @Test
  void veryLongLinesParseInLinearTime() {
    String repeated = "NVRM: Xid (PCI:0000:3b:00): 13, " + "pid=1, name=x, Ch 0000000g channel 0x [1.x] T ".repeat(40_000);
    String brackets = "[".repeat(1_000_000) + " NVRM: Xid (PCI:0000:3b:00): 13, x";
    String parens = "NVRM: Xid (" + "(".repeat(1_000_000);
    String digits = "NVRM: Xid (PCI:0000:3b:00): " + "9".repeat(1_000_000) + ",";
    long start = System.nanoTime();
    for (String line : List.of(repeated, brackets, parens, digits)) {
      assertThatCode(() -> check(line)).doesNotThrowAnyException();
    }
    assertThat(KernelLineParser.parse(repeated).orElseThrow()).isInstanceOf(XidLine.class);
    assertThat(KernelLineParser.parse(digits).orElseThrow()).isInstanceOf(OtherNvrmLine.class);
    // Four lines of about 2 MB in all: a quadratic scan would take minutes, a linear one milliseconds.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  /** The invariants every line must keep. */
  private static void check(String line) {
    Optional<ParsedLine> parsed;
    try {
      parsed = KernelLineParser.parse(line);
    } catch (RuntimeException e) {
      throw new AssertionError("parse threw on " + printable(line), e);
    }
    boolean passes = XidPrefilter.mightMatter(line);
    assertThat(passes).as("CharSequence form on %s", printable(line))
        .isEqualTo(XidPrefilter.mightMatter(new StringBuilder(line)));
    if (parsed.isEmpty()) {
      return;
    }
    assertThat(passes).as("prefilter drops a parsed line: %s", printable(line)).isTrue();
    assertThat(KernelLineParser.parse(line)).as("deterministic").isEqualTo(parsed);
    switch (parsed.get()) {
      case FellOffBusLine fell -> {
        assertThat(line).as(printable(line)).contains("fallen off the bus").contains(fell.gpu().printed());
        assertThat(fell.gpu().busId()).isNotNull();
      }
      case XidReport xid -> {
        assertThat(line).as(printable(line)).contains("Xid (").contains(xid.gpu().printed());
        assertThat(printsCode(line, xid.code())).as("code %d in %s", xid.code(), printable(line)).isTrue();
        assertThat(xid.code()).isNotNegative();
      }
      case SxidLine sxid -> {
        assertThat(line).as(printable(line)).contains("SXid (").contains(sxid.device().printed());
        assertThat(printsCode(line, sxid.code())).as("code %d in %s", sxid.code(), printable(line)).isTrue();
      }
      case GpuAtPciLine gpuAt -> assertThat(line).contains(gpuAt.uuid()).contains(gpuAt.gpu().printed());
      case OtherNvrmLine other -> assertThat(line).contains(other.message());
    }
  }

  /** Returns whether some {@code "): "} in the line is followed by the decimal digits of {@code code}. */
  private static boolean printsCode(String line, int code) {
    for (int at = line.indexOf("): "); at >= 0; at = line.indexOf("): ", at + 1)) {
      int end = at + 3;
      while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
        end++;
      }
      if (end > at + 3 && end - at - 3 <= 9 && Integer.parseInt(line, at + 3, end, 10) == code) {
        return true;
      }
    }
    return false;
  }

  private static String printable(String line) {
    String shown = line.length() > 300 ? line.substring(0, 300) + "...(" + line.length() + " chars)" : line;
    StringBuilder escaped = new StringBuilder();
    shown.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return escaped.toString();
  }
}
