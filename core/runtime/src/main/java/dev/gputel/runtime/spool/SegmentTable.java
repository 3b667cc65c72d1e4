package dev.gputel.runtime.spool;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The segments of one spool, shared by its writer and its readers: the map and each segment's
 * {@code end} and {@code sealed} change only under {@link #lock}, and {@link #changed} is
 * signalled whenever records become readable.
 */
final class SegmentTable {
  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();
  final TreeMap<Long, Segment> segments = new TreeMap<>();
  /** Bytes of all segment files; read without the lock for the size cap and the gauge. */
  final AtomicLong diskBytes = new AtomicLong();

  void signalChanged() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
