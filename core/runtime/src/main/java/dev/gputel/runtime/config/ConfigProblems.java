package dev.gputel.runtime.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration, reported together so a user fixes them in one pass. */
public final class ConfigProblems extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigProblems(List<ConfigProblem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the configuration:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
