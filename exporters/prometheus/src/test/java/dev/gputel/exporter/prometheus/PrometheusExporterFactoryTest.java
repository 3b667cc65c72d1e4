package dev.gputel.exporter.prometheus;

import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;

class PrometheusExporterFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new PrometheusExporterFactory();
  }

  @Override
  protected String configBody() {
    return "port = 0"; // The default port may be taken on a build machine.
  }
}
