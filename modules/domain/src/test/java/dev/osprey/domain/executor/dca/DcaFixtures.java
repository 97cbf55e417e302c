package dev.osprey.domain.executor.dca;

/** Shared starting points for DCA tests. */
final class DcaFixtures {
  private DcaFixtures() {}

  /** The default config started on a book of 100 / 100.01: level 0 (1 at 100) rests. */
  static DcaRun started() {
    return started(DcaConfigs.maker());
  }

  /** {@code configs} started on a book of 100 / 100.01. */
  static DcaRun started(final DcaConfigs configs) {
    final DcaRun run = configs.run();
    run.book("100", "100.01").start();
    return run;
  }

  /**
   * Both default levels filled (1 at 100, 4 at 75: 5 base for 400 quote, average 80), each fill
   * paying 0.1 % (0.4 in all); the book rests at 76 / 76.01 afterwards.
   */
  static DcaRun bothFilled(final DcaConfigs configs) {
    final DcaRun run = started(configs);
    run.fill(1, "100", "1", "0.001");
    run.quote("76", "76.01");
    run.fill(2, "75", "4", "0.001");
    return run;
  }

  /** {@link #bothFilled} of the default config, book moved to 80 / 80.01. */
  static DcaRun bothFilledAt80() {
    final DcaRun run = bothFilled(DcaConfigs.maker());
    run.quote("80", "80.01");
    return run;
  }
}
