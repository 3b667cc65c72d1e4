package dev.gputel.exporter.otlp;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.List;

/**
 * Gives the OTLP exporters exactly one sender each, whatever else is on the class path: ours on the
 * JDK's HttpClient for http/protobuf, even though the OkHttp sender (there for gRPC) offers HTTP
 * too, and OkHttp's for gRPC, by name. Without this the exporter picks the first it finds.
 */
final class SenderLoader implements ComponentLoader {
  static final String OKHTTP_GRPC = "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSenderProvider";

  private final ComponentLoader classPath = ComponentLoader.forClassLoader(SenderLoader.class.getClassLoader());
  private final java.time.Clock clock;

  SenderLoader(java.time.Clock clock) {
    this.clock = clock;
  }

  /** Fails now, with the missing jar named, when gRPC's sender is not on the class path. */
  void check(Protocol protocol) {
    if (protocol == Protocol.GRPC) {
      load(GrpcSenderProvider.class);
    }
  }

  @Override
  public <T> Iterable<T> load(Class<T> type) {
    if (type == HttpSenderProvider.class) {
      return List.of(type.cast(new JdkHttpSender.Provider(clock)));
    }
    if (type == GrpcSenderProvider.class) {
      return only(type, OKHTTP_GRPC, "opentelemetry-exporter-sender-okhttp (with okhttp, okio and kotlin-stdlib)");
    }
    return classPath.load(type);
  }

  private <T> List<T> only(Class<T> type, String className, String jar) {
    for (T provider : classPath.load(type)) {
      if (provider.getClass().getName().equals(className)) {
        return List.of(provider);
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " " + className + " on the class path: "
        + jar + " is missing from lib/");
  }
}
