package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code journald} section: which journal journalctl reads and where it begins.
 *
 * @param directory null for the system journal
 * @param namespace null for the default namespace
 */
record JournaldConfig(
    String journalctl, Path directory, List<String> files, String namespace, StartAt startAt, boolean grep) {

  JournaldConfig {
    files = List.copyOf(files);
  }

  static JournaldConfig from(Config config) {
    JournaldConfig result = new JournaldConfig(
        config.getString("journalctl"),
        ConfigValues.optionalPath(config, "directory"),
        config.getStringList("files"),
        ConfigValues.optionalString(config, "namespace"),
        ConfigValues.option(config, "start-at", StartAt.BOOT, StartAt.END, StartAt.ALL),
        config.getBoolean("grep"));
    int chosen = (result.directory != null ? 1 : 0) + (result.files.isEmpty() ? 0 : 1)
        + (result.namespace != null ? 1 : 0);
    if (chosen > 1) {
      throw new ConfigException.BadValue(config.origin(), "directory",
          "set at most one of directory, files and namespace (journalctl takes one)");
    }
    return result;
  }

  /** Whether a journal other than the system one was named. */
  boolean namesAJournal() {
    return directory != null || !files.isEmpty() || namespace != null;
  }
}
