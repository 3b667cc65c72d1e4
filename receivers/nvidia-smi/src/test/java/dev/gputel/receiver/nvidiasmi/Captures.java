package dev.gputel.receiver.nvidiasmi;

import dev.gputel.testing.CaptureFiles;
import java.nio.file.Path;
import java.util.List;

/** The real captures shipped in config/captures/nvidia-smi (see PROVENANCE.md there). */
final class Captures {
  static final Path ROOT = CaptureFiles.folder("nvidia-smi");
  static final Path H100_LOAD = ROOT.resolve("h100-80gb-hbm3__590.48.01__load.csv");
  static final Path H200_MIG_IDLE = ROOT.resolve("h200-mig__590.48.01__idle.csv");
  static final Path L40S_LOAD = ROOT.resolve("l40s__595.80__load.csv");
  static final Path RTX_4080_SUPER_IDLE = ROOT.resolve("geforce-rtx-4080-super__595.71.05__idle.csv");
  static final Path QUOTED = ROOT.resolve("quoted");

  private Captures() {}

  static List<String> lines(Path file) {
    return CaptureFiles.lines(file);
  }

  /** Returns the field list of a {@code <name>.cmd} beside a quoted capture. */
  static List<String> commandFields(Path cmd) {
    String command = lines(cmd).getFirst();
    int from = command.indexOf("--query-gpu=") + "--query-gpu=".length();
    return List.of(command.substring(from, command.indexOf(' ', from)).split(","));
  }
}
