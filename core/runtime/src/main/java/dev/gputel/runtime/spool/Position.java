package dev.gputel.runtime.spool;

/** A place in the spool: a segment and a byte offset within it. */
record Position(long segment, long offset) implements Comparable<Position> {
  @Override
  public int compareTo(Position other) {
    int bySegment = Long.compare(segment, other.segment);
    return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
  }

  boolean isBefore(Position other) {
    return compareTo(other) < 0;
  }
}
