package dev.gputel.spi.exporter;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentSettings;

/**
 * Creates exporters of one type. Besides its own keys, every exporter accepts the runtime's
 * {@code queue}, {@code retry} and {@code spool} sections; a factory that needs durability turns
 * the spool on in its {@code reference.conf}.
 */
public interface ExporterFactory extends ComponentFactory {

  /**
   * Creates an exporter; called at start and by {@code gputel validate}. Reads {@code config}
   * eagerly and must not start threads or open connections.
   *
   * @param config the instance's keys over the type's defaults, resolved
   */
  Exporter create(ComponentSettings settings, Config config);
}
