package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /**
   * A pipe hands out whatever the writer has written so far: lines arrive cut anywhere. Every
   * line must come out whole however the reads fall (a lost newline would merge two journal
   * entries into one line, and the second would be lost).
   */
  @Test
  void linesCutAcrossReadsComeOutWhole() throws IOException {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      content.append("{\"__CURSOR\":\"i=").append(i).append("\",\"MESSAGE\":\"NVRM: Xid ").append("x".repeat(i % 300)).append("\"}\n");
    }
    byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
    java.util.Random random = new java.util.Random(42);
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(9000)));
      }
    };
    LineReader reader = new LineReader(trickle, 1 << 20);
    for (int i = 0; i < 5000; i++) {
      assertThat(text(reader.readLine())).startsWith("{\"__CURSOR\":\"i=" + i + "\"").endsWith("\"}");
    }
    assertThat(reader.readLine()).isNull();
  }

  private static LineReader reader(String content, int maxLine) {
    return new LineReader(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), maxLine);
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }
}
