package dev.gputel.runtime.config;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentId;
import java.util.List;
import java.util.Map;

/**
 * A configuration that passed validation: everything the agent needs to build its pipelines.
 *
 * @param effective the configuration with every default filled in, for {@code gputel print-config}
 */
public record AgentSpec(
    ServiceSettings service,
    Map<ComponentId, ComponentSpec> components,
    List<PipelineSpec> pipelines,
    Config effective) {}
