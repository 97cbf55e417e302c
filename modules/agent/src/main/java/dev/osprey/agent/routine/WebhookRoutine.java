package dev.osprey.agent.routine;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code webhook} routine: POSTs a body to a URL through the context's {@link
 * WebhookSender}. Outputs {@code status} (the HTTP status) and {@code ok} (2xx). Its summary names
 * the target by origin only, as the URL's path may be a secret.
 */
public final class WebhookRoutine extends DescribedRoutine {
  /** The largest body accepted, in characters: webhooks carry notes, not data sets. */
  public static final int MAX_BODY_CHARS = 64 * 1024;

  private static final int MAX_URL_CHARS = 2048;

  public WebhookRoutine() {
    super(
        "webhook",
        "POST a JSON body to an http(s) URL and report the status code",
        List.of(
            RoutineParam.required(
                "url", ParamType.STRING, "absolute http or https URL to POST to"),
            RoutineParam.required(
                "body",
                ParamType.STRING,
                "request body, sent as application/json, at most "
                    + MAX_BODY_CHARS
                    + " characters")));
  }

  @Override
  public RoutineResult run(final RoutineArgs args, final RoutineContext ctx) {
    args.text("url", MAX_URL_CHARS);
    final URI url = args.parse("url", WebhookSender::httpUrl);
    final String body = args.text("body", MAX_BODY_CHARS);

    final int status = ctx.webhooks().post(url, body);
    final Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("status", BigDecimal.valueOf(status));
    outputs.put("ok", status >= 200 && status < 300);
    return RoutineResult.of(
        outputs, "webhook to " + WebhookSender.origin(url) + " answered " + status);
  }
}
