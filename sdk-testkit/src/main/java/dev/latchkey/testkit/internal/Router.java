package dev.latchkey.testkit.internal;

import dev.latchkey.testkit.FakeRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.latchkey.testkit.FakeResponse;

/** Routes a request by method and path template ({@code /v1/{service}/user/{id}/profile}) to a handler. */
public final class Router {

    /** Answers one route. */
    @FunctionalInterface
    public interface Handler {
        FakeResponse handle(FakeRequest request, Map<String, String> params);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Function<FakeRequest, FakeResponse> notFound;
    private final Function<FakeRequest, FakeResponse> methodNotAllowed;

    public Router(Function<FakeRequest, FakeResponse> notFound, Function<FakeRequest, FakeResponse> methodNotAllowed) {
        this.notFound = notFound;
        this.methodNotAllowed = methodNotAllowed;
    }

    public Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template.substring(1).split("/"), handler));
        return this;
    }

    /** @return every route, {@code "GET /3/movie/{id}"}, in the table's order */
    public List<String> templates() {
        List<String> all = new ArrayList<>();
        routes.forEach(r -> all.add(r.method() + " /" + String.join("/", r.segments())));
        return all;
    }

    public FakeResponse route(FakeRequest request) {
        List<String> path = request.segments();
        boolean pathMatched = false;
        for (Route r : routes) {
            Map<String, String> params = match(r.segments(), path);
            if (params == null) {
                continue;
            }
            if (r.method().equals(request.method())) {
                return r.handler().handle(request, params);
            }
            pathMatched = true;
        }
        return pathMatched ? methodNotAllowed.apply(request) : notFound.apply(request);
    }

    private static Map<String, String> match(String[] template, List<String> path) {
        if (template.length != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            String p = path.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (p.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return params;
    }
}
