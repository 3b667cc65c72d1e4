package dev.gputel.runtime.config;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.data.Signal;
import java.util.List;

/** One declared pipeline: its receivers, its processors in order, and its exporters. */
public record PipelineSpec(
    String id,
    Signal signal,
    List<ComponentId> receivers,
    List<ComponentId> processors,
    List<ComponentId> exporters) {}
