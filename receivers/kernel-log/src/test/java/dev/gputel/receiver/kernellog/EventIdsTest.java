package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static final String BOOT = "6e1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final byte[] XID = "NVRM: Xid (PCI:0000:91:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus."
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void isBootIdKernelTimeAndMessageHash() {
    String id = EventIds.of(KernelLine.kernelOrigin(BOOT, 6781741548779L), XID);
    assertThat(id).matches(BOOT + ":6781741548779:[0-9a-f]{16}");
    assertThat(EventIds.of(KernelLine.kernelOrigin(BOOT, 6781741548779L), XID.clone())).isEqualTo(id);
  }

  @Test
  void changesWithEachPart() {
    String id = EventIds.of(KernelLine.kernelOrigin(BOOT, 1), XID);
    byte[] other = XID.clone();
    other[other.length - 1] = '!';
    assertThat(EventIds.of(KernelLine.kernelOrigin(BOOT, 2), XID)).isNotEqualTo(id);
    assertThat(EventIds.of(KernelLine.kernelOrigin(BOOT.replace('6', '7'), 1), XID)).isNotEqualTo(id);
    assertThat(EventIds.of(KernelLine.kernelOrigin(BOOT, 1), other)).isNotEqualTo(id);
  }
}
