package dev.osprey.engine.cluster;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the operators' UI reads of the cluster's membership: the members as this node sees them,
 * and the membership changes as they happen.
 */
public interface ClusterGateway {
  /** The members, leader, oldest and unreachable observations as this node sees them now. */
  Members members();

  /**
   * Calls {@code listener} with every membership change from now on, after one event per member
   * as it is now (so a new listener starts from the current picture); closing stops it.
   */
  AutoCloseable listen(Consumer<Change> listener);

  /**
   * One member.
   *
   * @param address its address, e.g. {@code pekko://osprey@127.0.0.1:25520}
   * @param status Joining, WeaklyUp, Up, Leaving, Exiting, Down or Removed
   * @param appVersion the {@code pekko.cluster.app-version} it joined with
   * @param reachable false when some member observes it as unreachable
   */
  record Member(String address, String status, List<String> roles, String appVersion, String dataCenter,
      boolean reachable) {}

  /** A member some others cannot reach: {@code observers} are the members that say so. */
  record Unreachable(String address, List<String> observers) {}

  /**
   * The membership as one node sees it.
   *
   * @param self this node's address
   * @param leader the leader's address, null while there is none
   * @param oldest the oldest up member's address (where cluster singletons run), null while none is up
   */
  record Members(String self, String leader, String oldest, List<Member> members, List<Unreachable> unreachable) {}

  /**
   * A membership change.
   *
   * @param type the Pekko event, e.g. MemberUp, UnreachableMember, LeaderChanged
   * @param address the member it is about (the new leader for LeaderChanged; null when none)
   * @param status that member's status after the change, null for a leader change
   */
  record Change(String type, String address, String status) {}
}
