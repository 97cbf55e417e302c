package dev.osprey.bench.baseline;

import dev.osprey.bench.load.FanOutLoad;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@code B_msg}: bare Pekko typed actors on the same actor system, as many as the executors and
 * grouped as they are by pair, each taking a message by counting it. Driven by the same {@link
 * FanOutLoad} as the executors, so that figure / B_msg is what Osprey adds to a message.
 */
public final class ActorEcho {
  private static final Object PING = new Object();

  private ActorEcho() {}

  public static FanOutLoad.Outcome run(final ActorSystem<?> system, final int actors, final int groups,
      final Duration warmUp, final Duration measure, final long window) throws Exception {
    final LongAdder taken = new LongAdder();
    final Behavior<Object> echo = Behaviors.receiveMessage(m -> {
      taken.increment();
      return Behaviors.same();
    });
    final CompletableFuture<ActorRef<Object>[][]> spawned = new CompletableFuture<>();
    // The parent stops (and its children with it) on any message.
    final ActorRef<String> parent = system.systemActorOf(Behaviors.<String>setup(ctx -> {
      @SuppressWarnings("unchecked")
      final ActorRef<Object>[][] refs = new ActorRef[groups][];
      for (int g = 0; g < groups; g++) {
        refs[g] = new ActorRef[actors / groups];
        for (int k = 0; k < refs[g].length; k++) {
          refs[g][k] = ctx.spawn(echo, "echo-" + g + "-" + k);
        }
      }
      spawned.complete(refs);
      return Behaviors.receiveMessage(stop -> Behaviors.stopped());
    }), "bench-echo-" + System.nanoTime(), Props.empty());
    final ActorRef<Object>[][] refs = spawned.get(1, TimeUnit.MINUTES);
    try {
      return new FanOutLoad(i -> {
        for (ActorRef<Object> r : refs[i % groups]) {
          r.tell(PING);
        }
      }, actors / groups, taken::sum, window).run(warmUp, measure, 0);
    } finally {
      parent.tell("stop");
    }
  }
}
