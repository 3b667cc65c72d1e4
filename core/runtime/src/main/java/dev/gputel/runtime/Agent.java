package dev.gputel.runtime;

import dev.gputel.runtime.admin.AdminServer;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ComponentSpec;
import dev.gputel.runtime.exporter.ExporterHelperSettings;
import dev.gputel.runtime.exporter.ExporterMetrics;
import dev.gputel.runtime.exporter.ExporterRunner;
import dev.gputel.runtime.exporter.QueuedExporter;
import dev.gputel.runtime.exporter.SpooledExporter;
import dev.gputel.runtime.pipeline.GraphBuilder;
import dev.gputel.runtime.pipeline.PipelineGraph;
import dev.gputel.runtime.spool.Spool;
import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.receiver.Receiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gputel: the pipeline graph, its lifecycle and its admin endpoint.
 *
 * <p>Start order is exporters, processors, receivers, so nothing is sent into a component that is
 * not ready; shutdown is the reverse, and exporters get until the shutdown deadline to send what
 * is queued.
 */
public final class Agent {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  /** Where the agent is in its life. */
  public enum State {
    CREATED,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final AgentSpec spec;
  private final AgentContext context;
  private final ComponentCreator creator;
  private final PipelineGraph graph;
  private final Host host;
  private final List<Component> started = new ArrayList<>();
  private AdminServer admin;
  private volatile State state = State.CREATED;
  private volatile double startSeconds;

  private Agent(AgentSpec spec, AgentContext context) throws IOException {
    this.spec = spec;
    this.context = context;
    this.creator = new ComponentCreator(context.clock());
    this.host = new AgentHost(context);
    this.graph = GraphBuilder.build(spec, new Factories());
    reportUnused();
    context.telemetry().gauge("gputel_agent_info", "The running agent's version (always 1)",
        Map.of("version", AgentVersion.get()), () -> 1);
    context.telemetry().gauge("gputel_agent_start_time_seconds", "Unix time the agent started",
        Map.of(), () -> startSeconds);
  }

  /** Builds the pipelines of a validated configuration; nothing runs until {@link #start}. */
  public static Agent create(AgentSpec spec, AgentContext context) throws IOException {
    return new Agent(spec, context);
  }

  /** Starts the admin endpoint, then exporters, processors and receivers. */
  public synchronized void start() throws Exception {
    if (state != State.CREATED) {
      throw new IllegalStateException("agent already " + state);
    }
    state = State.STARTING;
    startSeconds = context.clock().millis() / 1000.0;
    try {
      if (spec.service().admin().enabled()) {
        admin = AdminServer.start(spec.service().admin(), context, () -> state);
        log.info("admin endpoint on http://{}:{}/ (healthz, metrics)",
            admin.address().getHostString(), admin.address().getPort());
      }
      for (Map.Entry<ComponentId, ExporterRunner> exporter : graph.exporters().entrySet()) {
        exporter.getValue().start();
      }
      for (Processor processor : graph.processors()) {
        processor.start(host);
        started.add(processor);
      }
      for (Map.Entry<ComponentId, Receiver> receiver : graph.receivers().entrySet()) {
        Files.createDirectories(ComponentCreator.stateDirectory(spec.service(), receiver.getKey()));
        receiver.getValue().start(host);
        started.add(receiver.getValue());
      }
    } catch (Exception e) {
      shutdown(); // What started is stopped again; the caller reports the failure.
      throw e;
    }
    state = State.RUNNING;
    log.info("gputel {} running: {} receiver(s), {} processor(s), {} exporter(s) in {} pipeline(s)",
        AgentVersion.get(), graph.receivers().size(), graph.processors().size(),
        graph.exporters().size(), spec.pipelines().size());
  }

  /**
   * Stops receivers, then processors, then lets exporters drain until the shutdown deadline. Safe
   * to call more than once and from any thread.
   */
  public synchronized void shutdown() {
    if (state == State.STOPPED || state == State.STOPPING) {
      return;
    }
    state = State.STOPPING;
    Instant deadline = Instant.now().plus(spec.service().shutdownTimeout());
    log.info("stopping; exporters may drain until {}", deadline);
    for (Receiver receiver : graph.receivers().values()) {
      shutdownQuietly(receiver);
    }
    for (Processor processor : graph.processors()) {
      shutdownQuietly(processor);
    }
    long abandoned = 0;
    for (ExporterRunner exporter : graph.exporters().values()) {
      abandoned += exporter.drainAndStop(deadline);
    }
    if (abandoned > 0) {
      log.warn("{} item(s) were still queued at the shutdown deadline and were dropped", abandoned);
    }
    if (admin != null) {
      admin.stop();
    }
    state = State.STOPPED;
    log.info("stopped");
  }

  public State state() {
    return state;
  }

  /** Returns where the admin endpoint listens, once started. */
  public Optional<InetSocketAddress> adminAddress() {
    return Optional.ofNullable(admin).map(AdminServer::address);
  }

  private void reportUnused() {
    Set<ComponentId> used = spec.pipelines().stream()
        .flatMap(p -> Stream.of(p.receivers(), p.processors(), p.exporters()).flatMap(List::stream))
        .collect(Collectors.toSet());
    spec.components().keySet().stream().filter(id -> !used.contains(id)).forEach(id ->
        log.warn("{} {} is declared but no pipeline uses it; it is not created", id.kind().id(), id));
  }

  private static void shutdownQuietly(Component component) {
    try {
      component.shutdown();
    } catch (RuntimeException e) {
      log.warn("{} failed to shut down cleanly", component.getClass().getSimpleName(), e);
    }
  }

  /** Creates component instances from the validated specs. */
  private final class Factories implements GraphBuilder.Components {
    @Override
    public ExporterRunner exporter(ComponentId id) throws IOException {
      ComponentSpec componentSpec = spec.components().get(id);
      ComponentTelemetry telemetry = telemetry(id);
      ComponentSettings settings = creator.settings(id, telemetry, spec.service());
      Exporter exporter = (Exporter) creator.create(componentSpec, settings, Consumers.discarding());
      ExporterHelperSettings helper = ExporterHelperSettings.from(componentSpec.config());
      ExporterMetrics metrics = new ExporterMetrics(telemetry, context.clock());
      if (!helper.spool().enabled()) {
        return new QueuedExporter(id, exporter, helper, metrics, context.clock(), settings.logger(), host);
      }
      Path directory = helper.spool().directory().orElse(
          spec.service().dataDirectory().resolve("spool").resolve(ComponentCreator.fileName(id)));
      Spool spool = Spool.open(directory, helper.spool());
      return new SpooledExporter(id, exporter, helper, metrics, context.clock(), settings.logger(), host, spool);
    }

    @Override
    public Processor processor(ComponentId id, String pipeline) {
      ComponentSettings settings = creator.settings(id, telemetry(id), spec.service());
      return (Processor) creator.create(spec.components().get(id), settings, Consumers.discarding());
    }

    @Override
    public Receiver receiver(ComponentId id, Consumers next) {
      ComponentSettings settings = creator.settings(id, telemetry(id), spec.service());
      return (Receiver) creator.create(spec.components().get(id), settings, next);
    }

    @Override
    public ComponentTelemetry telemetry(ComponentId id) {
      return new ComponentTelemetry(context.telemetry(), context.status(), id);
    }
  }
}
