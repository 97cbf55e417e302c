package dev.osprey.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A network namespace per node process, each with its own address on one bridge in the test's
 * namespace ({@code 10.231.0.0/24}, the bridge at .1): nodes talk to each other and to the test
 * over real interfaces, so a test can {@link #cut} two of them apart, as a failed switch would,
 * while both keep reaching Cassandra (the dangerous kind of partition: both sides could still
 * write to the journal). Needs root with CAP_NET_ADMIN and CAP_SYS_ADMIN, as CI has; nothing
 * outside the bridge and the namespaces it creates is touched, and both are removed on close.
 */
final class NamespacedNetwork implements NodeNetwork {
  private static final String BRIDGE = "ospbr0";
  private static final String SUBNET = "10.231.0.";
  private static final String BRIDGE_IP = SUBNET + "1";

  private final int size;
  private final Set<List<Integer>> cuts = new HashSet<>();
  private TcpForwarder cassandra;

  NamespacedNetwork(final int size) throws IOException, InterruptedException {
    this.size = size;
    removeLeftovers();
    final IpResult first = ip("link", "add", BRIDGE, "type", "bridge");
    if (!first.ok()) {
      throw new IllegalStateException("this test creates network namespaces and a bridge, which needs root with"
          + " CAP_NET_ADMIN and CAP_SYS_ADMIN (`ip link add " + BRIDGE + " type bridge` said: " + first.output() + ")");
    }
    try {
      build();
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void build() throws IOException, InterruptedException {
    must("addr", "add", BRIDGE_IP + "/24", "dev", BRIDGE);
    must("link", "set", BRIDGE, "up");
    for (int i = 0; i < size; i++) {
      final String ns = namespace(i);
      final String outside = "ospv" + i;
      must("netns", "add", ns);
      must("link", "add", outside, "type", "veth", "peer", "name", "ospc" + i);
      must("link", "set", "ospc" + i, "netns", ns);
      must("link", "set", outside, "master", BRIDGE);
      must("link", "set", outside, "up");
      must("-n", ns, "link", "set", "ospc" + i, "name", "eth0");
      must("-n", ns, "addr", "add", host(i) + "/24", "dev", "eth0");
      must("-n", ns, "link", "set", "eth0", "up");
      must("-n", ns, "link", "set", "lo", "up");
    }
  }

  private static String namespace(final int node) {
    return "osp-node" + (node + 1);
  }

  @Override
  public String host(final int node) {
    return SUBNET + (10 + node);
  }

  @Override
  public List<String> launcher(final int node) {
    return List.of("ip", "netns", "exec", namespace(node));
  }

  /** Cassandra listens on 127.0.0.1 of the test's namespace: the nodes reach it through the bridge. */
  @Override
  public synchronized String cassandraContactPoint(final String testContactPoint) {
    if (cassandra == null) {
      final String[] hostPort = testContactPoint.split(":");
      cassandra = new TcpForwarder(new InetSocketAddress(BRIDGE_IP, 0),
          new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
    }
    return cassandra.address();
  }

  /**
   * Cuts nodes {@code a} and {@code b} apart, both ways: each namespace drops what it would send
   * to the other (a blackhole route), so connections between them stall as on a dead link, with
   * no reset to tell either side.
   */
  void cut(final int a, final int b) throws IOException, InterruptedException {
    must("-n", namespace(a), "route", "add", "blackhole", host(b) + "/32");
    must("-n", namespace(b), "route", "add", "blackhole", host(a) + "/32");
    cuts.add(List.of(a, b));
  }

  /** Removes every cut. */
  void heal() throws IOException, InterruptedException {
    for (List<Integer> c : cuts) {
      must("-n", namespace(c.get(0)), "route", "del", "blackhole", host(c.get(1)) + "/32");
      must("-n", namespace(c.get(1)), "route", "del", "blackhole", host(c.get(0)) + "/32");
    }
    cuts.clear();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (cassandra != null) {
      cassandra.close();
    }
    removeLeftovers();
  }

  /**
   * Everything this class creates, also what an earlier test JVM that was killed left behind.
   * The veth pairs go first and by name: a namespace removed while a process still runs in it
   * lives on, and its end of a pair with it.
   */
  private static void removeLeftovers() throws IOException, InterruptedException {
    for (String line : ip("-o", "link", "show").output().split("\n")) {
      final String[] fields = line.split(":\\s+");
      if (fields.length > 1 && fields[1].startsWith("ospv")) {
        ip("link", "del", fields[1].split("@")[0]);
      }
    }
    final IpResult list = ip("netns", "list");
    for (String line : list.output().split("\n")) {
      final String name = line.split(" ")[0];
      if (name.startsWith("osp-node")) {
        ip("netns", "del", name);
      }
    }
    ip("link", "del", BRIDGE);
  }

  private static void must(final String... args) throws IOException, InterruptedException {
    final IpResult r = ip(args);
    if (!r.ok()) {
      throw new IllegalStateException("ip " + String.join(" ", args) + " failed: " + r.output());
    }
  }

  private record IpResult(boolean ok, String output) {}

  private static IpResult ip(final String... args) throws IOException, InterruptedException {
    final List<String> command = new ArrayList<>();
    command.add("ip");
    command.addAll(List.of(args));
    final Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new IpResult(false, "no `ip` command (Debian's iproute2 package): " + e.getMessage());
    }
    final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return new IpResult(p.waitFor() == 0, out);
  }
}
