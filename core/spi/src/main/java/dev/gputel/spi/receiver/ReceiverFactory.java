package dev.gputel.spi.receiver;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.consumer.Consumers;

/** Creates receivers of one type. */
public interface ReceiverFactory extends ComponentFactory {

  /**
   * Creates a receiver; called at start and by {@code gputel validate}. Reads {@code config} eagerly
   * (throwing {@link com.typesafe.config.ConfigException} on a bad value) and must not start
   * threads or open sources: that is {@link Receiver#start}'s job.
   *
   * @param config the instance's keys over the type's defaults, resolved
   */
  Receiver create(ComponentSettings settings, Config config, Consumers next);
}
