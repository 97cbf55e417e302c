package dev.osprey.api.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidatorSupplier;
import java.util.Map;

/**
 * A schema validator that accepts everything. The SDK's validator (networknt, on Jackson 3) cannot
 * run on this project's Jackson; Osprey's tools check their own arguments with field-level errors,
 * as its HTTP routes do, and its tools declare no output schema to check.
 */
public final class TrustingSchemaValidator implements JsonSchemaValidator {
  /** The service-loader entry of {@link TrustingSchemaValidator}. */
  public static final class Supplier implements JsonSchemaValidatorSupplier {
    @Override
    public JsonSchemaValidator get() {
      return new TrustingSchemaValidator();
    }
  }

  @Override
  public ValidationResponse validate(final Map<String, Object> schema, final Object content) {
    return ValidationResponse.asValid(null);
  }
}
