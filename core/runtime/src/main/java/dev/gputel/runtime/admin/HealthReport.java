package dev.gputel.runtime.admin;

import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.AgentVersion;
import dev.gputel.runtime.telemetry.StatusBoard;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The body of {@code /healthz}: the agent's state and each component's last reported status. A
 * component that is down (a GPU driver not loaded yet) does not make the agent unhealthy: restarting
 * the agent would not help, and the reason is right there for the operator.
 */
final class HealthReport {
  private final AgentContext context;
  private final Supplier<Agent.State> state;

  HealthReport(AgentContext context, Supplier<Agent.State> state) {
    this.context = context;
    this.state = state;
  }

  boolean isHealthy() {
    return state.get() == Agent.State.RUNNING;
  }

  String json() {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"status\":");
    string(out, isHealthy() ? "ok" : state.get().name().toLowerCase(java.util.Locale.ROOT));
    out.append(",\"version\":");
    string(out, AgentVersion.get());
    out.append(",\"components\":{");
    boolean first = true;
    for (Map.Entry<String, StatusBoard.Entry> entry : context.status().snapshot().entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, entry.getKey());
      out.append(":{\"up\":").append(entry.getValue().status().up());
      out.append(",\"reason\":");
      string(out, entry.getValue().status().reason());
      out.append(",\"since\":");
      string(out, entry.getValue().since().toString());
      out.append('}');
    }
    return out.append("}}\n").toString();
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
