package dev.osprey.api.scope;

/** A gateway that passes on, to {@code inner}, only what {@code scope} allows. */
abstract class ScopedGateway<G> {
  protected final G inner;
  protected final ControllerScope scope;

  ScopedGateway(final G inner, final ControllerScope scope) {
    this.inner = inner;
    this.scope = scope;
  }
}
