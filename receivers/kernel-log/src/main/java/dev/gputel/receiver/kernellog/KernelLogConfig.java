package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;

/**
 * The kernel-log receiver's settings, read eagerly so that a bad value fails the configuration
 * check rather than the running agent; see reference.conf for each key.
 *
 * @param hostName null to take the journal's _HOSTNAME or this machine's name
 */
record KernelLogConfig(
    SourceKind source,
    List<String> match,
    String hostName,
    int maxBatch,
    Duration retryInitial,
    Duration retryMax,
    Duration pollInterval,
    JournaldConfig journald,
    KmsgConfig kmsg,
    FileConfig file) {

  KernelLogConfig {
    match = List.copyOf(match);
  }

  static KernelLogConfig from(Config config) {
    KernelLogConfig result = new KernelLogConfig(
        ConfigValues.option(config, "source", SourceKind.AUTO, SourceKind.JOURNALD, SourceKind.KMSG,
            SourceKind.FILE),
        config.getStringList("match"),
        ConfigValues.optionalString(config, "host-name"),
        config.getInt("max-batch"),
        ConfigValues.positive(config, "retry.initial-interval"),
        ConfigValues.positive(config, "retry.max-interval"),
        ConfigValues.positive(config, "poll-interval"),
        JournaldConfig.from(config.getConfig("journald")),
        KmsgConfig.from(config.getConfig("kmsg")),
        FileConfig.from(config.getConfig("file")));
    if (result.match.stream().anyMatch(String::isEmpty)) {
      throw new ConfigException.BadValue(config.getValue("match").origin(), "match",
          "has an empty string; to keep every line, write match = []");
    }
    if (result.maxBatch < 1) {
      throw new ConfigException.BadValue(config.getValue("max-batch").origin(), "max-batch", "must be at least 1");
    }
    if (result.source == SourceKind.FILE && result.file.paths().isEmpty()) {
      throw new ConfigException.BadValue(config.getValue("file.paths").origin(), "file.paths",
          "source = file needs at least one path");
    }
    return result;
  }
}
