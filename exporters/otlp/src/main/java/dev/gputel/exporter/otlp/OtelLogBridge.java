package dev.gputel.exporter.otlp;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what OpenTelemetry's exporters log through java.util.logging to the agent's log instead of
 * standard error. Their "Failed to export" messages go to debug: the exporter turns each failure
 * into an exception that the runtime logs (once per attempt, with the retry it will make), so the
 * same failure would otherwise be printed twice, the second time with a stack trace. Everything
 * else (partial success warnings, for one) keeps its level.
 */
final class OtelLogBridge extends Handler {
  // java.util.logging keeps loggers weakly: hold it, or the settings vanish with it.
  private static final Logger OTEL = Logger.getLogger("io.opentelemetry.exporter");
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("gputel.exporter.otlp.opentelemetry");

  static synchronized void install() {
    for (Handler handler : OTEL.getHandlers()) {
      if (handler instanceof OtelLogBridge) {
        return;
      }
    }
    OTEL.addHandler(new OtelLogBridge());
    OTEL.setUseParentHandlers(false);
  }

  @Override
  public void publish(LogRecord record) {
    String message = record.getMessage();
    Throwable thrown = record.getThrown();
    int level = record.getLevel().intValue();
    if (message != null && message.startsWith("Failed to export")) {
      LOG.debug(message, thrown);
    } else if (level >= Level.SEVERE.intValue()) {
      LOG.error(message, thrown);
    } else if (level >= Level.WARNING.intValue()) {
      LOG.warn(message, thrown);
    } else if (level >= Level.INFO.intValue()) {
      LOG.info(message, thrown);
    } else {
      LOG.debug(message, thrown);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
