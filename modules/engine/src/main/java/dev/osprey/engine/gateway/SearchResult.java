package dev.osprey.engine.gateway;

import dev.osprey.engine.executor.ExecutorView;
import java.util.List;

/** One page of a search, newest first, with the cursor of the next page (null on the last). */
public record SearchResult(
    List<ExecutorView> data, int limit, boolean hasMore, String nextCursor, int totalCount) {}
