package dev.osprey.agent.routine;

/** Where alerts go: an in-memory log, a notifier, a journal. Recording must not block for long. */
public interface AlertSink {
  /** Records one alert. */
  void record(Alert alert);
}
