package dev.gputel.xid;

/**
 * An NVSwitch line, {@code nvidia-nvswitch1: SXid (PCI:0000:06:00.0): 20034, Fatal, Link 48 LTSSM
 * Fault Up}. One event may print several lines with the same code ({@code Data {...}}, {@code
 * Severity 1 Engine instance ...}); only the first states fatality and link.
 *
 * @param switchIndex the N of {@code nvidia-nvswitchN}, or null
 * @param device the NVSwitch's PCI address (with function)
 * @param fatal whether the line says {@code Fatal} (true) or {@code Non-fatal} (false); null when it
 *     says neither
 * @param link the link number, or null
 * @param message the text after the code (after fatality and link when present)
 */
public record SxidLine(
    KernelPrefix prefix, Integer switchIndex, GpuLocation device, int code, Boolean fatal, Integer link, String message)
    implements ParsedLine {

  @Override
  public LineKind kind() {
    return LineKind.SXID;
  }
}
