package dev.gputel.receiver.kernellog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Kernel message bytes to text and back. The kernel does not promise UTF-8 (journald hands such
 * a MESSAGE over as a byte array); bytes that are not valid UTF-8 become {@code \xNN}, the escape
 * /dev/kmsg itself uses, so nothing is lost and one bad byte never fails a line.
 */
final class MessageText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private MessageText() {}

  /** Decodes UTF-8, writing each byte of an invalid sequence as {@code \xNN}. */
  static String decode(byte[] bytes) {
    if (isAscii(bytes)) {
      return new String(bytes, StandardCharsets.ISO_8859_1); // The usual case, and the fastest.
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          int b = in.get() & 0xff;
          out.put('\\').put('x').put(HEX[b >> 4]).put(HEX[b & 0xf]);
        }
      } else {
        throw new IllegalStateException("output buffer too small: " + result); // Sized for the worst case.
      }
    }
    return out.flip().toString();
  }

  /**
   * Undoes /dev/kmsg's escaping: the kernel writes every control byte, every byte above 126 and
   * the backslash itself as {@code \xNN}, so the original bytes come back exactly.
   */
  static byte[] unescapeKmsg(byte[] text, int from, int to) {
    int escape = indexOfBackslash(text, from, to);
    if (escape < 0) {
      return Arrays.copyOfRange(text, from, to);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    out.write(text, from, escape - from);
    int i = escape;
    while (i < to) {
      byte b = text[i];
      if (b == '\\' && i + 3 < to && text[i + 1] == 'x' && hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0) {
        out.write(hex(text[i + 2]) << 4 | hex(text[i + 3]));
        i += 4;
      } else {
        out.write(b);
        i++;
      }
    }
    return out.toByteArray();
  }

  private static int indexOfBackslash(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] == '\\') {
        return i;
      }
    }
    return -1;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
