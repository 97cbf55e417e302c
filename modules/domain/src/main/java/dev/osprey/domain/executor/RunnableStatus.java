package dev.osprey.domain.executor;

/** The reference's executor status; {@link #lifecycle()} maps it onto the standard's vocabulary. */
public enum RunnableStatus {
  NOT_STARTED,
  RUNNING,
  SHUTTING_DOWN,
  TERMINATED;

  /** The standard's {@code CREATED → ACTIVE → TERMINATED}. */
  public String lifecycle() {
    return switch (this) {
      case NOT_STARTED -> "CREATED";
      case RUNNING, SHUTTING_DOWN -> "ACTIVE";
      case TERMINATED -> "TERMINATED";
    };
  }

  public boolean isActive() {
    return this == NOT_STARTED || this == RUNNING || this == SHUTTING_DOWN;
  }
}
