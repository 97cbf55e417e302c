package dev.osprey.llm;

import java.util.Map;

/**
 * One tool as the model is offered it.
 *
 * @param parameters the JSON schema of its arguments (an {@code object} schema)
 * @param acting whether calling it changes something (creates, stops, suggests, learns, runs a
 *     routine); those are the tick's actions
 */
public record ToolSpec(
    String name, String description, Map<String, Object> parameters, boolean acting) {}
