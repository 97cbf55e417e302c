package dev.osprey.engine.paper;

import dev.osprey.engine.paper.PaperVenueProtocol.Feed;
import java.time.Duration;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * A node's follower of one paper venue: tells the venue entity which event it applied last (at
 * start, every {@code interval}, and when its connector waits for an event), and hands the updates
 * it receives to the connector strictly in order. An update past a gap is not applied: the
 * follower asks for what it missed and applies it when it comes.
 */
final class PaperVenueFollower {
  private PaperVenueFollower() {}

  /** What the follower accepts: the venue's feed, and its own signals. Node-local. */
  interface Command extends NoSerializationVerificationNeeded {}

  /** Asks the venue for what this node is missing, now. */
  enum CatchUp implements Command {
    INSTANCE
  }

  enum Stop implements Command {
    INSTANCE
  }

  private record FromVenue(Feed feed) implements Command {}

  static Behavior<Command> create(
      final ClusterPaperVenue venue,
      final EntityRef<PaperVenueProtocol.Command> entity,
      final Duration interval) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  final ActorRef<Feed> self = ctx.messageAdapter(Feed.class, FromVenue::new);
                  final Runnable follow =
                      () -> entity.tell(new PaperVenueProtocol.Follow(self, venue.viewVersion()));
                  follow.run();
                  timers.startTimerWithFixedDelay("follow", CatchUp.INSTANCE, interval);
                  return Behaviors.receive(Command.class)
                      .onMessageEquals(
                          CatchUp.INSTANCE,
                          () -> {
                            follow.run();
                            return Behaviors.same();
                          })
                      .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                      .onMessage(
                          FromVenue.class,
                          m -> {
                            if (!receive(venue, m.feed())) {
                              follow.run();
                            }
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  /** Applies what the venue sent; false when it found a gap (and applied nothing past it). */
  private static boolean receive(final ClusterPaperVenue venue, final Feed feed) {
    if (feed instanceof PaperVenueProtocol.Reset r) {
      if (!r.missed() && venue.viewVersion() > 0) {
        // An answer to a start-up request that came late: this node follows already, and the
        // updates since its last one carry order events the replica would skip. Ask for those.
        return r.replica().seq() <= venue.viewVersion();
      }
      if (r.replica().seq() >= venue.viewVersion()) {
        venue.reset(r.replica());
      }
      return true;
    }
    for (PaperVenueUpdate u : ((PaperVenueProtocol.Updates) feed).updates()) {
      if (u.seq() <= venue.viewVersion()) {
        continue; // applied already
      }
      if (u.seq() > venue.viewVersion() + 1) {
        return false;
      }
      venue.apply(u);
    }
    return true;
  }
}
