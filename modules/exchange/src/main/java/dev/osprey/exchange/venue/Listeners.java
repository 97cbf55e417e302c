package dev.osprey.exchange.venue;

import dev.osprey.exchange.ExchangeConnector.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one stream of a connector (its order events, one pair's quotes): each value goes
 * to every listener in turn, and a failing listener is logged, never stops the others. Listeners
 * may come and go from any thread while values are delivered.
 *
 * @param <T> what is delivered
 */
public final class Listeners<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final String what;
  private final List<Consumer<T>> list = new CopyOnWriteArrayList<>();

  /**
   * @param what the stream's name in logs, e.g. {@code OKX order}
   */
  public Listeners(final String what) {
    this.what = what;
  }

  public Subscription add(final Consumer<T> listener) {
    list.add(listener);
    return () -> list.remove(listener);
  }

  public void deliver(final T value) {
    for (Consumer<T> l : list) {
      try {
        l.accept(value);
      } catch (RuntimeException e) {
        LOG.warn("{} listener failed on {}", what, value, e);
      }
    }
  }

  public int size() {
    return list.size();
  }
}
