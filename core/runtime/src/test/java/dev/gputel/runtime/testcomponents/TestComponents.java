package dev.gputel.runtime.testcomponents;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentKind;
import java.time.Clock;

/** A registry of the test components, and shortcuts to validate and build agents with it. */
public final class TestComponents {
  public final LifecycleLog log = new LifecycleLog();
  public final TestSourceFactory sources = new TestSourceFactory(log);
  public final RecordingExporterFactory exporters = new RecordingExporterFactory(log);
  public final ComponentRegistry registry = new ComponentRegistry();

  public TestComponents() {
    registry.add(new FactoryInfo(ComponentKind.RECEIVER, sources, ""));
    registry.add(new FactoryInfo(ComponentKind.PROCESSOR, new TagProcessorFactory(log), ""));
    registry.add(new FactoryInfo(ComponentKind.PROCESSOR, new KeepProcessorFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.EXPORTER, exporters, ""));
    registry.add(new FactoryInfo(ComponentKind.EXPORTER, new MetricsOnlyExporterFactory(), ""));
  }

  public ConfigValidator validator() {
    return new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC()));
  }

  public AgentSpec validate(String hocon) {
    return validator().validate(ConfigFactory.parseString(hocon).resolve());
  }

  public AgentSpec validate(Config config) {
    return validator().validate(config);
  }

  /** Builds and starts an agent from HOCON text; the caller shuts it down. */
  public Agent start(String hocon, AgentContext context) throws Exception {
    Agent agent = Agent.create(validate(hocon), context);
    agent.start();
    return agent;
  }
}
