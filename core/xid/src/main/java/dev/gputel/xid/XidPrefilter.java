package dev.gputel.xid;

/**
 * The cheap first step: whether a kernel line can be an NVIDIA driver line at all. Every Xid, SXid,
 * {@code GPU at PCI}, fallen-off-the-bus and other driver line contains {@code NVRM} (the GPU
 * driver's tag) or {@code SXid} (the NVSwitch driver's); a line without both is skipped without
 * parsing. Nothing here allocates.
 *
 * <p>A receiver should call this before anything else costs per line (decoding, splitting fields,
 * building events), and push the same test further upstream where it can ({@code journalctl --grep
 * 'NVRM|SXid'}).
 */
public final class XidPrefilter {
  private static final String NVRM = "NVRM";
  private static final String SXID = "SXid";

  private XidPrefilter() {}

  /** Returns whether {@code line} may be an NVIDIA driver line; false means it certainly is not. */
  public static boolean mightMatter(String line) {
    // String.indexOf(String) is a vectorised intrinsic: two scans beat one hand-written scan.
    return line.indexOf(NVRM) >= 0 || line.indexOf(SXID) >= 0;
  }

  /** Returns whether {@code line} may be an NVIDIA driver line, for text that is not a String. */
  public static boolean mightMatter(CharSequence line) {
    if (line instanceof String s) {
      return mightMatter(s);
    }
    int end = line.length() - 3;
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c == 'N' && line.charAt(i + 1) == 'V' && line.charAt(i + 2) == 'R' && line.charAt(i + 3) == 'M'
          || c == 'S' && line.charAt(i + 1) == 'X' && line.charAt(i + 2) == 'i' && line.charAt(i + 3) == 'd') {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the bytes {@code line[offset, offset + length)} may be an NVIDIA driver line,
   * before they are decoded: both tags are ASCII, so the test holds for UTF-8 and Latin-1 alike.
   */
  public static boolean mightMatter(byte[] line, int offset, int length) {
    int end = offset + length - 3;
    for (int i = offset; i < end; i++) {
      byte b = line[i];
      if (b == 'N' && line[i + 1] == 'V' && line[i + 2] == 'R' && line[i + 3] == 'M'
          || b == 'S' && line[i + 1] == 'X' && line[i + 2] == 'i' && line[i + 3] == 'd') {
        return true;
      }
    }
    return false;
  }
}
