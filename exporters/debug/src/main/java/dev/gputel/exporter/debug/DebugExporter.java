package dev.gputel.exporter.debug;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.RetryableExportException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes each batch to the console or a file, flushed per batch so the output can be followed. */
final class DebugExporter implements Exporter {
  private final DebugConfig config;
  private final ComponentSettings settings;
  private Writer writer;
  private boolean closed;

  DebugExporter(DebugConfig config, ComponentSettings settings) {
    this.config = config;
    this.settings = settings;
  }

  @Override
  public synchronized void start(Host host) throws IOException {
    if (config.output() == DebugConfig.Output.FILE) {
      Path path = config.path().orElseThrow();
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } else {
      writer = new OutputStreamWriter(new PrintStream(System.out, false, StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
    }
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  @Override
  public void exportMetrics(MetricBatch batch) throws RetryableExportException {
    StringBuilder out = new StringBuilder(64 + batch.size() * 96);
    if (config.format() == DebugConfig.Format.JSON) {
      JsonFormat.metrics(out, batch);
    } else {
      TextFormat.metrics(out, batch, config.verbosity() == DebugConfig.Verbosity.DETAILED);
    }
    write(out);
  }

  @Override
  public void exportEvents(EventBatch batch) throws RetryableExportException {
    StringBuilder out = new StringBuilder(64 + batch.size() * 160);
    if (config.format() == DebugConfig.Format.JSON) {
      JsonFormat.events(out, batch);
    } else {
      TextFormat.events(out, batch, config.verbosity() == DebugConfig.Verbosity.DETAILED);
    }
    write(out);
  }

  private synchronized void write(StringBuilder out) throws RetryableExportException {
    if (writer == null || closed) {
      throw new RetryableExportException("debug exporter is not running");
    }
    try {
      writer.write(out.toString());
      writer.flush();
    } catch (IOException e) {
      throw new RetryableExportException("writing failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void shutdown() {
    if (writer == null || closed) {
      return;
    }
    closed = true;
    try {
      if (config.output() == DebugConfig.Output.FILE) {
        writer.close();
      } else {
        writer.flush(); // Leave the process's standard output open.
      }
    } catch (IOException e) {
      settings.logger().warn("closing the debug output failed: {}", e.getMessage());
    }
  }
}
