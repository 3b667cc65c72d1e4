package dev.gputel.runtime.cli;

import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.data.Signal;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists every component type the agent can run, built-in and from plugins. */
@Command(name = "components", mixinStandardHelpOptions = true,
    description = "List the component types this agent can run, and skipped plugins.")
final class ComponentsCommand implements Callable<Integer> {
  @Mixin PluginsOption plugins;

  @Override
  public Integer call() {
    ComponentRegistry registry = plugins.load();
    int typeWidth = Math.max(4, registry.all().stream().mapToInt(i -> i.type().length()).max().orElse(0));
    int pluginWidth = Math.max(6, registry.all().stream().mapToInt(i -> i.source().length()).max().orElse(0));
    String format = "%-" + typeWidth + "s  %-9s  %-11s  %-14s  %-" + pluginWidth + "s  %s%n";
    System.out.printf(format, "TYPE", "KIND", "STABILITY", "SIGNALS", "PLUGIN", "DESCRIPTION");
    for (FactoryInfo info : registry.all()) {
      String signals = info.factory().signals().stream().map(Signal::id).sorted()
          .collect(Collectors.joining(","));
      System.out.printf(format, info.type(), info.kind().id(), info.factory().stability().id(),
          signals, info.source(), info.factory().description());
    }
    registry.problems().forEach(problem -> System.err.println("skipped " + problem));
    return 0;
  }
}
