package dev.osprey.binance;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchange.binance.dto.trade.TimeInForce;

/**
 * The Jackson set-up for Binance's JSON, XChange's DTOs included. XChange 5.2.0's {@link
 * TimeInForce} inherits {@code @JsonTypeInfo(CLASS, WRAPPER_OBJECT)} from {@code
 * Order.IOrderFlags}, so with Jackson 2.19 every order carrying {@code "timeInForce":"GTC"} fails
 * to read ("need JSON Object to contain As.WRAPPER_OBJECT type information"); a mix-in turns that
 * type information off. Binance adds fields over time, so unknown ones are ignored.
 */
final class BinanceJson {
  /** Shared, configured once; ObjectMapper is thread-safe for reading. */
  static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private BinanceJson() {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  private interface PlainEnum {}

  /** Applies the set-up to {@code mapper} (also rescu's, for XChange's calls). */
  static ObjectMapper configure(final ObjectMapper mapper) {
    mapper.addMixIn(TimeInForce.class, PlainEnum.class);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }
}
