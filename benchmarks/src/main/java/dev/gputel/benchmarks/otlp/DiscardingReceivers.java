package dev.gputel.benchmarks.otlp;

import com.sun.net.httpserver.HttpServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP receivers on loopback that read each request whole and answer success without decoding it,
 * so that the benchmark measures the exporter, not a collector. The HTTP one reads the body as sent
 * (gzipped or not); grpc-java inflates a gzipped message before handing it over.
 */
final class DiscardingReceivers {
  private DiscardingReceivers() {}

  static HttpServer http(AtomicLong bytes) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> {
      try (exchange) {
        bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    return server;
  }

  static Server grpc(AtomicLong bytes) throws IOException {
    MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        try {
          return stream.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(
        "opentelemetry.proto.collector.metrics.v1.MetricsService");
    service.addMethod(MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("opentelemetry.proto.collector.metrics.v1.MetricsService/Export")
            .setRequestMarshaller(raw).setResponseMarshaller(raw).build(),
        ServerCalls.asyncUnaryCall((request, response) -> {
          bytes.addAndGet(request.length);
          response.onNext(new byte[0]); // An empty ExportMetricsServiceResponse: nothing rejected.
          response.onCompleted();
        }));
    return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(service.build()).build().start();
  }
}
