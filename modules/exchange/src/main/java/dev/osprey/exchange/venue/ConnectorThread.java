package dev.osprey.exchange.venue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real venue connector's own thread: every state change of the connector runs on it, which is
 * also where its listeners are called. It is a daemon, so a connector left open never holds the
 * JVM.
 */
public final class ConnectorThread {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorThread.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final ScheduledExecutorService loop;
  private volatile Thread thread;

  /**
   * @param name the thread's name, e.g. {@code okx-okx}
   */
  public ConnectorThread(final String name) {
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              final Thread t = new Thread(r, name);
              t.setDaemon(true);
              thread = t;
              return t;
            });
  }

  /** The thread as an executor, to hand work (and timers) to. */
  public ScheduledExecutorService executor() {
    return loop;
  }

  /**
   * Runs {@code body} on the thread with the stage it completes once its work is done (which may be
   * later, when the venue answered); returns that stage.
   */
  public CompletionStage<Void> run(final Consumer<CompletableFuture<Void>> body) {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> body.accept(done));
    return done;
  }

  /** True on the connector's thread, which must never block waiting for itself. */
  public boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs {@code closing} on the thread (waiting up to 5 s for it; a failure is only logged), then
   * stops the thread.
   */
  public void close(final Runnable closing) {
    final CompletableFuture<Void> done = CompletableFuture.runAsync(closing, loop);
    try {
      done.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("{} close: {}", thread == null ? "connector" : thread.getName(), e.toString());
    }
    loop.shutdownNow();
  }
}
