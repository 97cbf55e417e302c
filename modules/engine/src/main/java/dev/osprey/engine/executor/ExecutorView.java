package dev.osprey.engine.executor;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.engine.CborSerializable;
import java.util.List;

/** What the outside sees of one executor: its config, its numbers now, and what it handed over. */
public record ExecutorView(ExecutorConfig config, ExecutorReport report, List<HeldOrder> heldOrders)
    implements CborSerializable {}
