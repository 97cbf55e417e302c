package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node whose venue refuses its keys: it starts and serves as usual, and an executor on the venue
 * shows the venue's error (what to check) instead of hanging or trading on the paper twin. Each
 * venue's test class registers a simulated node refusing the keys and says what its simulator
 * counts a refusal as and what its error must name.
 */
abstract class LoginRejectedContract {
  private final SimulatedVenueNode<?> venue;
  private final String refusal;
  private final List<String> errorNames;

  /**
   * @param venue the node and its simulator, DOGE-USDT listed, refusing the keys from the start
   * @param refusal what the simulator counts a refusal as
   * @param errorNames what the executor's error must name: the venue's code, the key to check
   */
  LoginRejectedContract(
      final SimulatedVenueNode<?> venue, final String refusal, final String... errorNames) {
    this.venue = venue;
    this.refusal = refusal;
    this.errorNames = List.of(errorNames);
  }

  @Test
  void shouldShowTheVenuesKeyErrorOnAnExecutorOfTheVenue() throws Exception {
    assertEquals(1, venue.sim().count(refusal));
    final String error =
        venue.refusedPosition(venue.connector(), "DOGE-USDT").get("last_error").asText();
    assertTrue(errorNames.stream().allMatch(error::contains), error);
    assertEquals(0, venue.sim().count("order"));
    assertEquals(1, venue.sim().count(refusal), "a refused key is not retried");
  }
}
