package dev.osprey.api.routines;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.routine.NotEnoughDataException;
import dev.osprey.agent.routine.RoutineArgsException;
import dev.osprey.agent.routine.RoutineResult;
import dev.osprey.api.JsonRoutes;
import dev.osprey.domain.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Routines over HTTP: {@code GET /routines} lists them with their parameters, {@code POST
 * /routines/{name}/run} runs one with the body as its arguments.
 */
public final class RoutineRoutes extends JsonRoutes {
  private final RoutineService routines;

  public RoutineRoutes(final ObjectMapper mapper, final RoutineService routines) {
    super(mapper);
    this.routines = routines;
  }

  public Route routes() {
    return pathPrefix("routines", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> ok(Map.of("routines", routines.describe())))),
        path(PathMatchers.segment().slash("run"), name -> post(() -> withJsonBody(body -> {
          @SuppressWarnings("unchecked")
          final Map<String, Object> args = mapper.convertValue(body, Map.class);
          return onComplete(routines.run(name, args), t -> t.isSuccess()
              ? ok(result(name, t.get())) : failed(t.failed().get()));
        })))));
  }

  private static Map<String, Object> result(final String name, final RoutineResult r) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("routine", name);
    m.put("outputs", r.outputs());
    m.put("summary", r.summary().orElse(null));
    return m;
  }

  private Route failed(final Throwable t) {
    final Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof NoSuchElementException) {
      return error(StatusCodes.NOT_FOUND, "UNKNOWN_ROUTINE", e.getMessage(), List.of());
    }
    if (e instanceof RoutineArgsException a) {
      return invalid(a.violations().stream().map(v -> new FieldViolation(v.field(), v.rule())).toList());
    }
    if (e instanceof NotEnoughDataException) {
      return error(StatusCodes.CONFLICT, "NOT_ENOUGH_DATA", e.getMessage(), List.of());
    }
    return failure(e);
  }
}
