package dev.gputel.xid;

/**
 * Reads fallen-off-the-bus text that carries no Xid number: {@code NVRM: GPU 0000:91:00.0: GPU has
 * fallen off the bus.} (open kernel modules, next to a real Xid 79) and the three-line {@code NVRM:
 * The NVIDIA GPU 0000:b3:00.0 / (PCI ID: 10de:26b5) installed in this system has / fallen off the
 * bus and is not responding to commands.}, which may be the only trace of the event.
 */
final class FallenOffBusText {
  private static final String[] LEADS = {"GPU ", "The NVIDIA GPU "};

  private FallenOffBusText() {}

  /** Returns the report for {@code line}, whose driver text starts at {@code body}, or null. */
  static FellOffBusLine parse(String line, int body, KernelPrefix prefix) {
    for (String lead : LEADS) {
      if (line.startsWith(lead, body)) {
        int at = body + lead.length();
        int end = at;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
          end++;
        }
        if (end > at && line.charAt(end - 1) == ':') {
          end--;
        }
        String printed = line.substring(at, end);
        PciBusId busId = PciBusId.parse(printed);
        return busId == null ? null : new FellOffBusLine(prefix, new GpuLocation(printed, busId, null, null),
            line.substring(body));
      }
    }
    return null;
  }
}
