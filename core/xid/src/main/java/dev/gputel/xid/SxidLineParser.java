package dev.gputel.xid;

/**
 * Reads {@code nvidia-nvswitch2: SXid (PCI:0000:05:00.0): 20034, Fatal, Link 48 LTSSM Fault Up}
 * and its follow-up lines ({@code 20034, Data {...}}, {@code 24007, Severity 1 Engine instance ...}).
 */
final class SxidLineParser {
  private static final String SWITCH = "nvidia-nvswitch";
  private static final String SXID = "SXid (";
  private static final String FATAL = "Fatal, ";
  private static final String NON_FATAL = "Non-fatal, ";
  private static final String LINK = "Link ";
  private static final int MAX_ID_LENGTH = 32;
  private static final int MAX_CODE_DIGITS = 5;

  private SxidLineParser() {}

  /**
   * Returns the SXid line whose {@code SXid (} starts at {@code sxid}; an {@link OtherNvrmLine} for
   * a switch line that is no SXid report; null for text that is neither.
   */
  static ParsedLine parse(String line, int sxid) {
    Integer switchIndex = null;
    int prefixEnd = sxid;
    int colon = sxid - 2;
    if (colon > 0 && line.startsWith(": ", colon)) {
      int digits = colon;
      while (digits > 0 && Ascii.isDigit(line.charAt(digits - 1))) {
        digits--;
      }
      if (digits >= SWITCH.length() && line.startsWith(SWITCH, digits - SWITCH.length())) {
        long index = Ascii.decimal(line, digits, colon, 4);
        switchIndex = index < 0 ? null : (int) index;
        prefixEnd = digits - SWITCH.length();
      }
    }
    KernelPrefix prefix = KernelPrefix.of(line, KernelLineParser.trimEnd(line, prefixEnd));
    int idStart = sxid + SXID.length();
    int close = line.indexOf(')', idStart);
    if (close < 0 || close - idStart > MAX_ID_LENGTH || !line.startsWith(": ", close + 1)) {
      return switchIndex == null ? null : new OtherNvrmLine(prefix, line.substring(sxid));
    }
    String printed = KernelLineParser.stripPci(line.substring(idStart, close));
    int codeStart = close + 3;
    int codeEnd = Ascii.digitsEnd(line, codeStart);
    long code = Ascii.decimal(line, codeStart, codeEnd, MAX_CODE_DIGITS);
    if (code < 0 || codeEnd < line.length() && line.charAt(codeEnd) != ',') {
      return switchIndex == null ? null : new OtherNvrmLine(prefix, line.substring(sxid));
    }
    int at = KernelLineParser.skipSpaces(line, codeEnd + 1);
    Boolean fatal = null;
    if (line.startsWith(FATAL, at)) {
      fatal = true;
      at += FATAL.length();
    } else if (line.startsWith(NON_FATAL, at)) {
      fatal = false;
      at += NON_FATAL.length();
    }
    Integer link = null;
    if (fatal != null && line.startsWith(LINK, at)) {
      int end = Ascii.digitsEnd(line, at + LINK.length());
      long number = Ascii.decimal(line, at + LINK.length(), end, 4);
      if (number >= 0) {
        link = (int) number;
        at = KernelLineParser.skipSpaces(line, end);
      }
    }
    return new SxidLine(prefix, switchIndex, GpuLocation.of(printed), (int) code, fatal, link,
        line.substring(Math.min(at, line.length())));
  }
}
