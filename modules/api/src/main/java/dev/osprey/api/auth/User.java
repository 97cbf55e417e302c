package dev.osprey.api.auth;

/** An authenticated user: who sent the request and what it may do. Holds no secret. */
public record User(String name, Role role) {}
