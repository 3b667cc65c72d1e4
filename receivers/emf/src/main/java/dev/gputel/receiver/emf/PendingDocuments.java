package dev.gputel.receiver.emf;

import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents one TCP connection or the UDP socket has read and not yet handed on: each is
 * checked as it arrives, and the bad ones are counted and dropped here. Not thread-safe: one reader
 * owns it.
 */
final class PendingDocuments {
  /** Documents handed on in one batch at most: small batches keep latency and spool writes low. */
  static final int MAX_BATCH = 128;

  private final EmfEvents events;
  private final Drops drops;
  private final Transport transport;
  private String peer = "";
  private String client = "";
  private List<Event> pending = new ArrayList<>();

  PendingDocuments(EmfEvents events, Drops drops, Transport transport) {
    this.events = events;
    this.drops = drops;
    this.transport = transport;
  }

  /**
   * Names the sender of what {@link #add} takes next.
   *
   * @param peer the sender as warnings name it, host and port
   * @param client the sender's address, the events' {@code client.address}
   */
  PendingDocuments from(String peer, String client) {
    this.peer = peer;
    this.client = client;
    return this;
  }

  /** Checks the document in {@code bytes[offset, offset + length)} and keeps it, or counts it dropped. */
  void add(byte[] bytes, int offset, int length) {
    if (isBlank(bytes, offset, length)) {
      return; // An empty line between documents, or a trailing newline in a datagram: nothing sent.
    }
    try {
      EmfDocument document = EmfDocument.read(bytes, offset, length);
      pending.add(events.event(bytes, offset, length, document, transport, client));
    } catch (EmfDocument.Rejected e) {
      drops.drop(transport, e.problem(), 1, peer, e.getMessage());
    }
  }

  /** Counts a line longer than max-document-size as dropped. */
  void tooLarge(long length, int limit) {
    drops.drop(transport, EmfDocument.Problem.TOO_LARGE, 1, peer,
        "a line of " + length + " bytes (max-document-size " + limit + ")");
  }

  /** Counts the documents of a batch the pipeline refused as dropped. */
  void refused(EventBatch batch, String why) {
    drops.drop(transport, EmfDocument.Problem.REFUSED, batch.size(), peer, why);
  }

  Transport transport() {
    return transport;
  }

  int size() {
    return pending.size();
  }

  boolean full() {
    return pending.size() >= MAX_BATCH;
  }

  /** Returns the pending documents as a batch and starts a new one; null when there are none. */
  EventBatch take() {
    if (pending.isEmpty()) {
      return null;
    }
    EventBatch batch = new EventBatch(Resource.empty(), pending);
    pending = new ArrayList<>();
    return batch;
  }

  private static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
