package dev.osprey.engine.topic;

import java.util.regex.Pattern;

/** What a topic may be called: {@code plan.ready}, {@code execution.btc}. */
public final class TopicNames {
  /** The rule, phrased to follow the field's name in an error. */
  public static final String RULE = "must be 1-128 of A-Z a-z 0-9 . _ : -";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private TopicNames() {}

  public static boolean isValid(final String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
