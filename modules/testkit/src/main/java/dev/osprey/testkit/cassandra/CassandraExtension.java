package dev.osprey.testkit.cassandra;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to the JVM's {@link TestCassandra}: {@code @ExtendWith(CassandraExtension.class)}
 * starts the node before the class's tests (so its start time is not charged to the first test's
 * timeout) and injects {@link TestCassandra} into test, lifecycle method and constructor
 * parameters.
 */
public final class CassandraExtension implements BeforeAllCallback, ParameterResolver {
  @Override
  public void beforeAll(final ExtensionContext context) {
    TestCassandra.get();
  }

  @Override
  public boolean supportsParameter(
      final ParameterContext parameter, final ExtensionContext context) {
    return parameter.getParameter().getType() == TestCassandra.class;
  }

  @Override
  public Object resolveParameter(
      final ParameterContext parameter, final ExtensionContext context) {
    return TestCassandra.get();
  }
}
