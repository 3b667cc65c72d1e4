package dev.gputel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.ConfigProblems;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import dev.gputel.spi.receiver.Receiver;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every component passes. Extend it in the component's factory test, return the
 * factory, and the kit checks: the type id, that the defaults are valid in a pipeline, create,
 * start, consume and shutdown, shutdown twice, shutdown without start, and that a misspelt key is
 * rejected with a suggestion.
 */
public abstract class ComponentContractKit {
  @TempDir protected Path stateDirectory;

  /** What the component under test reported about itself; a fresh one for every test. */
  protected final RecordingTelemetry telemetry = new RecordingTelemetry();

  private Clock clock;

  /** Returns the factory under test. */
  protected abstract ComponentFactory factory();

  /**
   * Returns the body of the component's configuration block for these tests, in HOCON; empty uses
   * the defaults. Override when the defaults need a value from the test (a file to read).
   */
  protected String configBody() {
    return "";
  }

  /**
   * Returns the clock components are created with; called once per test. Override to keep a
   * {@link ManualClock} the test can move.
   */
  protected Clock clock() {
    return ManualClock.atFixedStart();
  }

  private Clock componentClock() {
    if (clock == null) {
      clock = clock();
    }
    return clock;
  }

  /**
   * Runs the started component once: processors process a sample batch, exporters export one,
   * receivers are given nothing. Override to feed or observe more (a receiver's first output).
   */
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    switch (component) {
      case Processor processor -> {
        for (Signal signal : factory().signals()) {
          if (signal == Signal.METRICS) {
            assertThat(processor.processMetrics(sampleMetrics())).as("processed metrics").isNotNull();
          } else {
            assertThat(processor.processEvents(sampleEvents())).as("processed events").isNotNull();
          }
        }
      }
      case Exporter exporter -> {
        for (Signal signal : factory().signals()) {
          if (signal == Signal.METRICS) {
            exporter.exportMetrics(sampleMetrics());
          } else {
            exporter.exportEvents(sampleEvents());
          }
        }
      }
      default -> {}
    }
  }

  /** A small metric batch: one GPU, two points. */
  protected static MetricBatch sampleMetrics() {
    Attributes gpu = Attributes.builder().put("gpu.index", 0L).put("hw.id", "GPU-00000000-0000-0000-0000-000000000000").build();
    var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    return new MetricBatch(Resource.empty().merge(Attributes.of("host.name", "test-host")), List.of(
        MetricPoint.gauge("utilization_gpu", 42, "%", now, gpu),
        MetricPoint.gauge("temperature_gpu", 35, "Cel", now, gpu)));
  }

  /** A small event batch: one Xid line. */
  protected static EventBatch sampleEvents() {
    return new EventBatch(Resource.empty(), List.of(new Event(java.time.Instant.parse("2026-01-01T00:00:00Z"),
        Severity.WARN, "NVRM: Xid (PCI:0000:3b:00): 79, pid=1234, name=python, GPU has fallen off the bus.",
        Attributes.empty(), "sample-1")));
  }

  @Test
  void typeIsKebabCase() {
    assertThatCode(() -> new ComponentId(kind(), factory().type(), "")).doesNotThrowAnyException();
    assertThat(factory().signals()).as("signals").isNotEmpty();
    assertThat(factory().stability()).isNotNull();
  }

  @Test
  void configurationIsValidInAPipeline() {
    assertThatCode(() -> validator().validate(pipelineConfig(configBody()))).doesNotThrowAnyException();
  }

  @Test
  void createStartConsumeShutdown() throws Exception {
    TelemetrySink sink = new TelemetrySink();
    TestHost host = new TestHost();
    Component component = create(sink);
    component.start(host);
    try {
      exercise(component, sink);
    } finally {
      component.shutdown();
    }
    assertThat(host.fatalErrors()).isEmpty();
  }

  @Test
  void shutdownTwice() throws Exception {
    Component component = create(new TelemetrySink());
    component.start(new TestHost());
    component.shutdown();
    assertThatCode(component::shutdown).doesNotThrowAnyException();
  }

  @Test
  void shutdownWithoutStart() {
    Component component = create(new TelemetrySink());
    assertThatCode(component::shutdown).doesNotThrowAnyException();
  }

  @Test
  void misspeltKeyIsRejected() {
    ComponentRegistry registry = registry(new TelemetrySink());
    ConfigObject defaults = registry.defaults(registry.find(kind(), factory().type()).orElseThrow());
    String key = defaults.keySet().stream().sorted().findFirst().orElse("some-key");
    String misspelt = misspell(key);
    String body = configBody() + "\n" + misspelt + " = 1\n";

    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class,
        () -> validator().validate(pipelineConfig(body)));

    assertThat(problems).as("validation of a misspelt key").isNotNull();
    assertThat(problems.problems())
        .anySatisfy(problem -> {
          assertThat(problem.path()).endsWith("." + misspelt);
          assertThat(problem.message()).startsWith("unknown key");
          if (!defaults.isEmpty()) {
            assertThat(problem.message()).contains("did you mean '" + key + "'");
          }
        });
  }

  private Component create(TelemetrySink sink) {
    ComponentId id = new ComponentId(kind(), factory().type(), "");
    ComponentRegistry registry = registry(sink);
    FactoryInfo info = registry.find(kind(), factory().type()).orElseThrow();
    ConfigObject defaults = registry.defaults(info);
    if (kind() == ComponentKind.EXPORTER) {
      defaults = defaults.withFallback(registry.runtimeDefaults().getObject("exporter-helper"));
    }
    Config config = ConfigFactory.parseString(configBody()).withFallback(defaults).resolve();
    ComponentSettings settings = new ComponentSettings(id, telemetry, componentClock(),
        stateDirectory, "test");
    return switch (factory()) {
      case ReceiverFactory receivers -> receivers.create(settings, config, sink.consumers());
      case ProcessorFactory processors -> processors.create(settings, config);
      case ExporterFactory exporters -> exporters.create(settings, config);
      default -> throw new IllegalStateException("not a receiver, processor or exporter factory");
    };
  }

  private ComponentKind kind() {
    return switch (factory()) {
      case ReceiverFactory r -> ComponentKind.RECEIVER;
      case ProcessorFactory p -> ComponentKind.PROCESSOR;
      case ExporterFactory e -> ComponentKind.EXPORTER;
      default -> throw new IllegalStateException("not a receiver, processor or exporter factory");
    };
  }

  private ComponentRegistry registry(TelemetrySink sink) {
    ComponentRegistry registry = new ComponentRegistry();
    registry.add(new FactoryInfo(kind(), factory(), ""));
    if (kind() != ComponentKind.RECEIVER) {
      registry.add(new FactoryInfo(ComponentKind.RECEIVER, new KitComponents.SourceFactory(), ""));
    }
    if (kind() != ComponentKind.EXPORTER) {
      registry.add(new FactoryInfo(ComponentKind.EXPORTER, new KitComponents.SinkFactory(sink), ""));
    }
    return registry;
  }

  private ConfigValidator validator() {
    return new ConfigValidator(registry(new TelemetrySink()), new ComponentCreator(componentClock()));
  }

  private Config pipelineConfig(String body) {
    String type = factory().type();
    String receiver = kind() == ComponentKind.RECEIVER ? type : KitComponents.SOURCE;
    String exporter = kind() == ComponentKind.EXPORTER ? type : KitComponents.SINK;
    String signal = factory().signals().iterator().next().id();
    String text = """
        gputel {
          service { data-directory = "%s", admin.enabled = false }
          receivers { %s { %s } }
          %s
          exporters { %s { %s } }
          pipelines { %s { receivers = [%s], %s exporters = [%s] } }
        }
        """.formatted(stateDirectory.toString().replace("\\", "/"),
        receiver, kind() == ComponentKind.RECEIVER ? body : "",
        kind() == ComponentKind.PROCESSOR ? "processors { " + type + " { " + body + " } }" : "",
        exporter, kind() == ComponentKind.EXPORTER ? body : "",
        signal, receiver, kind() == ComponentKind.PROCESSOR ? "processors = [" + type + "]," : "", exporter);
    return ConfigFactory.parseString(text).resolve();
  }

  /** Swaps two letters, or adds one to a short key, so the result is a likely typo. */
  private static String misspell(String key) {
    if (key.length() >= 4) {
      char[] chars = key.toCharArray();
      int i = chars.length / 2;
      if (chars[i] == chars[i - 1] || !Character.isLetter(chars[i]) || !Character.isLetter(chars[i - 1])) {
        return key + "x";
      }
      char swap = chars[i];
      chars[i] = chars[i - 1];
      chars[i - 1] = swap;
      return new String(chars);
    }
    return key + "x";
  }
}
