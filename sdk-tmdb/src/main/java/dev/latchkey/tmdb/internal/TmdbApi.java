package dev.latchkey.tmdb.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.error.InvalidInputException;
import static dev.latchkey.core.error.InvalidInputException.require;
import dev.latchkey.tmdb.TmdbSession;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.http.ApiRequest;
import dev.latchkey.core.http.ResponseParser;
import dev.latchkey.core.http.ResponseView;
import dev.latchkey.core.page.NumberedPages;
import dev.latchkey.tmdb.model.AccountDetails;
import dev.latchkey.tmdb.model.AccountStates;
import dev.latchkey.tmdb.model.MediaType;
import dev.latchkey.tmdb.model.Movie;
import dev.latchkey.tmdb.model.RatedMovie;
import dev.latchkey.tmdb.model.RatedTvShow;
import dev.latchkey.tmdb.model.RequestToken;
import dev.latchkey.tmdb.model.TvShow;
import dev.latchkey.tmdb.model.V4AccessToken;
import dev.latchkey.tmdb.model.V4RequestToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every TMDb endpoint Latchkey wraps, once (research sections 2 to 4): the request, with the application's
 * credentials, and how to read the answer. Sync and async calls both run these.
 */
public final class TmdbApi {
    /** TMDb serves pages 1 to 500. */
    public static final int MAX_PAGE = 500;
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Secret apiKey;
    private final Secret readAccessToken;

    /** The status envelope of writes and of {@code GET /3/authentication}. */
    record Status(@JsonProperty("success") Boolean success, @JsonProperty("status_code") Integer code,
            @JsonProperty("status_message") String message) {
    }

    record TokenShape(@JsonProperty(value = "request_token", required = true) String requestToken,
            @JsonProperty("expires_at") String expiresAt) {
    }

    record SessionShape(@JsonProperty(value = "session_id", required = true) String sessionId) {
    }

    record GuestShape(@JsonProperty(value = "guest_session_id", required = true) String guestSessionId,
            @JsonProperty("expires_at") String expiresAt) {
    }

    record AccessShape(@JsonProperty(value = "access_token", required = true) String accessToken,
            @JsonProperty(value = "account_id", required = true) String accountId) {
    }

    record Paged<T>(@JsonProperty(value = "page", required = true) int page,
            @JsonProperty(value = "results", required = true) List<T> results,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("total_results") Long totalResults) {
    }

    private static final TypeReference<Paged<Movie>> MOVIES = new TypeReference<>() { };
    private static final TypeReference<Paged<TvShow>> SHOWS = new TypeReference<>() { };
    private static final TypeReference<Paged<RatedMovie>> RATED_MOVIES = new TypeReference<>() { };
    private static final TypeReference<Paged<RatedTvShow>> RATED_SHOWS = new TypeReference<>() { };

    /** A guest session as created. */
    public record Guest(String id, Instant expiresAt) {
    }

    /** Whose calls: a user session or a guest session, as a query parameter. */
    public record Actor(String param, String id) {
        public static Actor session(String sessionId) {
            return new Actor("session_id", sessionId);
        }

        public static Actor guest(String guestSessionId) {
            return new Actor("guest_session_id", guestSessionId);
        }

        boolean isGuest() {
            return param.equals("guest_session_id");
        }
    }

    /**
     * @param apiKey the v3 API key, or {@code null}
     * @param readAccessToken the v4 read access token, or {@code null}; preferred when both are set
     */
    public TmdbApi(Secret apiKey, Secret readAccessToken) {
        if (apiKey == null && readAccessToken == null) {
            throw new InvalidInputException("TMDb needs an API key or a read access token");
        }
        this.apiKey = apiKey;
        this.readAccessToken = readAccessToken;
    }

    // --- v3 authentication -------------------------------------------------------------------------------------

    public ApiCall<Void> validateKey() {
        return new ApiCall<>(app(ApiRequest.get("/3/authentication").operation("checkKey")).build(), TmdbApi::checkStatus);
    }

    public ApiCall<RequestToken> createRequestToken() {
        return new ApiCall<>(app(ApiRequest.get("/3/authentication/token/new").operation("newRequestToken")).sensitive().replayable(false)
                .build(), TmdbApi::readToken);
    }

