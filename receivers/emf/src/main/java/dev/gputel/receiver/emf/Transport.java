package dev.gputel.receiver.emf;

/** How a document arrived; the value of the {@code transport} label and of {@code network.transport}. */
enum Transport {
  TCP("tcp"),
  UDP("udp");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
