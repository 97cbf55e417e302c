package dev.osprey.engine.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import scala.jdk.javaapi.CollectionConverters;

/** {@link ClusterGateway} over this node's Pekko Cluster extension. */
public final class PekkoClusterGateway implements ClusterGateway {
  private static final AtomicLong LISTENERS = new AtomicLong();
  private final ActorSystem<?> system;
  private final Cluster cluster;

  public PekkoClusterGateway(final ActorSystem<?> system) {
    this.system = system;
    this.cluster = Cluster.get(Adapter.toClassic(system));
  }

  @Override
  public Members members() {
    final ClusterEvent.CurrentClusterState state = cluster.state();
    final Set<org.apache.pekko.cluster.Member> unreachable = state.getUnreachable();
    final List<Member> members = new ArrayList<>();
    org.apache.pekko.cluster.Member oldest = null;
    for (org.apache.pekko.cluster.Member m : state.getMembers()) {
      members.add(new Member(m.address().toString(), statusName(m.status()), List.copyOf(new java.util.TreeSet<>(m.getRoles())),
          m.appVersion().version(), m.dataCenter(), !unreachable.contains(m)));
      final boolean up = m.status() == MemberStatus.up() || m.status() == MemberStatus.leaving();
      if (up && (oldest == null || m.isOlderThan(oldest))) {
        oldest = m;
      }
    }
    members.sort(Comparator.comparing(Member::address));
    final Address leader = state.getLeader();
    return new Members(cluster.selfAddress().toString(), leader == null ? null : leader.toString(),
        oldest == null ? null : oldest.address().toString(), members, observations());
  }

  /**
   * Who observes whom as unreachable. Pekko publishes the observations only in its internal
   * reachability table (the public state has the unreachable members, not their observers); it
   * is read here, in one place, so a Pekko upgrade that moves it breaks this method only.
   */
  private List<Unreachable> observations() {
    final Map<UniqueAddress, scala.collection.immutable.Set<UniqueAddress>> grouped =
        CollectionConverters.asJava(cluster.readView().reachability().observersGroupedByUnreachable());
    final List<Unreachable> out = new ArrayList<>();
    grouped.forEach((subject, observers) -> out.add(new Unreachable(subject.address().toString(),
        CollectionConverters.asJava(observers).stream().map(o -> o.address().toString()).sorted().toList())));
    out.sort(Comparator.comparing(Unreachable::address));
    return out;
  }

  @Override
  public AutoCloseable listen(final Consumer<Change> listener) {
    final ActorRef<Object> ref = system.systemActorOf(
        subscriber(listener), "cluster-events-" + LISTENERS.incrementAndGet(), Props.empty());
    return () -> ref.tell(Stop.STOP);
  }

  /** Told by the closer only, never sent to another node. */
  private enum Stop implements org.apache.pekko.actor.NoSerializationVerificationNeeded { STOP }

  /** Subscribes itself to the cluster's events and hands each on, until told to stop. */
  private Behavior<Object> subscriber(final Consumer<Change> listener) {
    return Behaviors.setup(ctx -> {
      final org.apache.pekko.actor.ActorRef self = Adapter.toClassic(ctx.getSelf());
      cluster.subscribe(self, ClusterEvent.initialStateAsEvents(),
          ClusterEvent.MemberEvent.class, ClusterEvent.ReachabilityEvent.class, ClusterEvent.LeaderChanged.class);
      return Behaviors.receive(Object.class)
          .onMessageEquals(Stop.STOP, Behaviors::stopped)
          .onMessage(Object.class, event -> {
            change(event).ifPresent(listener);
            return Behaviors.same();
          })
          .onSignal(PostStop.class, s -> {
            cluster.unsubscribe(self);
            return Behaviors.same();
          })
          .build();
    });
  }

  /** The change an event is, in the UI's terms; empty for events it does not show. */
  static Optional<Change> change(final Object event) {
    final String type = event.getClass().getSimpleName();
    if (event instanceof ClusterEvent.MemberEvent e) {
      return Optional.of(new Change(type, e.member().address().toString(), statusName(e.member().status())));
    }
    if (event instanceof ClusterEvent.ReachabilityEvent e) {
      return Optional.of(new Change(type, e.member().address().toString(), statusName(e.member().status())));
    }
    if (event instanceof ClusterEvent.LeaderChanged e) {
      return Optional.of(new Change(type, e.getLeader() == null ? null : e.getLeader().toString(), null));
    }
    return Optional.empty();
  }

  /** Pekko's status objects print as their names (Up, WeaklyUp, …). */
  static String statusName(final MemberStatus status) {
    return status.toString();
  }
}
