package dev.gputel.runtime.exporter;

import com.typesafe.config.Config;
import dev.gputel.runtime.spool.SpoolSettings;

/** What the runtime wraps around one exporter: its queue, retry and spool sections. */
public record ExporterHelperSettings(QueueSettings queue, RetrySettings retry, SpoolSettings spool) {

  public static ExporterHelperSettings from(Config exporterConfig) {
    return new ExporterHelperSettings(
        QueueSettings.from(exporterConfig),
        RetrySettings.from(exporterConfig),
        SpoolSettings.from(exporterConfig));
  }
}
