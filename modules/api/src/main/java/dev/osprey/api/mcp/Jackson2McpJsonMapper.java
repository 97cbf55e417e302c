package dev.osprey.api.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.McpJsonMapperSupplier;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;

/**
 * The MCP SDK's JSON on the project's Jackson 2: the SDK's schema records carry Jackson 2
 * annotations, so a plain Jackson 2 mapper reads and writes them. Unknown fields are ignored, as
 * newer protocol revisions add some. Registered as the SDK's default mapper (service loader), so
 * clients built without a mapper use it too.
 */
public final class Jackson2McpJsonMapper implements McpJsonMapper {
  private final ObjectMapper mapper =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The service-loader entry of {@link Jackson2McpJsonMapper}. */
  public static final class Supplier implements McpJsonMapperSupplier {
    @Override
    public McpJsonMapper get() {
      return new Jackson2McpJsonMapper();
    }
  }

  private JavaType type(final TypeRef<?> ref) {
    return mapper.getTypeFactory().constructType(ref.getType());
  }

  @Override
  public <T> T readValue(final String content, final Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(final byte[] content, final Class<T> type) throws IOException {
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T readValue(final String content, final TypeRef<T> type) throws IOException {
    return mapper.readValue(content, type(type));
  }

  @Override
  public <T> T readValue(final byte[] content, final TypeRef<T> type) throws IOException {
    return mapper.readValue(content, type(type));
  }

  @Override
  public <T> T convertValue(final Object from, final Class<T> type) {
    return mapper.convertValue(from, type);
  }

  @Override
  public <T> T convertValue(final Object from, final TypeRef<T> type) {
    return mapper.convertValue(from, type(type));
  }

  @Override
  public String writeValueAsString(final Object value) throws IOException {
    return mapper.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(final Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }
}
