package dev.osprey.cassandra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class of a launched Cassandra JVM: runs the real main class given as first argument and
 * exits (running Cassandra's shutdown hooks) as soon as the JVM that launched it is gone.
 *
 * <p>Without it a test JVM killed by a timeout or {@code kill -9} leaves a Cassandra node running
 * that holds ports and half a gigabyte of memory until someone notices. Runs inside the Cassandra
 * JVM, so it must not touch anything but the JDK.
 */
public final class ExitWithParent {
  /** System property carrying the launching JVM's pid. */
  public static final String PARENT_PID_PROPERTY = "osprey.cassandra.parent-pid";

  private ExitWithParent() {}

  /**
   * Watches the parent, then delegates to {@code args[0]}'s main with the remaining arguments.
   *
   * @param args main class name followed by its arguments
   */
  public static void main(final String[] args) throws ReflectiveOperationException {
    final long parentPid = Long.parseLong(System.getProperty(PARENT_PID_PROPERTY));
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          System.err.println(
                              "osprey: launching JVM " + parentPid + " exited; stopping node");
                          System.exit(0);
                        }),
            () -> {
              System.err.println("osprey: launching JVM " + parentPid + " already gone");
              System.exit(0);
            });
    final Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
