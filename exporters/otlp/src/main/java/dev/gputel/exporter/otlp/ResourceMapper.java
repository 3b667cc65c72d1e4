package dev.gputel.exporter.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.function.UnaryOperator;

/**
 * The OTLP resource of a batch: {@code service.name = gputel} and the agent's version, then the
 * batch's own resource (host.*, cloud.*, aws.ecs.* from enrichment), then the configured
 * attributes, each over the one before.
 */
final class ResourceMapper {
  private record Cached(dev.gputel.spi.data.Resource source, Resource mapped) {}

  private final dev.gputel.spi.data.Attributes configured;
  private final String agentVersion;
  // Every batch of a host usually carries the same resource: convert it once.
  private volatile Cached last;

  ResourceMapper(dev.gputel.spi.data.Attributes configured, String agentVersion) {
    this.configured = configured;
    this.agentVersion = agentVersion;
  }

  Resource map(dev.gputel.spi.data.Resource resource) {
    Cached cached = last;
    if (cached != null && (cached.source() == resource || cached.source().equals(resource))) {
      return cached.mapped();
    }
    AttributesBuilder attributes = Attributes.builder()
        .put("service.name", "gputel").put("service.version", agentVersion);
    OtelAttributes.putAll(attributes, resource.attributes(), UnaryOperator.identity());
    OtelAttributes.putAll(attributes, configured, UnaryOperator.identity());
    Resource mapped = Resource.create(attributes.build());
    last = new Cached(resource, mapped);
    return mapped;
  }
}
