package dev.gputel.xid;

/**
 * Reads the NVLink5 fields of Xid 144-150, {@code NETIR_LINK_EVT Fatal XC0 i0 Link 00 (0x025001c6
 * 0x00000000 ...)}. Posters redact the registers ({@code (...)}); then only the words are read.
 */
final class NvlinkText {
  private static final int FIRST = 144;
  private static final int LAST = 150;
  private static final String LINK = " Link ";

  private NvlinkText() {}

  /** Returns the fields of an NVLink5 Xid message, or null for other codes or other text. */
  static NvlinkDetail parse(int code, String message) {
    if (code < FIRST || code > LAST) {
      return null;
    }
    int unitEnd = message.indexOf(' ');
    if (unitEnd <= 0) {
      return null;
    }
    boolean fatal;
    if (message.startsWith("Fatal ", unitEnd + 1)) {
      fatal = true;
    } else if (message.startsWith("Nonfatal ", unitEnd + 1)) {
      fatal = false;
    } else {
      return null;
    }
    int link = message.indexOf(LINK, unitEnd);
    if (link < 0) {
      return null;
    }
    int digits = link + LINK.length();
    boolean negative = digits < message.length() && message.charAt(digits) == '-';
    int end = Ascii.digitsEnd(message, negative ? digits + 1 : digits);
    long number = Ascii.decimal(message, negative ? digits + 1 : digits, end, 4);
    if (number < 0) {
      return null;
    }
    Long[] registers = registers(message, end);
    return new NvlinkDetail(message.substring(0, unitEnd), fatal, (int) (negative ? -number : number),
        registers[0], registers[1]);
  }

  /** Returns the first two {@code 0x...} words of the parenthesised list after {@code from}. */
  private static Long[] registers(String message, int from) {
    Long[] words = new Long[2];
    int open = message.indexOf('(', from);
    int at = open < 0 ? -1 : open + 1;
    for (int i = 0; i < words.length && at >= 0; i++) {
      if (!message.startsWith("0x", at)) {
        break;
      }
      int end = at + 2;
      while (end < message.length() && Ascii.hexDigit(message.charAt(end)) >= 0) {
        end++;
      }
      if (end == at + 2 || end - at - 2 > 8) {
        break;
      }
      words[i] = Long.parseLong(message, at + 2, end, 16);
      at = end < message.length() && message.charAt(end) == ' ' ? end + 1 : -1;
    }
    return words;
  }
}
