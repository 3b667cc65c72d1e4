package dev.gputel.xid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelLogScannerTest {

  private static List<KernelLogScanner.Found> scan(List<String> lines) {
    KernelLogScanner scanner = new KernelLogScanner();
    List<KernelLogScanner.Found> found = new ArrayList<>();
    lines.forEach(line -> found.addAll(scanner.next(line)));
    found.addAll(scanner.end());
    return found;
  }

  @Test
  void joinsTheRealThreeLineFallenOffBannerIntoOneXid79OnItsFirstLine() {
    List<KernelLogScanner.Found> found = scan(Captures.lines(Captures.XID_LINES));

    List<KernelLogScanner.Found> fell = found.stream().filter(f -> f.parsed() instanceof FellOffBusLine).toList();
    assertThat(fell).extracting(KernelLogScanner.Found::line).containsExactly(1L, 24L, 30L, 32L, 86L);
    FellOffBusLine banner = (FellOffBusLine) fell.get(3).parsed();
    assertThat(banner.gpu().busId()).hasToString("00000000:B3:00.0");
    assertThat(banner.prefix().text()).isEqualTo("[ 1843.308145]");
  }

  @Test
  void reportsEveryRecognisedLineOnceAndInOrder() {
    List<String> lines = Captures.lines(Captures.XID_LINES);
    List<KernelLogScanner.Found> found = scan(lines);

    assertThat(found).extracting(KernelLogScanner.Found::line).isSorted().doesNotHaveDuplicates();
    // Everything but the seven lines of other drivers is a driver line.
    assertThat(found).hasSize(lines.size() - RealXidLinesTest.NOT_NVIDIA.size());
  }

  @Test
  void aBannerThatNeverSaysFallenOffIsReleasedUnchanged() {
    // SYNTHETIC: the banner's first line followed by unrelated lines.
    List<KernelLogScanner.Found> found = scan(List.of(
        "NVRM: The NVIDIA GPU 0000:b3:00.0", "NVRM: something else", "NVRM: and more", "NVRM: Xid (PCI:0000:b3:00): 13, x"));

    assertThat(found).extracting(KernelLogScanner.Found::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(found.get(0).parsed()).isInstanceOf(OtherNvrmLine.class);
    assertThat(found.get(3).parsed()).isInstanceOf(XidLine.class);
  }

  @Test
  void aBannerCutShortByTheEndOfInputIsStillReported() {
    List<KernelLogScanner.Found> found = scan(List.of("[ 1843.308145] NVRM: The NVIDIA GPU 0000:b3:00.0"));
    assertThat(found).singleElement().satisfies(f -> assertThat(f.parsed()).isInstanceOf(OtherNvrmLine.class));
  }
}
