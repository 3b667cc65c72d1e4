package dev.gputel.exporter.debug;

import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;

class DebugExporterFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new DebugExporterFactory();
  }

  @Override
  protected String configBody() {
    return "output = file, path = \"" + stateDirectory.resolve("out.txt") + "\"";
  }
}
