package dev.gputel.exporter.otlp;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OTLP/gRPC receiver for tests, on loopback (grpc-java over Netty, test scope only): keeps every
 * request with its headers and answers OK, or the status codes it was told to fail with.
 */
final class OtlpGrpcReceiver implements AutoCloseable {
  /** One call as received: its headers and the decoded request. */
  record Call(Metadata headers, Object request) {
    String header(String name) {
      return headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
    }

    ExportMetricsServiceRequest metrics() {
      return (ExportMetricsServiceRequest) request;
    }

    ExportLogsServiceRequest logs() {
      return (ExportLogsServiceRequest) request;
    }
  }

  private static final Context.Key<Metadata> HEADERS = Context.key("headers");

  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final Queue<Status.Code> failures = new ConcurrentLinkedQueue<>();
  private final Server server;

  OtlpGrpcReceiver() throws IOException {
    ServerInterceptor keepHeaders = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(ServerInterceptors.intercept(new MetricsServiceGrpc.MetricsServiceImplBase() {
          @Override
          public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> out) {
            answer(request, out, ExportMetricsServiceResponse.getDefaultInstance());
          }
        }, keepHeaders))
        .addService(ServerInterceptors.intercept(new LogsServiceGrpc.LogsServiceImplBase() {
          @Override
          public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> out) {
            answer(request, out, ExportLogsServiceResponse.getDefaultInstance());
          }
        }, keepHeaders))
        .build().start();
  }

  private <T> void answer(Object request, StreamObserver<T> out, T ok) {
    calls.add(new Call(HEADERS.get(), request));
    Status.Code failure = failures.poll();
    if (failure != null) {
      out.onError(Status.fromCode(failure).withDescription("test says " + failure).asRuntimeException());
      return;
    }
    out.onNext(ok);
    out.onCompleted();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  void failNext(Status.Code code, int times) {
    for (int i = 0; i < times; i++) {
      failures.add(code);
    }
  }

  Call await() throws InterruptedException {
    Call call = calls.poll(10, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("no OTLP gRPC call within 10 s");
    }
    return call;
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
