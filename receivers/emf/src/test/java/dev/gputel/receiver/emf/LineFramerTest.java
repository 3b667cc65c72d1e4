package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
  private final List<String> out = new ArrayList<>();
  private final LineFramer.Lines lines = new LineFramer.Lines() {
    @Override
    public void line(byte[] bytes, int offset, int length) {
      out.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void tooLong(long length) {
      out.add("TOO LONG " + length);
    }
  };

  /** Feeds {@code text} in reads of {@code chunk} bytes, as a socket may deliver it. */
  private List<String> frame(int max, String text, int chunk) {
    LineFramer framer = new LineFramer(max);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      byte[] read = new byte[Math.min(chunk, bytes.length - i) + 4];
      System.arraycopy(bytes, i, read, 2, read.length - 4); // At an offset inside a bigger buffer.
      framer.feed(read, 2, read.length - 4, lines);
    }
    framer.end(lines);
    return out;
  }

  @Test
  void linesSplitAcrossReadsAreJoined() {
    for (int chunk : new int[] {1, 2, 3, 7, 100}) {
      out.clear();
      assertThat(frame(100, "{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n", chunk)).as("chunk %d", chunk)
          .containsExactly("{\"a\":1}", "{\"b\":2}", "", "{\"c\":3}");
    }
  }

  @Test
  void crlfLineEndsAreCutAndTheLastLineNeedsNoNewline() {
    assertThat(frame(100, "one\r\ntwo\r\nthree", 4)).containsExactly("one", "two", "three");
  }

  @Test
  void aLineOverTheLimitIsReportedAndTheNextLineIsIntact() {
    String longLine = "x".repeat(25);
    for (int chunk : new int[] {1, 5, 64}) {
      out.clear();
      assertThat(frame(10, "ok\n" + longLine + "\nafter\n", chunk)).as("chunk %d", chunk)
          .containsExactly("ok", "TOO LONG 25", "after");
    }
  }

  @Test
  void exactlyTheLimitPassesAndOneMoreDoesNot() {
    assertThat(frame(5, "12345\n123456\n12345\r\n", 3)).containsExactly("12345", "TOO LONG 6", "12345");
  }

  @Test
  void anOverlongLastLineWithoutNewlineIsReported() {
    assertThat(frame(4, "abc\nabcdefgh", 2)).containsExactly("abc", "TOO LONG 8");
  }
}
