package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.LocalHostName;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.RetryableExportException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Writes each metric batch as EMF documents to standard output, a rotating file, the agent's socket
 * or CloudWatch Logs (PutLogEvents).
 */
final class EmfExporter implements Exporter {
  private final EmfConfig config;
  private final ComponentSettings settings;
  private final Counter documentsWritten;
  private final Drops drops;
  private final Counter documentsRejected;
  private final Supplier<AwsCredentialsProvider> credentials;
  private EmfSink sink;
  private EmfEncoder encoder;
  private boolean closed;

  EmfExporter(EmfConfig config, ComponentSettings settings) {
    // The credentials chain is built at start, and only for output = cloudwatch-logs.
    this(config, settings, () -> DefaultCredentialsProvider.builder().build());
  }

  EmfExporter(EmfConfig config, ComponentSettings settings, Supplier<AwsCredentialsProvider> credentials) {
    this.config = config;
    this.credentials = credentials;
    this.settings = settings;
    this.documentsWritten = settings.telemetry().counter("emf_documents_written",
        "EMF documents the cloudwatch-emf exporter wrote to its output");
    this.drops = new Drops(settings.telemetry());
    this.documentsRejected = settings.telemetry().counter("emf_documents_rejected",
        "EMF documents CloudWatch Logs would not store for their time (older than 14 days, over 2 hours ahead)");
  }

  @Override
  public synchronized void start(Host host) throws IOException {
    sink = switch (config.output()) {
      // Standard output unbuffered by System.out's PrintStream: documents are written whole per batch.
      case STDOUT -> new StreamSink(new FileOutputStream(FileDescriptor.out));
      case FILE -> new RotatingFileSink(config.file().path(), config.file().maxBytes(), config.file().keep());
      case AGENT -> switch (config.agent().endpoint().protocol()) {
        case TCP -> new TcpAgentSink(config.agent().endpoint(), config.agent().connectTimeout(),
            new ReconnectBackoff(settings.clock(), config.agent().initialBackoff(), config.agent().maxBackoff()));
        case UDP -> new UdpAgentSink(config.agent().endpoint());
      };
      case CLOUDWATCH_LOGS -> putLogEvents();
    };
    encoder = new EmfEncoder(config, LocalHostName.get(), drops, sink.maxDocumentBytes());
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  private EmfSink putLogEvents() {
    EmfConfig.LogsSettings logs = config.logs();
    CloudWatchLogsClient client;
    try {
      client = LogsClient.build(logs, credentials.get());
    } catch (SdkException e) {
      throw new IllegalStateException("cannot create the CloudWatch Logs client (set cloudwatch-logs.region, or "
          + "AWS_REGION, or run where instance metadata names one): " + e.getMessage(), e);
    }
    String stream = logs.logStreamName() != null ? logs.logStreamName() : LocalHostName.get();
    return new PutLogEventsSink(client, logs.logGroupName(), stream, settings.clock(), documentsRejected,
        settings.logger());
  }

  @Override
  public void exportMetrics(MetricBatch batch) throws ExportException {
    EmfSink current;
    EmfEncoder currentEncoder;
    synchronized (this) {
      if (sink == null || closed) {
        throw new RetryableExportException("cloudwatch-emf exporter is not running");
      }
      current = sink;
      currentEncoder = encoder;
    }
    List<byte[]> documents = currentEncoder.encode(batch);
    if (documents.isEmpty()) {
      return;
    }
    try {
      current.write(documents);
    } catch (AgentUnavailableException e) {
      settings.telemetry().reportStatus(ComponentStatus.down(e.getMessage()));
      throw new RetryableExportException(e.getMessage(), e, e.retryAfter());
    } catch (ServiceFailureException e) {
      settings.telemetry().reportStatus(ComponentStatus.down(e.getMessage()));
      throw e.export();
    } catch (IOException e) {
      settings.telemetry().reportStatus(ComponentStatus.down("writing EMF documents failed: " + e.getMessage()));
      throw new RetryableExportException("writing EMF documents failed: " + e.getMessage(), e);
    }
    documentsWritten.add(documents.size());
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  /** Returns the output while running; for tests. */
  synchronized EmfSink sink() {
    return sink;
  }

  @Override
  public synchronized void shutdown() {
    if (sink == null || closed) {
      return;
    }
    closed = true;
    try {
      sink.close();
    } catch (IOException e) {
      settings.logger().warn("closing the EMF output failed: {}", e.getMessage());
    }
  }
}