    public ApiCall<RequestToken> validateWithLogin(RequestToken token, String username, Secret password) {
        require(token, "token");
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username is blank");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password.reveal());
        body.put("request_token", token.value());
        return new ApiCall<>(app(ApiRequest.post("/3/authentication/token/validate_with_login").operation("validateWithLogin")).jsonBody(body)
                .secret(password.reveal()).secret(token.value()).sensitive().replayable(false).build(),
                TmdbApi::readToken);
    }

    public ApiCall<TmdbSession> createSession(RequestToken token) {
        return createSession(require(token, "token").value());
    }

    /** @param requestToken an approved request token's value, as a web callback delivers it */
    public ApiCall<TmdbSession> createSession(String requestToken) {
        if (requestToken == null || requestToken.isBlank()) {
            throw new InvalidInputException("request token is blank");
        }
        // The session is made inside the parser: an unusable id from the server is an invalid answer, with its path.
        return new ApiCall<>(app(ApiRequest.post("/3/authentication/session/new").operation("newSession"))
                .jsonBody(Map.of("request_token", requestToken)).secret(requestToken).sensitive()
                .replayable(false).build(), r -> new TmdbSession(r.json(SessionShape.class).sessionId()));
    }

    public ApiCall<Guest> createGuestSession() {
        return new ApiCall<>(app(ApiRequest.get("/3/authentication/guest_session/new").operation("newGuestSession")).sensitive()
                .replayable(false).build(), r -> {
                    GuestShape g = r.json(GuestShape.class);
                    return new Guest(new TmdbSession(g.guestSessionId()).sessionId(), parseExpiry(r, g.expiresAt()));
                });
    }

    public ApiCall<TmdbSession> convertV4(V4AccessToken token) {
        require(token, "accessToken");
        return new ApiCall<>(app(ApiRequest.post("/3/authentication/session/convert/4").operation("convertV4Session"))
                .jsonBody(Map.of("access_token", token.value())).secret(token.value()).sensitive().replayable(false)
                .build(), r -> new TmdbSession(r.json(SessionShape.class).sessionId()));
    }

    public ApiCall<Void> deleteSession(String sessionId) {
        return new ApiCall<>(app(ApiRequest.delete("/3/authentication/session").operation("deleteSession"))
                .jsonBody(Map.of("session_id", sessionId)).secret(sessionId).sensitive().build(),
                TmdbApi::checkStatus);
    }

    // --- v4 authentication -------------------------------------------------------------------------------------

    public ApiCall<V4RequestToken> createV4RequestToken(String redirectTo) {
        Map<String, String> body = redirectTo == null ? Map.of() : Map.of("redirect_to", redirectTo);
        return new ApiCall<>(v4(ApiRequest.post("/4/auth/request_token").operation("v4RequestToken")).jsonBody(body).sensitive()
                .replayable(false).build(), r -> new V4RequestToken(r.json(TokenShape.class).requestToken()));
    }

    public ApiCall<V4AccessToken> createAccessToken(V4RequestToken token) {
        require(token, "approved");
        return new ApiCall<>(v4(ApiRequest.post("/4/auth/access_token").operation("v4AccessToken"))
                .jsonBody(Map.of("request_token", token.value())).secret(token.value()).sensitive()
                .replayable(false).build(), r -> {
                    AccessShape a = r.json(AccessShape.class);
                    return new V4AccessToken(a.accessToken(), a.accountId());
                });
    }

    public ApiCall<Void> deleteAccessToken(V4AccessToken token) {
        require(token, "token");
        return new ApiCall<>(v4(ApiRequest.delete("/4/auth/access_token").operation("v4DeleteAccessToken"))
                .jsonBody(Map.of("access_token", token.value())).secret(token.value()).sensitive().build(),
                TmdbApi::checkStatus);
    }

    // --- account -----------------------------------------------------------------------------------------------

