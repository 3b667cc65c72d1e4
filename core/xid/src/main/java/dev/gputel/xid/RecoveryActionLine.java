package dev.gputel.xid;

/**
 * An Xid 154 line, {@code GPU recovery action changed from 0x0 (None) to 0x1 (GPU Reset Required)}:
 * it names the recovery the driver now requires for the Xid reported before it on the same GPU.
 *
 * @param fromCode the previous action's number
 * @param fromLabel the previous action as printed ({@code None})
 * @param toCode the new action's number
 * @param toLabel the new action as printed: {@code GPU Reset Required}, {@code Node Reboot
 *     Required}, {@code Drain and Reset}, {@code Drain P2P}, {@code PF FLR}
 */
public record RecoveryActionLine(
    KernelPrefix prefix,
    GpuLocation gpu,
    Long pid,
    String process,
    String message,
    long fromCode,
    String fromLabel,
    long toCode,
    String toLabel)
    implements XidReport {

  /** The Xid number of recovery-action lines. */
  public static final int XID = 154;

  @Override
  public int code() {
    return XID;
  }

  @Override
  public Long channel() {
    return null;
  }
}
