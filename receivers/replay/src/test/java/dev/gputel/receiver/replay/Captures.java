package dev.gputel.receiver.replay;

import dev.gputel.testing.CaptureFiles;
import java.nio.file.Path;
import java.util.List;

/** The real captures shipped in the distribution's config/captures folder (see PROVENANCE.md there). */
final class Captures {
  static final Path ROOT = CaptureFiles.folder("");
  static final Path H100_IDLE = ROOT.resolve("nvidia-smi/h100-80gb-hbm3__590.48.01__idle.csv");
  static final Path H100_LOAD = ROOT.resolve("nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv");
  static final Path H200_MIG_LOAD = ROOT.resolve("nvidia-smi/h200-mig__590.48.01__load.csv");
  static final Path XID_LINES = ROOT.resolve("kernel-log/xid-lines.log");

  private Captures() {}

  static List<String> lines(Path file) {
    return CaptureFiles.lines(file);
  }

  static CsvCapture parse(Path file) {
    return CsvCapture.parse(file.getFileName().toString(), lines(file));
  }
}