    /** @param accountId the account id, or {@code null} for the session's own ({@code GET /3/account}) */
    public ApiCall<AccountDetails> accountDetails(String sessionId, Integer accountId) {
        ApiRequest.Builder b = (accountId == null ? ApiRequest.get("/3/account")
                : ApiRequest.get("/3/account/{account_id}").pathParam("account_id", String.valueOf(accountId)))
                .operation("account");
        return new ApiCall<>(app(b).query("session_id", sessionId).build(), r -> {
            AccountDetails d = r.json(AccountDetails.class);
            if (accountId == null) {
                // The session's account: its name becomes the store key. TMDb's login answer names no user, so
                // only the name's fitness can be checked, not that it is the one who logged in.
                r.loggedInAs(null, d.username(), true);
            }
            return d;
        });
    }

    public ApiCall<NumberedPages.Slice<Movie>> movies(String list, int accountId, String sessionId, int page,
            boolean newestFirst) {
        return new ApiCall<>(accountList(list, "movies", accountId, sessionId, page, newestFirst), r -> slice(r,
                MOVIES));
    }

    public ApiCall<NumberedPages.Slice<TvShow>> shows(String list, int accountId, String sessionId, int page,
            boolean newestFirst) {
        return new ApiCall<>(accountList(list, "tv", accountId, sessionId, page, newestFirst), r -> slice(r, SHOWS));
    }

    public ApiCall<NumberedPages.Slice<RatedMovie>> ratedMovies(int accountId, String sessionId, int page,
            boolean newestFirst) {
        return new ApiCall<>(accountList("rated", "movies", accountId, sessionId, page, newestFirst),
                r -> slice(r, RATED_MOVIES));
    }

    public ApiCall<NumberedPages.Slice<RatedTvShow>> ratedShows(int accountId, String sessionId, int page,
            boolean newestFirst) {
        return new ApiCall<>(accountList("rated", "tv", accountId, sessionId, page, newestFirst),
                r -> slice(r, RATED_SHOWS));
    }

