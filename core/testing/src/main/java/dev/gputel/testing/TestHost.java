package dev.gputel.testing;

import dev.gputel.spi.component.Host;
import java.util.ArrayList;
import java.util.List;

/** A host that records the fatal errors components report. */
public final class TestHost implements Host {
  private final List<Throwable> fatalErrors = new ArrayList<>();

  @Override
  public synchronized void reportFatalError(Throwable error) {
    fatalErrors.add(error);
  }

  public synchronized List<Throwable> fatalErrors() {
    return List.copyOf(fatalErrors);
  }
}
