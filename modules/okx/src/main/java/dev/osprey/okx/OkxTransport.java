package dev.osprey.okx;

import dev.osprey.exchange.venue.Backoff;
import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What each of a connector's OKX WebSockets is opened with: the same config, HTTP client, connector
 * thread ({@code loop}) and reconnect backoff for all of them.
 */
record OkxTransport(
    OkxConfig config, HttpClient http, ScheduledExecutorService loop, Backoff backoff) {}
