package dev.gputel.receiver.kernellog;

import dev.gputel.testing.CaptureFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * The real kernel-log lines shipped in the distribution's config/captures/kernel-log folder (each
 * line's source is in PROVENANCE.md there).
 */
final class Captures {
  static final Path XID_LINES = CaptureFiles.folder("kernel-log").resolve("xid-lines.log");
  static final Path BACKGROUND_LINES = CaptureFiles.folder("kernel-log").resolve("background-lines.log");

  private Captures() {}

  /** NVIDIA driver lines (Xid, SXid, other NVRM) and a few others, verbatim with their prefixes. */
  static List<String> xidLines() {
    return CaptureFiles.lines(XID_LINES);
  }

  /** Real kernel lines of other drivers (pcieport, mlx5, nvme...): the noise a kernel log is mostly made of. */
  static List<String> background() {
    return CaptureFiles.lines(BACKGROUND_LINES);
  }

  /** The capture lines the receiver must keep. */
  static List<String> nvidiaLines() {
    return xidLines().stream().filter(Captures::nvidia).toList();
  }

  /**
   * Whether the receiver must keep a line, by a test oracle independent of {@link Prefilter}: the
   * three default strings, found with String.contains.
   */
  static boolean nvidia(String line) {
    return line.contains("NVRM") || line.contains("nvidia-nvswitch") || line.contains("SXid");
  }
}
