package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real kernel-log lines shipped in the distribution's config/captures folder (see PROVENANCE.md there). */
final class Captures {
  static final Path ROOT = Path.of(System.getProperty("gputel.captures", "../../config/captures"));
  static final Path XID_LINES = ROOT.resolve("kernel-log/xid-lines.log");

  private Captures() {}

  /** The 58 real lines, verbatim (prefixes included): NVRM, NVSwitch and other kernel lines. */
  static List<String> xidLines() {
    try {
      return Files.readAllLines(XID_LINES, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the receiver must keep a line, by a test oracle independent of {@link Prefilter}: the
   * three default strings, found with String.contains.
   */
  static boolean nvidia(String line) {
    return line.contains("NVRM:") || line.contains("nvidia-nvswitch") || line.contains("SXid");
  }

  /**
   * SYNTHETIC ordinary kernel lines (not NVIDIA), written for these tests in the shape of common
   * messages, to mix with the real lines as the noise a kernel log is mostly made of.
   */
  static final List<String> NOISE = List.of(
      "usb 1-1: new high-speed USB device number 2 using xhci_hcd",
      "EXT4-fs (nvme0n1p1): mounted filesystem with ordered data mode. Quota mode: none.",
      "mlx5_core 0000:ab:00.0: mlx5_pcie_event:301:(pid 1234): PCIe slot advertised sufficient power (75W).",
      "IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
      "audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\" operation=\"profile_load\"",
      "perf: interrupt took too long (2500 > 2495), lowering kernel.perf_event_max_sample_rate to 79750");
}
