package dev.osprey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.cluster.ClusterGateway;
import dev.osprey.engine.cluster.PekkoClusterGateway;
import dev.osprey.engine.cluster.PekkoShardingGateway;
import dev.osprey.engine.cluster.ShardingGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster and sharding gateways on a real two-node cluster (two actor systems on loopback):
 * the membership and its changes as node A sees them, and entities spread over both nodes found
 * where sharding put them (node B's region is asked over remoting).
 */
class ClusterGatewaysTest {
  private static final EntityTypeKey<String> KEY = EntityTypeKey.create(String.class, "UiProbe");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final ActorTestKit a = ActorTestKit.create("osprey", TestNodeConfig.inMemory());
  private final ActorTestKit b = ActorTestKit.create("osprey", TestNodeConfig.inMemory());

  @AfterEach
  void stop() {
    b.shutdownTestKit();
    a.shutdownTestKit();
  }

  private static String address(final ActorTestKit node) {
    return Cluster.get(node.system()).selfMember().address().toString();
  }

  private static void startSharding(final ActorSystem<?> system) {
    ClusterSharding.get(system).init(Entity.of(KEY, ctx -> Behaviors.ignore()));
  }

  private void awaitUp(final int members) {
    a.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      final long up = java.util.stream.StreamSupport.stream(Cluster.get(a.system()).state().getMembers().spliterator(), false)
          .filter(m -> m.status() == MemberStatus.up()).count();
      assertEquals(members, up);
      return up;
    });
  }

  @Test
  void shouldShowBothMembersAndTheChangesAsTheyHappen() throws Exception {
    final Cluster cluster = Cluster.get(a.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    awaitUp(1);
    final ClusterGateway gateway = new PekkoClusterGateway(a.system());
    final BlockingQueue<ClusterGateway.Change> changes = new LinkedBlockingQueue<>();
    try (AutoCloseable listening = gateway.listen(changes::add)) {
      assertEquals(new ClusterGateway.Change("MemberUp", address(a), "Up"), changes.poll(10, TimeUnit.SECONDS));
      assertEquals(new ClusterGateway.Change("LeaderChanged", address(a), null), changes.poll(10, TimeUnit.SECONDS));
      Cluster.get(b.system()).manager().tell(Join.create(cluster.selfMember().address()));
      assertEquals(new ClusterGateway.Change("MemberJoined", address(b), "Joining"), changes.poll(10, TimeUnit.SECONDS));
      final ClusterGateway.Change next = changes.poll(10, TimeUnit.SECONDS);
      assertNotNull(next);
      // Weakly up first when the leader has not yet seen every member converge.
      final ClusterGateway.Change up = "MemberWeaklyUp".equals(next.type()) ? changes.poll(10, TimeUnit.SECONDS) : next;
      assertEquals(new ClusterGateway.Change("MemberUp", address(b), "Up"), up);
    }
    awaitUp(2);
    final ClusterGateway.Members members = gateway.members();
    assertEquals(address(a), members.self());
    assertEquals(address(a), members.oldest());
    assertTrue(List.of(address(a), address(b)).contains(members.leader()), members::toString);
    assertEquals(new TreeMap<>(Map.of(address(a), "Up", address(b), "Up")), new TreeMap<>(members.members().stream()
        .collect(java.util.stream.Collectors.toMap(ClusterGateway.Member::address, ClusterGateway.Member::status))));
    assertTrue(members.members().stream().allMatch(ClusterGateway.Member::reachable), members::toString);
    assertEquals(List.of(), members.unreachable());
  }

  @Test
  void shouldFindEveryEntityOnTheNodeThatRunsIt() throws Exception {
    final Cluster cluster = Cluster.get(a.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Cluster.get(b.system()).manager().tell(Join.create(cluster.selfMember().address()));
    awaitUp(2);
    startSharding(a.system());
    startSharding(b.system());
    final ShardingGateway gateway = new PekkoShardingGateway(a.system(), List.of(KEY), TIMEOUT);
    // Both regions registered before the entities start, so that shards go to both.
    a.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      assertEquals(2, gateway.stats("UiProbe").toCompletableFuture().join().nodes().size());
      return true;
    });
    final List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      ids.add("probe-" + i);
      ClusterSharding.get(a.system()).entityRefFor(KEY, "probe-" + i).tell("start");
    }
    final List<ShardingGateway.NodeEntities> nodes = a.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      final List<ShardingGateway.NodeEntities> n = gateway.entities("UiProbe").toCompletableFuture().join();
      assertEquals(12, n.stream().mapToInt(x -> x.entityIds().size()).sum(), n::toString);
      return n;
    });
    assertEquals(List.of(address(a), address(b)).stream().sorted().toList(),
        nodes.stream().map(ShardingGateway.NodeEntities::address).toList());
    assertTrue(nodes.stream().allMatch(n -> !n.entityIds().isEmpty()), () -> "both nodes run some: " + nodes);
    final ShardingGateway.TypeStats stats = gateway.stats("UiProbe").toCompletableFuture().join();
    for (ShardingGateway.NodeShards n : stats.nodes()) {
      final ShardingGateway.NodeEntities running = nodes.stream().filter(x -> x.address().equals(n.address())).findFirst().orElseThrow();
      assertEquals(running.entityIds().size(), n.entities(), n::toString);
      assertEquals(n.entitiesByShard().size(), n.shards(), n::toString);
    }
    for (String id : ids) {
      final String node = nodes.stream().filter(n -> n.entityIds().contains(id)).findFirst().orElseThrow().address();
      assertEquals(new ShardingGateway.Location("UiProbe", id, String.valueOf(Math.abs(id.hashCode() % 100)), node, true),
          gateway.locate("UiProbe", id).toCompletableFuture().join());
    }
  }
}
