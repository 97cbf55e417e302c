package dev.osprey.okx;

import java.net.URI;
import java.util.Objects;

/**
 * Where the connector reaches OKX: OKX's own hosts, or the local simulator's in tests.
 *
 * @param rest scheme and host of the REST API, without a trailing slash
 * @param publicWs the public WebSocket (tickers)
 * @param privateWs the private WebSocket (login, orders, trading ops)
 */
public record OkxUrls(URI rest, URI publicWs, URI privateWs) {
  public OkxUrls {
    Objects.requireNonNull(rest, "rest");
    Objects.requireNonNull(publicWs, "publicWs");
    Objects.requireNonNull(privateWs, "privateWs");
  }
}
