package dev.osprey.domain.order;

/** Life of an order as an executor tracks it. */
public enum OrderStatus {
  /** Persisted by the executor; the venue has not confirmed it yet. */
  SUBMITTED,
  /** The venue has it and it is live (possibly partly filled). */
  OPEN,
  /** The executor asked the venue to cancel it; not confirmed yet. */
  CANCEL_REQUESTED,
  /** Completely filled. */
  FILLED,
  /** Off the book after a cancel; partial fills stay. */
  CANCELLED,
  /** Refused by the venue; nothing filled. */
  FAILED;

  public boolean isDone() {
    return this == FILLED || this == CANCELLED || this == FAILED;
  }
}
