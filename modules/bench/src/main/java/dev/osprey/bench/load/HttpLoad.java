package dev.osprey.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: {@code connections} threads, each with a client of its own
 * (one keep-alive HTTP/1.1 connection), sending one request after the other to 127.0.0.1 only,
 * until {@code maxRequests} were sent or {@code maxTime} passed. It stops by itself.
 */
public final class HttpLoad {
  /** The request a worker sends next (worker index, request number). */
  public interface Requests {
    HttpRequest next(int worker, int n);
  }

  /** Requests answered with the expected status, others, their latencies, and the time taken. */
  public record Outcome(long ok, long failed, Latencies latencies, double seconds, String firstFailure) {
    public double perSecond() {
      return ok / seconds;
    }
  }

  private final int connections;
  private final int maxRequests;
  private final Duration maxTime;

  public HttpLoad(final int connections, final int maxRequests, final Duration maxTime) {
    this.connections = connections;
    this.maxRequests = maxRequests;
    this.maxTime = maxTime;
  }

  /** The base URI of a port on loopback (the only host this generator targets). */
  public static URI loopback(final int port, final String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public Outcome run(final Requests requests, final int expectedStatus) throws InterruptedException {
    final AtomicInteger issued = new AtomicInteger();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final Latencies latencies = new Latencies(Math.min(maxRequests, 2_000_000));
    final String[] firstFailure = {null};
    final long start = System.nanoTime();
    final long deadline = start + maxTime.toNanos();
    final List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      final int worker = w;
      final Thread t = new Thread(() -> {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        int n;
        while (System.nanoTime() < deadline && (n = issued.getAndIncrement()) < maxRequests) {
          final HttpRequest request = requests.next(worker, n);
          if (!"127.0.0.1".equals(request.uri().getHost())) {
            throw new IllegalArgumentException("the load generator targets 127.0.0.1 only: " + request.uri());
          }
          final long sent = System.nanoTime();
          try {
            final HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == expectedStatus) {
              latencies.record(System.nanoTime() - sent);
              ok.incrementAndGet();
            } else {
              fail(failed, firstFailure, r.statusCode() + " " + r.body());
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception e) {
            fail(failed, firstFailure, e.toString());
          }
        }
      }, "http-load-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    return new Outcome(ok.get(), failed.get(), latencies, (System.nanoTime() - start) / 1e9, firstFailure[0]);
  }

  private static void fail(final AtomicLong failed, final String[] first, final String what) {
    failed.incrementAndGet();
    synchronized (first) {
      if (first[0] == null) {
        first[0] = what.length() > 300 ? what.substring(0, 300) : what;
      }
    }
  }
}