    /** @param list {@code favorite} or {@code watchlist} */
    public ApiCall<Void> mark(String list, int accountId, String sessionId, MediaType type, int mediaId, boolean on) {
        require(type, "type");
        requireId(mediaId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("media_type", type.wire());
        body.put("media_id", mediaId);
        body.put(list, on);
        // Setting the same flag twice leaves the same state: safe to replay.
        return new ApiCall<>(app(ApiRequest.post("/3/account/{account_id}/" + list).operation(list)
                .pathParam("account_id", String.valueOf(accountId))).query("session_id", sessionId).jsonBody(body)
                .replayable(true).build(), TmdbApi::checkStatus);
    }

    public ApiCall<Void> rate(Actor actor, MediaType type, int mediaId, double value) {
        require(type, "type");
        requireId(mediaId);
        if (!(value > 0 && value <= 10) || Math.rint(value * 2) != value * 2) {
            throw new InvalidInputException("a TMDb rating is 0.5 to 10 in steps of 0.5, not " + value);
        }
        ApiRequest.Builder b = app(ApiRequest.post("/3/" + type.wire() + "/{id}/rating").operation("rate")
                .pathParam("id", String.valueOf(mediaId))).secretQuery(actor.param(), actor.id())
                .jsonBody(Map.of("value", value)).replayable(true);
        return new ApiCall<>(guestAware(b, actor).build(), TmdbApi::checkStatus);
    }

    public ApiCall<Void> deleteRating(Actor actor, MediaType type, int mediaId) {
        require(type, "type");
        requireId(mediaId);
        ApiRequest.Builder b = app(ApiRequest.delete("/3/" + type.wire() + "/{id}/rating").operation("deleteRating")
                .pathParam("id", String.valueOf(mediaId))).secretQuery(actor.param(), actor.id());
        return new ApiCall<>(guestAware(b, actor).build(), TmdbApi::checkStatus);
    }

    public ApiCall<AccountStates> movieStates(Actor actor, int movieId) {
        requireId(movieId);
        ApiRequest.Builder b = app(ApiRequest.get("/3/movie/{id}/account_states").operation("accountStates")
                .pathParam("id", String.valueOf(movieId))).secretQuery(actor.param(), actor.id());
        return new ApiCall<>(guestAware(b, actor).build(), ResponseParser.json(AccountStates.class));
    }

    public ApiCall<NumberedPages.Slice<RatedMovie>> guestRatedMovies(String guestId, int page) {
        return new ApiCall<>(guestList(guestId, "movies", page), r -> slice(r, RATED_MOVIES));
    }

    public ApiCall<NumberedPages.Slice<RatedTvShow>> guestRatedShows(String guestId, int page) {
        return new ApiCall<>(guestList(guestId, "tv", page), r -> slice(r, RATED_SHOWS));
    }

    /** The escape hatch: any path with the application's credentials. */
    public <T> ApiCall<T> raw(String method, String path, Map<String, ?> query, Object body, Class<T> type) {
        return ApiCall.of(app(ApiRequest.builder(method, path)), query, body, type);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ApiRequest accountList(String list, String media, int accountId, String sessionId, int page,
            boolean newestFirst) {
        return app(ApiRequest.get("/3/account/{account_id}/" + list + "/" + media).operation(list)
                .pathParam("account_id", String.valueOf(accountId))).query("session_id", sessionId)
                .query("page", page).query("sort_by", newestFirst ? "created_at.desc" : "created_at.asc").build();
    }

    private ApiRequest guestList(String guestId, String media, int page) {
        return app(ApiRequest.get("/3/guest_session/{guest_session_id}/rated/" + media).operation("guestRated")
                .secretPathParam("guest_session_id", guestId)).query("page", page)
                .errorMapper(TmdbErrors.GUEST).build();
    }

    private static ApiRequest.Builder guestAware(ApiRequest.Builder b, Actor actor) {
        return actor.isGuest() ? b.errorMapper(TmdbErrors.GUEST) : b;
    }

    /** Adds the application's credentials: the read access token as a bearer, else the API key as a query. */
    private ApiRequest.Builder app(ApiRequest.Builder b) {
        if (readAccessToken != null) {
            return b.secretHeader("Authorization", "Bearer " + readAccessToken.reveal());
        }
        return b.secretQuery("api_key", apiKey.reveal());
    }

    private ApiRequest.Builder v4(ApiRequest.Builder b) {
        if (readAccessToken == null) {
            throw new InvalidInputException("TMDb's v4 authentication needs the read access token "
                    + "(TmdbClient.builder().readAccessToken(...)), not only the v3 API key");
        }
        return b.secretHeader("Authorization", "Bearer " + readAccessToken.reveal());
    }

    private static <T> NumberedPages.Slice<T> slice(ResponseView r, TypeReference<Paged<T>> type) throws IOException {
        Paged<T> p = r.json(type);
        return new NumberedPages.Slice<>(p.results(), p.page(), p.totalPages(),
                p.totalResults() == null ? -1 : p.totalResults());
    }

    /** Writes answer a status envelope; TMDb reports some failures (codes 21, 40) with HTTP 200. */
    private static Void checkStatus(ResponseView r) throws IOException {
        Status s = r.json(Status.class);
        if (Boolean.FALSE.equals(s.success()) && s.code() != null) {
            throw TmdbErrors.forCode(s.code(), r.error(String.valueOf(s.code()), s.message()));
        }
        return null;
    }

    private static RequestToken readToken(ResponseView r) throws IOException {
        TokenShape t = r.json(TokenShape.class);
        return new RequestToken(t.requestToken(), parseExpiry(r, t.expiresAt()));
    }

    /** TMDb writes {@code 2016-08-26 17:04:39 UTC}. */
    private static Instant parseExpiry(ResponseView r, String text) {
        if (text == null) {
            throw r.invalid("missing required field 'expires_at'");
        }
        try {
            // TMDb always writes UTC: parse the fixed layout directly (a zone-name pattern costs far more).
            if (text.length() == 23 && text.endsWith(" UTC") && text.charAt(4) == '-' && text.charAt(7) == '-'
                    && text.charAt(10) == ' ' && text.charAt(13) == ':' && text.charAt(16) == ':') {
                return java.time.LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)).toInstant(ZoneOffset.UTC);
            }
            return EXPIRES.parse(text, java.time.ZonedDateTime::from).toInstant();
        } catch (java.time.DateTimeException e) {
            // The value may be anything the server chose to echo: the view scrubs and cuts it.
            throw r.invalid("'expires_at' is not a date TMDb writes: " + text);
        }
    }

    /** Reads a run of ASCII digits; anything else is not TMDb's layout. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void requireId(int id) {
        if (id <= 0) {
            throw new InvalidInputException("TMDb ids are positive, not " + id);
        }
    }
}
