package dev.gputel.runtime.config;

import java.util.List;

/**
 * Creates a component once without starting it, so that validation also reports what only its
 * factory can check (a bad duration, a value out of range).
 */
@FunctionalInterface
public interface ComponentProbe {
  void check(ComponentSpec spec, ServiceSettings service, List<ConfigProblem> problems);
}
