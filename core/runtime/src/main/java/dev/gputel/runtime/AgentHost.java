package dev.gputel.runtime;

import dev.gputel.runtime.telemetry.MetricFamily;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.SelfMetric;
import dev.gputel.spi.data.MetricKind;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Host} the agent hands its components: fatal errors stop it, self-telemetry is readable. */
final class AgentHost implements Host {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final AgentContext context;

  AgentHost(AgentContext context) {
    this.context = context;
  }

  @Override
  public void reportFatalError(Throwable error) {
    log.error("a component reported a fatal error; stopping", error);
    context.onFatal().accept(error);
  }

  @Override
  public List<SelfMetric> selfTelemetry() {
    List<MetricFamily> families = context.telemetry().snapshot();
    List<SelfMetric> metrics = new ArrayList<>(families.size());
    for (MetricFamily family : families) {
      List<SelfMetric.Sample> samples = new ArrayList<>(family.samples().size());
      for (MetricFamily.Sample sample : family.samples()) {
        samples.add(new SelfMetric.Sample(sample.labels(), sample.value()));
      }
      metrics.add(new SelfMetric(family.name(), family.help(),
          family.type() == MetricFamily.Type.COUNTER ? MetricKind.COUNTER : MetricKind.GAUGE, samples));
    }
    return metrics;
  }
}
