package dev.gputel.exporter.otlp;

import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.xid.XidAttributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns events (Xid and SXid faults, other driver lines) into OTLP log records: the kernel line as
 * body, every attribute the receiver and the xid-classifier set (xid.code, xid.mnemonic, hw.id...),
 * the event id as {@code log.record.uid}, the severity on OpenTelemetry's scale.
 */
final class LogMapper {
  /** The semantic-convention attribute for a log record's unique id, used for deduplication. */
  static final String RECORD_UID = "log.record.uid";

  private final InstrumentationScopeInfo scope;

  LogMapper(InstrumentationScopeInfo scope) {
    this.scope = scope;
  }

  List<LogRecordData> map(EventBatch batch, Resource resource) {
    List<LogRecordData> out = new ArrayList<>(batch.size());
    for (Event event : batch.events()) {
      AttributesBuilder attributes = io.opentelemetry.api.common.Attributes.builder();
      OtelAttributes.putAll(attributes, event.attributes(), UnaryOperator.identity());
      attributes.put(RECORD_UID, event.id());
      // The record's time is when the kernel logged the line, where the line says so with a zone;
      // the event's own timestamp (when the receiver read it) is when it was observed.
      Instant observed = event.timestamp();
      Instant time = kernelTime(event).orElse(observed);
      out.add(new EventLogRecord(resource, scope, MetricMapper.nanos(time), MetricMapper.nanos(observed),
          severity(event.severity()), event.severity().name(), event.body(), attributes.build()));
    }
    return out;
  }

  private static java.util.Optional<Instant> kernelTime(Event event) {
    String text = event.attributes().getString(XidAttributes.KERNEL_TIME);
    if (text == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  static Severity severity(dev.gputel.spi.data.Severity severity) {
    return switch (severity) {
      case DEBUG -> Severity.DEBUG;
      case INFO -> Severity.INFO;
      case WARN -> Severity.WARN;
      case ERROR -> Severity.ERROR;
      case FATAL -> Severity.FATAL;
    };
  }
}
