package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageTextTest {
  @Test
  void asciiAndUtf8AreDecodedAsTheyAre() {
    assertThat(MessageText.decode(bytes("NVRM: Xid (PCI:0000:3b:00): 79"))).isEqualTo("NVRM: Xid (PCI:0000:3b:00): 79");
    assertThat(MessageText.decode(bytes("name=pytörch_🙂"))).isEqualTo("name=pytörch_🙂");
  }

  @Test
  void invalidBytesBecomeKmsgEscapesAndTheRestIsKept() {
    byte[] message = {'b', 'a', 'd', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, 'x'};
    assertThat(MessageText.decode(message)).isEqualTo("bad \\xff\\xfe \\xc3x");
  }

  @Test
  void aCutMultiByteSequenceAtTheEndIsEscaped() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    byte[] cut = {'a', euro[0], euro[1]};
    assertThat(MessageText.decode(cut)).isEqualTo("a\\xe2\\x82");
  }

  @Test
  void kmsgEscapesComeBackAsTheOriginalBytes() {
    byte[] escaped = bytes("tab\\x09 backslash\\x5c high\\xff end");
    byte[] raw = MessageText.unescapeKmsg(escaped, 0, escaped.length);
    assertThat(raw).containsExactly(bytesOf("tab\t backslash\\ high", (byte) 0xff, " end"));
  }

  @Test
  void textThatOnlyLooksLikeAnEscapeIsKept() {
    byte[] text = bytes("\\x \\xZZ \\x4");
    assertThat(new String(MessageText.unescapeKmsg(text, 0, text.length), StandardCharsets.UTF_8))
        .isEqualTo("\\x \\xZZ \\x4");
  }

  @Test
  void unescapeHonoursTheRange() {
    byte[] text = bytes("6,1,2,-;NVRM\\x3a x");
    assertThat(new String(MessageText.unescapeKmsg(text, 8, text.length), StandardCharsets.UTF_8)).isEqualTo("NVRM: x");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytesOf(String before, byte middle, String after) {
    byte[] a = bytes(before);
    byte[] c = bytes(after);
    byte[] all = new byte[a.length + 1 + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    all[a.length] = middle;
    System.arraycopy(c, 0, all, a.length + 1, c.length);
    return all;
  }
}
