package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  @Test
  void splitsLinesAndKeepsAFinalLineWithoutNewline() throws IOException {
    LineReader reader = reader("one\ntwo\n\nlast", 100);
    assertThat(text(reader.readLine())).isEqualTo("one");
    assertThat(reader.ready()).isTrue();
    assertThat(text(reader.readLine())).isEqualTo("two");
    assertThat(text(reader.readLine())).isEmpty();
    assertThat(text(reader.readLine())).isEqualTo("last");
    assertThat(reader.readLine()).isNull();
    assertThat(reader.ready()).isFalse();
  }

  @Test
  void cutsAnOverlongLineAndSaysSo() throws IOException {
    String longLine = "x".repeat(200_000);
    LineReader reader = reader(longLine + "\nshort\n", 1000);
    byte[] first = reader.readLine();
    assertThat(first).hasSize(1000);
    assertThat(reader.wasTruncated()).isTrue();
    assertThat(text(reader.readLine())).isEqualTo("short");
    assertThat(reader.wasTruncated()).isFalse();
  }

  @Test
  void keepsLinesLongerThanTheBuffer() throws IOException {
    String longLine = "y".repeat(300_000);
    LineReader reader = reader(longLine + "\n", 1 << 20);
    assertThat(text(reader.readLine())).isEqualTo(longLine);
    assertThat(reader.wasTruncated()).isFalse();
  }

  private static LineReader reader(String content, int maxLine) {
    return new LineReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), maxLine);
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }
}
