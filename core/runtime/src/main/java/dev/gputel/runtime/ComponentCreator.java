package dev.gputel.runtime;

import com.typesafe.config.ConfigException;
import dev.gputel.runtime.config.ComponentProbe;
import dev.gputel.runtime.config.ComponentSpec;
import dev.gputel.runtime.config.ConfigProblem;
import dev.gputel.runtime.config.ServiceSettings;
import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.exporter.ExporterFactory;
import dev.gputel.spi.processor.ProcessorFactory;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Calls the right factory for a component spec; also the probe that validation uses. */
public final class ComponentCreator implements ComponentProbe {
  private final Clock clock;

  public ComponentCreator(Clock clock) {
    this.clock = clock;
  }

  Component create(ComponentSpec spec, ComponentSettings settings, Consumers next) {
    return switch (spec.factory().factory()) {
      case ReceiverFactory receivers -> receivers.create(settings, spec.config(), next);
      case ProcessorFactory processors -> processors.create(settings, spec.config());
      case ExporterFactory exporters -> exporters.create(settings, spec.config());
      default -> throw new IllegalStateException("unknown factory " + spec.factory().factory().getClass());
    };
  }

  ComponentSettings settings(ComponentId id, Telemetry telemetry, ServiceSettings service) {
    return new ComponentSettings(id, telemetry, clock, stateDirectory(service, id), AgentVersion.get());
  }

  /** Returns {@code <data-directory>/state/<kind>/<id>}, the component's own directory. */
  static Path stateDirectory(ServiceSettings service, ComponentId id) {
    return service.dataDirectory().resolve("state").resolve(id.kind().id()).resolve(fileName(id));
  }

  /** Returns a file name for an instance id: {@code nvidia-smi/fast} becomes {@code nvidia-smi~fast}. */
  static String fileName(ComponentId id) {
    return id.toString().replace('/', '~');
  }

  @Override
  public void check(ComponentSpec spec, ServiceSettings service, List<ConfigProblem> problems) {
    try {
      create(spec, settings(spec.id(), Telemetry.noop(), service), Consumers.discarding()).shutdown();
    } catch (ConfigException e) {
      problems.add(ConfigProblem.of(e, spec.path()));
    } catch (RuntimeException | LinkageError e) {
      problems.add(new ConfigProblem("", spec.path(), "cannot be created: " + e));
    }
  }
}
