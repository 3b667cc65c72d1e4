package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;

class EmfExporterFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new EmfExporterFactory();
  }

  @Override
  protected String configBody() {
    return "output = file, file.path = \"" + stateDirectory.resolve("emf.log") + "\"";
  }
}
