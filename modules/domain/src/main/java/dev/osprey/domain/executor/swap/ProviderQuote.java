package dev.osprey.domain.executor.swap;

import dev.osprey.domain.money.Price;

/** The price one swap provider quotes for the whole amount (quote per base). */
public record ProviderQuote(String provider, Price price) {}
