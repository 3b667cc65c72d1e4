package dev.gputel.runtime.cli;

import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigProblems;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent until SIGTERM or SIGINT, on which receivers stop first and exporters drain within
 * {@code gputel.service.shutdown-timeout}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the agent with a configuration file until SIGTERM or SIGINT.")
final class RunCommand implements Callable<Integer> {
  /** Returned when the agent is running; main must not exit, the shutdown hook ends the process. */
  static final int KEEP_RUNNING = Integer.MIN_VALUE;
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOption config;
  @Mixin PluginsOption plugins;

  @Override
  public Integer call() {
    AgentSpec spec;
    try {
      spec = config.validate(plugins.load());
    } catch (ConfigProblems e) {
      System.err.println(e.getMessage());
      return 1;
    }
    Agent[] holder = new Agent[1];
    AgentContext context = AgentContext.create(error -> Thread.ofPlatform().start(() -> {
      holder[0].shutdown();
      System.exit(1);
    }));
    try {
      holder[0] = Agent.create(spec, context);
      Runtime.getRuntime().addShutdownHook(
          Thread.ofPlatform().name("gputel-shutdown").unstarted(holder[0]::shutdown));
      holder[0].start();
    } catch (Exception e) {
      log.error("gputel could not start: {}", e.getMessage());
      log.debug("start failure", e);
      return 1;
    }
    return KEEP_RUNNING;
  }
}
