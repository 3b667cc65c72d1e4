package dev.gputel.exporter.otlp;

/** The OTLP transports, named as OpenTelemetry's {@code OTEL_EXPORTER_OTLP_PROTOCOL} names them. */
enum Protocol {
  HTTP_PROTOBUF("http/protobuf", "http://localhost:4318"),
  GRPC("grpc", "http://localhost:4317");

  private final String id;
  private final String defaultEndpoint;

  Protocol(String id, String defaultEndpoint) {
    this.id = id;
    this.defaultEndpoint = defaultEndpoint;
  }

  String id() {
    return id;
  }

  String defaultEndpoint() {
    return defaultEndpoint;
  }
}
