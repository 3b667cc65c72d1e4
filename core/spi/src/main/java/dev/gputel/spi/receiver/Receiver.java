package dev.gputel.spi.receiver;

import dev.gputel.spi.component.Component;

/**
 * Produces telemetry from a source (NVML, nvidia-smi, the kernel log) and hands it to the {@link
 * dev.gputel.spi.consumer.Consumers} it was created with, from threads it starts in {@link
 * #start}. One instance serves every pipeline that names it.
 */
public interface Receiver extends Component {}
