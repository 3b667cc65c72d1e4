package dev.gputel.runtime.config;

import com.typesafe.config.Config;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentId;

/**
 * One declared component instance, validated.
 *
 * @param config the instance's keys over its defaults, as its factory will read them
 * @param path the configuration path that declares it, for messages
 */
public record ComponentSpec(ComponentId id, FactoryInfo factory, Config config, String path) {}
