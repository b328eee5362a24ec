package dev.latchkey.bench;

import info.movito.themoviedbapi.TmdbApi;
import info.movito.themoviedbapi.model.core.responses.TmdbResponseException;
import info.movito.themoviedbapi.tools.ApiUrl;
import info.movito.themoviedbapi.tools.RequestType;
import info.movito.themoviedbapi.tools.TmdbHttpClient;
import info.movito.themoviedbapi.tools.TmdbUrlReader;

/**
 * themoviedbapi (c-eg, JDK HttpClient + Jackson) pointed at the benchmark's loopback server through its own URL-reader
 * hook: its default reader does the HTTP work; only the hard-coded base URL is replaced.
 */
final class TheMovieDbApiPeer implements TmdbUrlReader {
    private final TmdbHttpClient delegate;
    private final String base;

    private TheMovieDbApiPeer(String readAccessToken, String base) {
        this.delegate = new TmdbHttpClient(readAccessToken);
        this.base = base + "/3/";
    }

    static TmdbApi api(String readAccessToken, String base) {
        return new TmdbApi(new TheMovieDbApiPeer(readAccessToken, base));
    }

    @Override
    public String readUrl(String url, String jsonBody, RequestType requestType) throws TmdbResponseException {
        return delegate.readUrl(url.replace(ApiUrl.TMDB_API_BASE_URL, base), jsonBody, requestType);
    }
}
