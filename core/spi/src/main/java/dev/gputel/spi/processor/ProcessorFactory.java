package dev.gputel.spi.processor;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentSettings;

/** Creates processors of one type. */
public interface ProcessorFactory extends ComponentFactory {

  /**
   * Creates a processor for one pipeline; called at start and by {@code gputel validate}. Reads
   * {@code config} eagerly and must not start threads or do I/O.
   *
   * @param config the instance's keys over the type's defaults, resolved
   */
  Processor create(ComponentSettings settings, Config config);
}
