package dev.osprey.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one JSON dialect of the HTTP API: snake_case names as the reference's clients send them,
 * decimals as {@link BigDecimal} from numbers or strings alike (never through {@code double}),
 * timestamps as epoch seconds (decimal) as the reference has them, and unknown fields refused.
 */
public final class ApiJson {
  private ApiJson() {}

  public static ObjectMapper mapper() {
    final SimpleModule time = new SimpleModule("osprey-time");
    time.addSerializer(Instant.class, new EpochSecondsSerializer());
    time.addDeserializer(Instant.class, new EpochSecondsDeserializer());
    time.addSerializer(BigDecimal.class, new CanonicalDecimalSerializer());
    return JsonMapper.builder()
        .addModule(new ParameterNamesModule())
        .addModule(new Jdk8Module())
        .addModule(time)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /** Decimals as plain JSON numbers without trailing zeros, at most 18 fractional digits. */
  static final class CanonicalDecimalSerializer extends JsonSerializer<BigDecimal> {
    @Override
    public void serialize(final BigDecimal value, final JsonGenerator gen, final SerializerProvider p)
        throws IOException {
      gen.writeNumber(Decimals18.out(value));
    }
  }

  /** Epoch seconds with up to millisecond precision, as a JSON number. */
  static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(final Instant value, final JsonGenerator gen, final SerializerProvider p)
        throws IOException {
      gen.writeNumber(epochSeconds(value));
    }
  }

  public static BigDecimal epochSeconds(final Instant value) {
    final BigDecimal s = BigDecimal.valueOf(value.toEpochMilli(), 3).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Accepts epoch seconds (number or numeric string, fractions allowed) or an ISO-8601 instant. */
  static final class EpochSecondsDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(final JsonParser p, final DeserializationContext ctx) throws IOException {
      final JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return fromSeconds(p.getDecimalValue());
      }
      if (t == JsonToken.VALUE_STRING) {
        final String text = p.getText().trim();
        try {
          return fromSeconds(new BigDecimal(text));
        } catch (NumberFormatException notNumeric) {
          try {
            return Instant.parse(text);
          } catch (DateTimeParseException e) {
            return (Instant) ctx.handleWeirdStringValue(Instant.class, text,
                "must be epoch seconds or an ISO-8601 instant");
          }
        }
      }
      return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
    }

    private static Instant fromSeconds(final BigDecimal seconds) {
      final BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
      final BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
      return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValueExact());
    }
  }
}
