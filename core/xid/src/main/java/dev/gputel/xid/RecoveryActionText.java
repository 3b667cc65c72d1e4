package dev.gputel.xid;

/** Reads Xid 154's text, {@code GPU recovery action changed from 0x0 (None) to 0x1 (GPU Reset Required)}. */
final class RecoveryActionText {
  private static final String FROM = "GPU recovery action changed from ";
  private static final String TO = " to ";

  private RecoveryActionText() {}

  /** Returns the recovery-action line, or null when the text is not that sentence. */
  static RecoveryActionLine parse(KernelPrefix prefix, GpuLocation gpu, PayloadFields fields) {
    String text = fields.message();
    if (!text.startsWith(FROM)) {
      return null;
    }
    Action from = action(text, FROM.length());
    if (from == null || !text.startsWith(TO, from.end)) {
      return null;
    }
    Action to = action(text, from.end + TO.length());
    if (to == null) {
      return null;
    }
    return new RecoveryActionLine(prefix, gpu, fields.pid(), fields.process(), text, from.code, from.label,
        to.code, to.label);
  }

  private record Action(long code, String label, int end) {}

  /** Reads {@code 0x1 (GPU Reset Required)} at {@code at}. */
  private static Action action(String text, int at) {
    if (!text.startsWith("0x", at)) {
      return null;
    }
    int digits = at + 2;
    int end = digits;
    while (end < text.length() && Ascii.hexDigit(text.charAt(end)) >= 0) {
      end++;
    }
    if (end == digits || end - digits > 8 || !text.startsWith(" (", end)) {
      return null;
    }
    int close = text.indexOf(')', end + 2);
    if (close < 0) {
      return null;
    }
    return new Action(Long.parseLong(text, digits, end, 16), text.substring(end + 2, close), close + 1);
  }
}
